/**
 * Test-scope benchmark helpers for the NP route (docs/BENCHMARKS.md, "NP route: planted teachers"):
 * a generator that writes the planted-teacher and XOR instance files, and an in-process timing loop
 * over seeds, solvers and symmetry breaking on/off. Not run by the test suite; no timed assertions.
 */
package org.ermbit.tests.bench;
