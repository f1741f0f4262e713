/**
 * External-process backends: each writes the model in a file format of
 * {@code org.ermbit.reductions.export} (DIMACS CNF, SMT-LIB 2, CPLEX LP), runs a solver binary
 * found on the PATH (CaDiCaL, PicoSAT, MiniSat, z3, cvc5, CBC — see
 * {@code scripts/install-external-solvers.sh}), parses its answer, and checks every returned
 * assignment exactly against the IR before reporting it. Processes (and their children) are
 * killed at the deadline or on cancellation.
 */
package org.ermbit.solvers.external;
