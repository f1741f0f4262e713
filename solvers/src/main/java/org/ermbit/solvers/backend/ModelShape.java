package org.ermbit.solvers.backend;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Capability;

/**
 * Checks that a model has the shape a backend's capabilities promise (the contract of DESIGN §6):
 * a backend with only {@link Capability#PSEUDO_BOOLEAN} takes 0/1 variables, unenforced linear
 * constraints and clauses; a {@link Capability#LIA} backend takes bounded integers, enforced linear
 * constraints and clauses, and products only with {@link Capability#NIA};
 * {@link Capability#INT64_ONLY} backends take only numbers that fit in 64 bits.
 */
public final class ModelShape {
    private ModelShape() {
    }

    /** Empty when the model fits, else a reason starting with {@code "not supported: "}. */
    public static Optional<String> unsupported(Model model, Set<Capability> caps) {
        boolean lia = caps.contains(Capability.LIA);
        if (!lia) {
            for (Var v : model.vars()) {
                if (v.lower().signum() < 0 || v.upper().compareTo(BigInteger.ONE) > 0) {
                    return Optional.of("not supported: integer variable " + v.name() + " in [" + v.lower() + ", " + v.upper()
                            + "] (this backend takes only 0/1 variables; lower the model to pseudo-Boolean form first)");
                }
            }
        }
        for (Constraint c : model.constraints()) {
            if (c instanceof Constraint.Product p && !caps.contains(Capability.NIA)) {
                return Optional.of("not supported: product " + p.result().name() + " = " + p.left().name() + "*" + p.right().name()
                        + " (this backend has no nonlinear arithmetic; lower products first)");
            }
            if (c instanceof Constraint.Linear l && !lia && !l.enforcement().isEmpty()) {
                return Optional.of("not supported: enforced linear constraint " + l
                        + " (this backend takes only unconditional pseudo-Boolean constraints)");
            }
        }
        if (caps.contains(Capability.INT64_ONLY) && model.maxCoefficientBits() > 62) {
            return Optional.of("not supported: a coefficient or bound needs " + model.maxCoefficientBits() + " bits (this backend takes 64-bit integers only)");
        }
        return Optional.empty();
    }
}
