package org.ermbit.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;

/**
 * The activation pattern of a network on a data set: which linear piece every unit of every
 * piecewise-linear layer is on, for every data point. Together with the parameters it is the NP
 * certificate of DESIGN §5; the verifier recomputes it with {@link #of} and compares it with what an
 * encoder decoded.
 *
 * <p>{@code pieces().get(n).get(l - 1).get(i)} is the piece of unit {@code i} of layer {@code l} on
 * data point {@code n}; the list of a layer without pieces (identity, affine polynomial) is empty.
 * Conventions, with z the exact pre-activation:
 * <ul>
 *   <li>relu, leaky_relu: piece 1 iff z &gt; 0, else 0;</li>
 *   <li>hardtanh: piece 0 iff z ≤ −1, piece 2 iff z ≥ 1, else 1.</li>
 * </ul>
 */
public record ActivationPattern(List<List<List<Integer>>> pieces) {

    public ActivationPattern {
        pieces = pieces.stream().map(pt -> pt.stream().map(List::copyOf).toList()).toList();
    }

    /** The pattern of {@code p} on the instance's data, by an exact forward pass. */
    public static ActivationPattern of(ErmInstance inst, NetworkParameters p) {
        Architecture a = inst.architecture();
        List<List<List<Integer>>> out = new ArrayList<>();
        for (List<Rational> x : inst.data().inputs()) {
            ForwardPass.Trace t = ForwardPass.run(a, p, x);
            List<List<Integer>> perLayer = new ArrayList<>();
            for (int l = 1; l <= a.depth(); l++) {
                Activation act = a.layer(l).activation();
                List<Integer> units = new ArrayList<>();
                if (hasPieces(act)) for (Rational z : t.preActivations(l)) units.add(piece(act, z));
                perLayer.add(units);
            }
            out.add(perLayer);
        }
        return new ActivationPattern(out);
    }

    /** True for activations with more than one linear piece (relu, leaky_relu, hardtanh). */
    public static boolean hasPieces(Activation act) {
        return act instanceof Activation.Relu || act instanceof Activation.LeakyRelu || act instanceof Activation.HardTanh;
    }

    /** The piece index of {@code z} under the conventions above. */
    public static int piece(Activation act, Rational z) {
        if (act instanceof Activation.Relu || act instanceof Activation.LeakyRelu) return z.signum() > 0 ? 1 : 0;
        if (act instanceof Activation.HardTanh) {
            if (z.compareTo(Rational.MINUS_ONE) <= 0) return 0;
            return z.compareTo(Rational.ONE) >= 0 ? 2 : 1;
        }
        throw new IllegalArgumentException(act.typeName() + " has a single linear piece");
    }

    /** Piece of unit {@code i} of layer {@code l} (from 1) on data point {@code n} (from 0). */
    public int piece(int n, int l, int i) {
        return pieces.get(n).get(l - 1).get(i);
    }

    /** Number of data points. */
    public int points() {
        return pieces.size();
    }
}
