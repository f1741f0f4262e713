package org.ermbit.core.model;

import java.util.List;
import org.ermbit.core.number.Rational;

/** Training data: N input vectors and N target vectors, all exact rationals. */
public record Dataset(List<List<Rational>> inputs, List<List<Rational>> targets) {
    public Dataset {
        java.util.Objects.requireNonNull(inputs, "inputs");
        java.util.Objects.requireNonNull(targets, "targets");
        requireNoNull(inputs, "inputs");
        requireNoNull(targets, "targets");
        if (inputs.size() != targets.size()) {
            throw new IllegalArgumentException(inputs.size() + " input rows but " + targets.size() + " target rows");
        }
        inputs = inputs.stream().map(List::copyOf).toList();
        targets = targets.stream().map(List::copyOf).toList();
    }

    private static void requireNoNull(List<List<Rational>> rows, String what) {
        for (int n = 0; n < rows.size(); n++) {
            List<Rational> row = java.util.Objects.requireNonNull(rows.get(n), what + "[" + n + "]");
            for (int j = 0; j < row.size(); j++) java.util.Objects.requireNonNull(row.get(j), what + "[" + n + "][" + j + "]");
        }
    }

    public int size() {
        return inputs.size();
    }
}
