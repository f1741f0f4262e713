package org.ermbit.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ermbit.core.number.Rational;
import org.ermbit.core.format.Counted;

/** A full parameter vector: one {@link LayerParameters} per layer, layers numbered from 1. */
public record NetworkParameters(List<LayerParameters> layers) {
    public NetworkParameters {
        layers = List.copyOf(layers);
    }

    /** Builds parameters for {@code a} by asking {@code value} for every weight and bias. */
    public static NetworkParameters build(Architecture a, Function<ParameterRef, Rational> value) {
        List<LayerParameters> out = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            List<List<Rational>> w = new ArrayList<>();
            List<Rational> b = new ArrayList<>();
            for (int i = 0; i < a.layer(l).units(); i++) {
                List<Rational> row = new ArrayList<>();
                for (int j = 0; j < a.fanIn(l); j++) row.add(value.apply(ParameterRef.weight(l, i, j)));
                w.add(row);
                b.add(value.apply(ParameterRef.bias(l, i)));
            }
            out.add(new LayerParameters(w, b));
        }
        return new NetworkParameters(out);
    }

    /** Layer ℓ, numbered from 1. */
    public LayerParameters layer(int l) {
        return layers.get(l - 1);
    }

    public Rational get(ParameterRef r) {
        LayerParameters lp = layer(r.layer());
        return r.isBias() ? lp.biases().get(r.unit()) : lp.weights().get(r.unit()).get(r.input());
    }

    /** Null if the shape matches {@code a}, else a description of the first mismatch. */
    public String shapeMismatch(Architecture a) {
        if (layers.size() != a.depth()) return "has " + Counted.of(layers.size(), "layer") + ", the network has " + a.depth();
        for (int l = 1; l <= a.depth(); l++) {
            LayerParameters lp = layer(l);
            String at = "layers[" + (l - 1) + "]";
            if (lp.units() != a.layer(l).units()) {
                return at + " has " + lp.units() + " units, the network has " + a.layer(l).units();
            }
            for (int i = 0; i < lp.units(); i++) {
                if (lp.weights().get(i).size() != a.fanIn(l)) {
                    return at + ".weights[" + i + "] has " + Counted.of(lp.weights().get(i).size(), "entry", "entries") + ", expected " + a.fanIn(l);
                }
            }
        }
        return null;
    }
}
