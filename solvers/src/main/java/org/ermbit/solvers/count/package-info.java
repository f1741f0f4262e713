/**
 * Exact model counting (#SAT) of CNF formulas with BigInteger counts: a sharpSAT-style component
 * counter ({@link org.ermbit.solvers.count.ComponentCounter}: DPLL with unit propagation, connected
 * components, component caching and variable elimination of narrow components) and a cross-check through LogicNG's DNNF compiler
 * ({@link org.ermbit.solvers.count.LogicNgCounter}). Variables declared but unused count as free.
 */
package org.ermbit.solvers.count;
