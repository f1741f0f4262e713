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

    /**
     * A well-mixed hash: the record's default (31·(31·layer + unit) + input) gives a dense range with
     * many equal values for wide layers (unit u, input i+31 and unit u+1, input i collide), which made
     * copying a map of 90,000 parameter variables take seconds under open addressing.
     */
    @Override
    public int hashCode() {
        long h = layer * 0x9E3779B97F4A7C15L + unit * 0xC2B2AE3D27D4EB4FL + input * 0x165667B19E3779F9L;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return isBias() ? "b[" + layer + "][" + unit + "]" : "w[" + layer + "][" + unit + "][" + input + "]";
    }
}
