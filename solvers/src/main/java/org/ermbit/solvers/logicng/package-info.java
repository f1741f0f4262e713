/**
 * The {@code logicng} backend: LogicNG's MiniSat (pure Java) on the exact CNF of a pseudo-Boolean
 * model, with every UNSAT answer certified by checking the solver's DRUP proof.
 */
package org.ermbit.solvers.logicng;
