package org.ermbit.reductions.encode;

/**
 * Options of {@link ErmEncoder}.
 *
 * @param symmetryBreaking   add lexicographic-order constraints on interchangeable hidden units
 *                           (sound: some optimal parameter vector always satisfies them)
 * @param configurationLimit first-layer configuration selection (docs/ENCODING.md §3a): when the
 *                           first layer is hidden and each of its units has at most this many
 *                           (weights, bias) configurations, a one-hot selector per configuration
 *                           replaces the unit's pre-activation and activation (its outputs become
 *                           constants per configuration); 0 switches it off
 * @param firstLayerProducts first-layer-aware products (docs/ENCODING.md §3b): when the first layer
 *                           is a hidden relu / leaky_relu layer and every second-layer weight is
 *                           free, v·H_1 is written as v·(N·Z + (P−N)·a·Z) over products v·K of a
 *                           second-layer and a first-layer parameter (shared by all data points) and
 *                           per-point products a·(v·K); H_1 gets no variable
 */
public record EncoderOptions(boolean symmetryBreaking, int configurationLimit, boolean firstLayerProducts) {

    /** A configuration limit to use when switching selection on (4096 per first-layer unit; off by default, see docs/BENCHMARKS.md). */
    public static final int SUGGESTED_CONFIGURATION_LIMIT = 4096;

    public EncoderOptions {
        if (configurationLimit < 0) throw new IllegalArgumentException("configurationLimit must be ≥ 0: " + configurationLimit);
    }

    /** With the default (best measured) encoding: no configuration selection, no first-layer products. */
    public EncoderOptions(boolean symmetryBreaking) {
        this(symmetryBreaking, 0, false);
    }

    /** Symmetry breaking on, default encoding. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(true);
    }

    /** The same options with another configuration limit (0: no configuration selection). */
    public EncoderOptions withConfigurationLimit(int limit) {
        return new EncoderOptions(symmetryBreaking, limit, firstLayerProducts);
    }

    /** The same options with first-layer-aware products on or off. */
    public EncoderOptions withFirstLayerProducts(boolean on) {
        return new EncoderOptions(symmetryBreaking, configurationLimit, on);
    }
}
