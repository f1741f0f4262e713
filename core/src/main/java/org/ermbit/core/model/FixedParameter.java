package org.ermbit.core.model;

import org.ermbit.core.number.Rational;

/** A parameter pinned to a constant value (which need not lie in its domain). */
public record FixedParameter(ParameterRef ref, Rational value) {
    public FixedParameter {
        java.util.Objects.requireNonNull(ref, "ref");
        java.util.Objects.requireNonNull(value, "value");
    }
}
