package org.ermbit.solvers.pipeline;

/** Names of the pipeline's routes and of the portfolio pseudo-solver, as printed and parsed. */
public final class Routes {
    /** Piecewise-linear networks: encode and solve (ReLU ERM_bit is NP-complete). */
    public static final String NP = "NP";
    /** Polynomial activations of degree ≥ 2: exhaustive exact search within caps. */
    public static final String EXHAUSTIVE = "exhaustive";
    /** The solver id that races {@link ErmOptions#DEFAULT_PORTFOLIO}. */
    public static final String PORTFOLIO = "portfolio";

    private Routes() {
    }
}
