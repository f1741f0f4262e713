package org.ermbit.solvers.real;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.model.ParameterRef;

/**
 * The answer of {@link RealDecider}: {@code SAT} with exact (algebraic) values for every free
 * parameter and the loss at them; {@code UNSAT} meaning no real parameter vector reaches the bound
 * (nlsat is a decision procedure for real arithmetic); {@code UNKNOWN} with a reason (time limit).
 * {@code rationalCheck} says whether a rational witness was re-checked by the exact rational evaluator.
 */
public record RealResult(Outcome outcome, Map<ParameterRef, RealValue> witness, Optional<RealValue> loss,
                         boolean rationalCheck, String reason, String z3Version, Duration time) {

    /** What was established over the reals. */
    public enum Outcome { SAT, UNSAT, UNKNOWN }

    public RealResult {
        witness = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(witness));
    }
}
