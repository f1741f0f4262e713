/**
 * Baselines: solvers a user might pick instead of ermbit's encoding, run through the same pipeline
 * so their answers are verified exactly and benchmarked fairly. They take the {@code ErmInstance}
 * directly (not the constraint IR): {@code z3-naive} is the hand-written Z3 model (real-valued
 * weights constrained to the grid by a disjunction of equalities, nonlinear real arithmetic) and
 * {@code enumerate} is exhaustive enumeration of the parameter domain.
 */
package org.ermbit.solvers.baseline;
