package org.ermbit.reductions.gadget;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.slp.MagnitudeBound;

/**
 * Rigorous bounds on the size of every value a forward pass would compute, obtained without
 * running it: interval arithmetic on absolute values (|z_i| ≤ |b_i| + Σ_j |w_ij|·|h_j|,
 * |σ(z)| ≤ Σ_k |c_k|·|z|^k) with {@link MagnitudeBound}s rounded up. Used to decide whether an
 * exact evaluation fits a bit budget before starting it.
 */
public final class NetworkBounds {

    private NetworkBounds() {
    }

    /**
     * An upper bound on the bit length of |v| (the integer part, ⌈|v|⌉) over every pre-activation and
     * activation v of the forward pass on input {@code x}. For networks whose values are integers
     * (as compiled from SLPs with σ = t²) this bounds the numerators' bit lengths.
     */
    public static long maxBitLengthBound(Architecture a, NetworkParameters p, List<Rational> x) {
        List<MagnitudeBound> h = new ArrayList<>();
        long max = 0;
        for (Rational v : x) {
            MagnitudeBound b = MagnitudeBound.of(v);
            h.add(b);
            max = Math.max(max, b.bitLengthBound());
        }
        for (int l = 1; l <= a.depth(); l++) {
            LayerParameters lp = p.layer(l);
            Activation act = a.layer(l).activation();
            List<MagnitudeBound> next = new ArrayList<>();
            for (int i = 0; i < lp.units(); i++) {
                MagnitudeBound z = MagnitudeBound.of(lp.biases().get(i));
                List<Rational> row = lp.weights().get(i);
                for (int j = 0; j < row.size(); j++) {
                    if (!row.get(j).isZero()) z = z.plus(MagnitudeBound.of(row.get(j)).times(h.get(j)));
                }
                MagnitudeBound out = activationBound(act, z);
                max = Math.max(max, Math.max(z.bitLengthBound(), out.bitLengthBound()));
                next.add(out);
            }
            h = next;
        }
        return max;
    }

    private static MagnitudeBound activationBound(Activation act, MagnitudeBound z) {
        if (!(act instanceof Activation.Polynomial poly)) {
            if (act instanceof Activation.HardTanh) return MagnitudeBound.ONE;
            return z; // relu, leaky_relu (α < 1), identity: |σ(z)| ≤ |z|
        }
        MagnitudeBound acc = MagnitudeBound.ZERO;
        List<Rational> c = poly.coefficients();
        for (int k = c.size() - 1; k >= 0; k--) acc = acc.times(z).plus(MagnitudeBound.of(c.get(k)));
        return acc; // Horner on absolute values bounds Σ |c_k| |z|^k
    }
}
