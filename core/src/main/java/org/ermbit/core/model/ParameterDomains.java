package org.ermbit.core.model;

/** The domain of every weight and the domain of every bias (equal when one domain is given). */
public record ParameterDomains(Domain weights, Domain biases) {
    public static ParameterDomains uniform(Domain d) {
        return new ParameterDomains(d, d);
    }

    public boolean isUniform() {
        return weights.equals(biases);
    }

    public Domain of(ParameterRef ref) {
        return ref.isBias() ? biases : weights;
    }
}
