package org.ermbit.core.model;

import java.util.List;
import org.ermbit.core.number.Rational;

/** The weights and biases of one layer: {@code weights.get(i).get(j)} is from input j to unit i. */
public record LayerParameters(List<List<Rational>> weights, List<Rational> biases) {
    public LayerParameters {
        weights = weights.stream().map(List::copyOf).toList();
        biases = List.copyOf(biases);
        if (weights.size() != biases.size()) {
            throw new IllegalArgumentException(weights.size() + " weight rows but " + biases.size() + " biases");
        }
    }

    public int units() {
        return biases.size();
    }
}
