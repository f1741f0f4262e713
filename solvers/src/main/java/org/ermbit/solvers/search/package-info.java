/**
 * Direct search of the parameter domain, without a constraint model: {@link org.ermbit.solvers.search.ScaledNetwork}
 * evaluates an instance's exact loss in integer arithmetic (the encoder's scales);
 * {@link org.ermbit.solvers.search.LocalSearch} walks the domain one numerator at a time for a low-loss vector, and
 * {@link org.ermbit.solvers.search.ProjectedSearch} walks the hidden layers only, scored by the exact least-squares
 * residual of the output layer ({@code LeastSquares}); for one hidden layer
 * {@link org.ermbit.solvers.search.UnitSwapSearch} swaps whole hidden units instead, ranking settings in floating point
 * and confirming every step exactly; {@link org.ermbit.solvers.search.SearchSchedule} runs the applicable ones in
 * turns. Incomplete by design — they find witnesses, never prove their absence — and every vector they return is
 * checked by the exact verifier in the pipeline before it is reported.
 */
package org.ermbit.solvers.search;
