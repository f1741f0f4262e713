package org.ermbit.solvers.baseline;

import java.util.Optional;
import org.ermbit.core.model.NetworkParameters;

/**
 * What a baseline claims (the pipeline verifies it): {@code SAT} with a witness of loss ≤ γ,
 * {@code UNSAT}, {@code OPTIMUM} with a minimiser, {@code FEASIBLE} with the best vector found when
 * stopped before proving optimality, or {@code UNKNOWN} with the reason.
 */
public record BaselineAnswer(Kind kind, Optional<NetworkParameters> witness, String reason) {

    /** The claim. */
    public enum Kind { SAT, UNSAT, OPTIMUM, FEASIBLE, UNKNOWN }

    public BaselineAnswer {
        boolean needsWitness = kind == Kind.SAT || kind == Kind.OPTIMUM || kind == Kind.FEASIBLE;
        if (needsWitness != witness.isPresent()) throw new IllegalArgumentException(kind + (needsWitness ? " needs" : " must not carry") + " a witness");
    }

    public static BaselineAnswer unknown(String reason) {
        return new BaselineAnswer(Kind.UNKNOWN, Optional.empty(), reason);
    }
}
