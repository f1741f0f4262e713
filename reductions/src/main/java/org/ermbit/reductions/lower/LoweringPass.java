package org.ermbit.reductions.lower;

import org.ermbit.core.ir.Model;

/**
 * A model rewrite: the lowered model is satisfiable iff the input model is, and the lift maps every
 * satisfying assignment of the lowered model to a satisfying assignment of the input model (for an
 * objective: with the same objective value).
 */
public interface LoweringPass {
    Lowered apply(Model m);
}
