package org.ermbit.core.model;

/**
 * Names one parameter: the weight from input {@code input} to unit {@code unit} of layer
 * {@code layer}, or that unit's bias when {@code input == BIAS}. Layers count from 1, units and
 * inputs from 0 (as in {@code ermbit/1} files).
 */
public record ParameterRef(int layer, int unit, int input) {
    /** The {@code input} value that denotes a bias. */
    public static final int BIAS = -1;

    public static ParameterRef weight(int layer, int unit, int input) {
        return new ParameterRef(layer, unit, input);
    }

    public static ParameterRef bias(int layer, int unit) {
        return new ParameterRef(layer, unit, BIAS);
    }

    public boolean isBias() {
        return input == BIAS;
    }

    @Override
    public String toString() {
        return isBias() ? "b[" + layer + "][" + unit + "]" : "w[" + layer + "][" + unit + "][" + input + "]";
    }
}
