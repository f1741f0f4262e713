package org.ermbit.reductions.lower;

import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;

/**
 * A model rewrite: the lowered model is satisfiable iff the input model is, and the lift maps every
 * satisfying assignment of the lowered model to a satisfying assignment of the input model (for an
 * objective: with the same objective value).
 */
public interface LoweringPass {
    /**
     * Lowers {@code m}, checking {@code limits} as the work goes on (lowering a model with very wide
     * integers can take long): once they expire it gives up with {@link LoweringStopped}.
     */
    Lowered apply(Model m, Limits limits);

    /** Lowers {@code m} without limits. */
    default Lowered apply(Model m) {
        return apply(m, Limits.none());
    }
}
