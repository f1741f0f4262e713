package org.ermbit.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;

/** Exact forward pass of a network on one input vector. */
public final class ForwardPass {

    /**
     * Largest bit-length ({@link Rational#bitLength()}) of any value the forward pass will compute
     * (16 Mi bits, about 2 MB per number). Past it the pass stops with {@link BitBudgetExceeded}
     * instead of running out of memory; only polynomial activations of high degree and depth get
     * near it. Documented in docs/FORMAT.md.
     */
    public static final int MAX_VALUE_BITS = 1 << 24;

    private ForwardPass() {
    }

    /** Thrown when an exact value would exceed {@link #MAX_VALUE_BITS}. */
    public static final class BitBudgetExceeded extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        /** Layer (from 1) and unit (from 0) whose value would exceed the budget. */
        public BitBudgetExceeded(int layer, int unit, long bits) {
            super("layer " + layer + ", unit " + unit + ": the exact value needs about " + bits
                    + " bits, more than the cap of " + MAX_VALUE_BITS + " bits");
        }
    }

    /**
     * Pre-activations and activations of one forward pass: {@code z(l)} and {@code h(l)} for layers
     * 1..L, with {@code h(0)} the input. Also records the largest bit-length of any value seen.
     */
    public record Trace(List<List<Rational>> z, List<List<Rational>> h, int maxBitLength) {
        /** Pre-activations of layer ℓ ≥ 1. */
        public List<Rational> preActivations(int l) {
            return z.get(l - 1);
        }

        /** Activations of layer ℓ ≥ 0 (layer 0 = input). */
        public List<Rational> activations(int l) {
            return h.get(l);
        }

        /** Network output (activations of the last layer). */
        public List<Rational> output() {
            return h.get(h.size() - 1);
        }
    }

    /**
     * Runs the network on {@code x}; {@code p} must have the shape of {@code a}. Throws
     * {@link BitBudgetExceeded} if a value would need more than {@link #MAX_VALUE_BITS} bits.
     */
    public static Trace run(Architecture a, NetworkParameters p, List<Rational> x) {
        if (x.size() != a.inputs()) throw new IllegalArgumentException("input has " + x.size() + " entries, expected " + a.inputs());
        List<List<Rational>> zs = new ArrayList<>();
        List<List<Rational>> hs = new ArrayList<>();
        hs.add(List.copyOf(x));
        int maxBits = x.stream().mapToInt(Rational::bitLength).max().orElse(0);
        List<Rational> prev = x;
        for (int l = 1; l <= a.depth(); l++) {
            LayerParameters lp = p.layer(l);
            List<Rational> z = new ArrayList<>();
            List<Rational> h = new ArrayList<>();
            for (int i = 0; i < a.layer(l).units(); i++) {
                Rational acc = lp.biases().get(i);
                List<Rational> row = lp.weights().get(i);
                for (int j = 0; j < prev.size(); j++) acc = acc.add(row.get(j).multiply(prev.get(j)));
                int degree = a.layer(l).activation().degree();
                long estimate = (long) acc.bitLength() * Math.max(1, degree);
                if (estimate > MAX_VALUE_BITS) throw new BitBudgetExceeded(l, i, estimate);
                Rational out = a.layer(l).activation().apply(acc);
                maxBits = Math.max(maxBits, Math.max(acc.bitLength(), out.bitLength()));
                z.add(acc);
                h.add(out);
            }
            zs.add(List.copyOf(z));
            hs.add(List.copyOf(h));
            prev = h;
        }
        return new Trace(List.copyOf(zs), List.copyOf(hs), maxBits);
    }
}
