package org.ermbit.reductions.lower;

import org.ermbit.core.ir.Model;

/**
 * A lowered model, the map from its assignments back to the input model's, and the map from input
 * assignments forward to the lowered model (used to check that intended assignments survive
 * lowering, and for warm starts).
 */
public record Lowered(Model model, AssignmentLift lift, AssignmentExtension extension) {

    /** A lowering without a forward extension ({@link #extension()} then throws). */
    public Lowered(Model model, AssignmentLift lift) {
        this(model, lift, a -> {
            throw new UnsupportedOperationException("not supported: this lowering does not extend assignments");
        });
    }
}
