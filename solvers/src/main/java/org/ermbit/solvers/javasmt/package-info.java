/**
 * Backends through java-smt 5.0.1: SMTInterpol and Princess (pure Java) and, where their native
 * libraries load through {@link org.ermbit.solvers.javasmt.NativeLibraryLoader}, CVC5 and OpenSMT.
 * Each solve runs on its own worker thread with a fresh context and a watchdog that stops or
 * abandons it at the deadline. None of them optimises natively (the pipeline tightens the loss
 * bound instead). java-smt's own Z3 is never used (the {@code z3} backend uses z3-turnkey; two Z3
 * builds in one JVM crash).
 */
package org.ermbit.solvers.javasmt;
