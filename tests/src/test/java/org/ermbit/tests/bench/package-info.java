/**
 * Test-scope benchmark helpers (docs/BENCHMARKS.md): for the NP route ("NP route: planted teachers"),
 * a generator that writes the planted-teacher and XOR instance files, and an in-process timing loop
 * over seeds, solvers and symmetry breaking on/off; the encoder's and the local search's timing
 * loops; CaDiCaL against ermbit's check of its DRAT proofs. Not run by the test suite; no timed
 * assertions.
 */
package org.ermbit.tests.bench;
