package org.ermbit.core.spi;

/** What a backend can take without further lowering. */
public enum Capability {
    /** Pseudo-Boolean constraints over 0/1 variables. */
    PSEUDO_BOOLEAN,
    /** Linear integer arithmetic over bounded integers. */
    LIA,
    /** Nonlinear integer arithmetic (native products). */
    NIA,
    /** Arbitrary-precision coefficients. */
    BIGINT_COEFFS,
    /** Coefficients and bounds must fit in 64-bit signed integers. */
    INT64_ONLY,
    /** Native minimisation of a linear objective. */
    OPTIMIZE,
    /** Constraints can be added between solves. */
    INCREMENTAL,
    /** Exact model counting. */
    MODEL_COUNT,
    /** Nonlinear real arithmetic (for Real-RAM comparisons). */
    NRA,
    /**
     * The backend decides in floating point: its SAT answers are re-checked exactly like all
     * others, but its UNSAT (and optimality) verdicts cannot be, so they are not reported as answers
     * unless an exact backend confirms them.
     */
    FLOATING_POINT
}
