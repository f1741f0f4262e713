package org.ermbit.solvers.pipeline;

import java.util.Set;
import org.ermbit.core.spi.Capability;

/**
 * How the squares of the squared loss reach a backend (DESIGN §5, docs/ENCODING.md §4): as products,
 * lowered as the backend needs (native nonlinear arithmetic, or bit products), or as lazy integer
 * tangent cuts.
 */
public enum SquaredLossPath {
    /**
     * Whichever fits the backend (measured, docs/BENCHMARKS.md "Squared loss: products or tangent
     * cuts"): tangent cuts wherever the squares would otherwise become bit products for a
     * linear-integer solver — LIA backends without nonlinear arithmetic, and NIA backends on
     * instances whose products are lowered for them (rational domains); native products on NIA
     * backends otherwise, and bit products on pseudo-Boolean backends.
     */
    AUTO,
    /** Squares stay products: native on NIA backends, bit products elsewhere. */
    PRODUCTS,
    /**
     * Lazy integer tangent cuts on every backend: solve with cuts P ≥ (2t+1)·|R| − t(t+1), add the
     * cut at t = |R| for every square the model undershoots, solve again.
     */
    TANGENT_CUTS;

    /**
     * Whether a backend with capabilities {@code caps} gets tangent cuts under this choice;
     * {@code productsLowered} says whether the pipeline lowers the model's products to bits even for
     * NIA backends (rational domains).
     */
    public boolean tangentCutsFor(Set<Capability> caps, boolean productsLowered) {
        if (this != AUTO) return this == TANGENT_CUTS;
        return caps.contains(Capability.LIA) && (!caps.contains(Capability.NIA) || productsLowered);
    }
}
