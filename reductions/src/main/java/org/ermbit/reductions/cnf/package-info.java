/** Propositional CNF formulas, the DIMACS format (reader and writer), and the check of DRAT proofs that a CNF is unsatisfiable ({@link org.ermbit.reductions.cnf.DratChecker}). */
package org.ermbit.reductions.cnf;
