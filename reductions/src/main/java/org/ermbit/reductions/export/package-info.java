/**
 * Exporters of the constraint IR to the file formats external solvers read: SMT-LIB 2
 * ({@link org.ermbit.reductions.export.SmtLibWriter}), PB-competition OPB
 * ({@link org.ermbit.reductions.export.OpbWriter}), DIMACS CNF / WCNF through the exact
 * pseudo-Boolean-to-CNF adder encoding ({@link org.ermbit.reductions.export.PseudoBooleanToCnf},
 * {@link org.ermbit.reductions.export.CnfWriter}) and CPLEX LP
 * ({@link org.ermbit.reductions.export.LpWriter}). Every exporter is exact or refuses with an
 * {@link java.lang.IllegalArgumentException} whose message starts with "not supported: ".
 */
package org.ermbit.reductions.export;
