package org.ermbit.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.bench.Mode;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;

/**
 * Family {@code parity} (XOR is k = 2): all 2^k points of {0,1}^k with target x_1 ⊕ … ⊕ x_k, a
 * k-hidden-1 ReLU network, squared loss, exact fit. Deterministic (no seed).
 *
 * <p>Planted witness when hidden ≥ k and the domain holds the values it needs: with s = Σ x_j,
 * hidden unit i &lt; k computes relu(s − i) and the output is relu(s) − 2·relu(s − 1) + 2·relu(s − 2) − …,
 * which equals s mod 2 for s = 0..k (each kink flips the slope between +1 and −1). Otherwise the
 * answer is left to {@link Labeler} (brute force on small domains).
 */
public final class ParityGenerator {
    private ParityGenerator() {
    }

    /** e.g. {@code parity-k2-h2-b3}. */
    public static String name(int k, int hidden, Domain domain) {
        return "parity-k" + k + "-h" + hidden + "-" + DomainTags.tag(domain);
    }

    public static Generated generate(int k, int hidden, Domain domain) {
        if (k < 1 || k > 12 || hidden < 1) throw new IllegalArgumentException("parity: need 1 <= k <= 12 and hidden >= 1");
        Architecture arch = new Architecture(k, List.of(new LayerSpec(hidden, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int m = 0; m < (1 << k); m++) {
            List<Rational> x = new ArrayList<>();
            for (int j = k - 1; j >= 0; j--) x.add(Rational.of((m >> j) & 1));
            xs.add(x);
            ys.add(List.of(Rational.of(Integer.bitCount(m) & 1)));
        }
        ErmInstance inst = new ErmInstance(name(k, hidden, domain), Optional.of("parity of " + k + " bits (all 2^" + k
                + " points), " + k + "-" + hidden + "-1 ReLU network, exact fit"), arch, ParameterDomains.uniform(domain), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, new Dataset(xs, ys), Optional.empty());
        return new Generated(inst, "parity", Mode.SOLVE, planted(arch, k, hidden, domain), Optional.empty());
    }

    private static Optional<NetworkParameters> planted(Architecture arch, int k, int hidden, Domain domain) {
        if (hidden < k) return Optional.empty();
        NetworkParameters p = NetworkParameters.build(arch, r -> {
            if (r.layer() == 1) {
                if (r.unit() >= k) return Rational.ZERO;
                return r.isBias() ? Rational.of(-r.unit()) : Rational.ONE;
            }
            if (r.isBias() || r.input() >= k) return Rational.ZERO;
            return r.input() == 0 ? Rational.ONE : Rational.of(r.input() % 2 == 1 ? -2 : 2);
        });
        for (var layer : p.layers()) {
            for (var row : layer.weights()) for (Rational v : row) if (!domain.contains(v)) return Optional.empty();
            for (Rational v : layer.biases()) if (!domain.contains(v)) return Optional.empty();
        }
        return Optional.of(p);
    }
}
