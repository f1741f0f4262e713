package org.ermbit.core.model;

/** One layer of the network: its number of units and its activation. */
public record LayerSpec(int units, Activation activation) {
    public LayerSpec {
        java.util.Objects.requireNonNull(activation, "activation");
        if (units < 1) throw new IllegalArgumentException("a layer needs at least one unit, got " + units);
    }
}
