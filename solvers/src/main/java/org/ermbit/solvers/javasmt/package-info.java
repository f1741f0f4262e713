/**
 * Backends through java-smt: SMTInterpol and Princess (pure Java) and, where their native
 * libraries load, CVC5 and OpenSMT. Each solve gets its own java-smt context and shutdown manager;
 * objectives are minimised by a bisection search with push/pop. java-smt's own Z3 is never used
 * (the {@code z3} backend uses z3-turnkey; two Z3 builds in one JVM crash).
 */
package org.ermbit.solvers.javasmt;
