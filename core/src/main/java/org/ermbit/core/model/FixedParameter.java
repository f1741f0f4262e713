package org.ermbit.core.model;

import org.ermbit.core.number.Rational;

/** A parameter pinned to a constant value (which need not lie in its domain). */
public record FixedParameter(ParameterRef ref, Rational value) {
}
