/** Propositional CNF formulas and the DIMACS format (reader and writer). */
package org.ermbit.reductions.cnf;
