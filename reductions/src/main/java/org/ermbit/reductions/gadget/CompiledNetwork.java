package org.ermbit.reductions.gadget;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * A network produced by {@link SlpToNetwork}: one (ignored) input, hidden layers with activation σ
 * and a final one-unit identity layer whose output is the program's value, with every weight and
 * bias fixed. Feed any input (conventionally 0): the input's weights are all 0.
 */
public record CompiledNetwork(Architecture architecture, NetworkParameters parameters, Activation.Polynomial sigma) {

    /** Number of σ layers (all layers but the last). */
    public int hiddenLayers() {
        return architecture.depth() - 1;
    }

    /** Total number of σ units. */
    public int hiddenUnits() {
        int u = 0;
        for (int l = 1; l < architecture.depth(); l++) u += architecture.layer(l).units();
        return u;
    }

    /** Every weight and bias as a fixed parameter (weights 0 included, so nothing is trainable). */
    public List<FixedParameter> fixedParameters() {
        List<FixedParameter> out = new ArrayList<>();
        for (int l = 1; l <= architecture.depth(); l++) {
            LayerParameters lp = parameters.layer(l);
            for (int i = 0; i < lp.units(); i++) {
                List<Rational> row = lp.weights().get(i);
                for (int j = 0; j < row.size(); j++) out.add(new FixedParameter(ParameterRef.weight(l, i, j), row.get(j)));
                out.add(new FixedParameter(ParameterRef.bias(l, i), lp.biases().get(i)));
            }
        }
        return out;
    }
}
