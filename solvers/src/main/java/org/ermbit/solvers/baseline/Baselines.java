package org.ermbit.solvers.baseline;

import java.util.List;
import java.util.Optional;

/** The baseline solver ids and their implementations. */
public final class Baselines {
    /** Naive Z3 model (nonlinear real arithmetic). */
    public static final String Z3_NAIVE = "z3-naive";
    /** Exhaustive enumeration of the parameter domain. */
    public static final String ENUMERATE = "enumerate";

    private Baselines() {
    }

    /** Every baseline id. */
    public static List<String> ids() {
        return List.of(ENUMERATE, Z3_NAIVE);
    }

    /** A fresh baseline for the id, or empty if the id is not a baseline. */
    public static Optional<InstanceSolver> byId(String id) {
        return switch (id) {
            case Z3_NAIVE -> Optional.of(new Z3NaiveBaseline());
            case ENUMERATE -> Optional.of(new EnumerationBaseline());
            default -> Optional.empty();
        };
    }
}
