package org.ermbit.core.model;

import java.util.List;

/**
 * A fully connected feed-forward architecture: {@code inputs} inputs and layers 1..L. Layer ℓ has
 * {@code layer(ℓ).units()} units, each with one weight per unit of layer ℓ−1 and one bias.
 */
public record Architecture(int inputs, List<LayerSpec> layers) {
    public Architecture {
        if (inputs < 1) throw new IllegalArgumentException("the network needs at least one input, got " + inputs);
        if (layers.isEmpty()) throw new IllegalArgumentException("the network needs at least one layer");
        layers = List.copyOf(layers);
    }

    /** Number of layers L. */
    public int depth() {
        return layers.size();
    }

    /** Layer ℓ, numbered from 1. */
    public LayerSpec layer(int l) {
        return layers.get(l - 1);
    }

    /** Number of inputs feeding layer ℓ (the width of layer ℓ−1). */
    public int fanIn(int l) {
        return l == 1 ? inputs : layer(l - 1).units();
    }

    /** Width of the last layer. */
    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** Total number of weights and biases. */
    public int parameterCount() {
        int c = 0;
        for (int l = 1; l <= depth(); l++) c += layer(l).units() * (fanIn(l) + 1);
        return c;
    }

    /** True iff every activation is piecewise linear (NP route). */
    public boolean isPiecewiseLinear() {
        return layers.stream().allMatch(s -> s.activation().isPiecewiseLinear());
    }

    /** Largest activation degree over all layers (1 for piecewise linear networks). */
    public int maxDegree() {
        return layers.stream().mapToInt(s -> s.activation().degree()).max().orElse(1);
    }
}
