package org.ermbit.core.model;

import java.util.List;
import org.ermbit.core.number.Rational;

/** Training data: N input vectors and N target vectors, all exact rationals. */
public record Dataset(List<List<Rational>> inputs, List<List<Rational>> targets) {
    public Dataset {
        if (inputs.size() != targets.size()) {
            throw new IllegalArgumentException(inputs.size() + " input rows but " + targets.size() + " target rows");
        }
        inputs = inputs.stream().map(List::copyOf).toList();
        targets = targets.stream().map(List::copyOf).toList();
    }

    public int size() {
        return inputs.size();
    }
}
