package org.ermbit.reductions.gadget;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** {@link NetworkBounds} on hand-worked networks and against exact forward passes. */
class NetworkBoundsTest {

    private static final List<Rational> X3 = List.of(Rational.of(3));

    /** 1 → 1 unit (σ, weight w1, bias 1) → 1 identity unit (weight 3, bias 0). */
    private static long bound(Activation sigma, long w1) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, sigma), new LayerSpec(1, new Activation.Identity())));
        NetworkParameters p = new NetworkParameters(List.of(
                new LayerParameters(List.of(List.of(Rational.of(w1))), List.of(Rational.ONE)),
                new LayerParameters(List.of(List.of(Rational.of(3))), List.of(Rational.ZERO))));
        return NetworkBounds.maxBitLengthBound(a, p, X3);
    }

    @Test
    void handWorkedPolynomialNetwork() {
        // x = 3: z1 = 2·3 + 1 = 7, σ(7) = 49 + 1000 = 1049, output 3·1049 = 3147 (12 bits); small values are bounded exactly
        assertEquals(12, bound(SquareGadgetTest.poly(1000, 0, 1), 2));
        // σ = t²: 49, output 147 (8 bits)
        assertEquals(8, bound(SquareGadgetTest.poly(0, 0, 1), 2));
    }

    @Test
    void handWorkedPiecewiseLinearNetworks() {
        // relu(7) = 7, output 21 (5 bits)
        assertEquals(5, bound(new Activation.Relu(), 2));
        // hardtanh(7) = 1, output 3: the largest value is z1 = 7 (3 bits)
        assertEquals(3, bound(new Activation.HardTanh(), 2));
        // a zero weight contributes nothing: z1 = 1, output 3 (2 bits)
        assertEquals(2, bound(new Activation.Identity(), 0));
    }

    @Test
    void boundsTheIntegerPartOfEveryValueOfRandomNetworks() {
        Random rnd = new Random(3);
        List<Activation> acts = List.of(new Activation.Relu(), new Activation.HardTanh(), new Activation.Identity(),
                new Activation.LeakyRelu(Rational.of(1, 4)), SquareGadgetTest.poly(0, 0, 1), SquareGadgetTest.poly(-1, 2, 0, 1));
        for (int trial = 0; trial < 200; trial++) {
            int inputs = 1 + rnd.nextInt(3);
            int depth = 1 + rnd.nextInt(3);
            List<LayerSpec> specs = new ArrayList<>();
            List<LayerParameters> params = new ArrayList<>();
            int fanIn = inputs;
            for (int l = 0; l < depth; l++) {
                int units = 1 + rnd.nextInt(3);
                specs.add(new LayerSpec(units, acts.get(rnd.nextInt(acts.size()))));
                List<List<Rational>> w = new ArrayList<>();
                List<Rational> b = new ArrayList<>();
                for (int i = 0; i < units; i++) {
                    List<Rational> row = new ArrayList<>();
                    for (int j = 0; j < fanIn; j++) row.add(randomRational(rnd));
                    w.add(row);
                    b.add(randomRational(rnd));
                }
                params.add(new LayerParameters(w, b));
                fanIn = units;
            }
            Architecture a = new Architecture(inputs, specs);
            NetworkParameters p = new NetworkParameters(params);
            List<Rational> x = new ArrayList<>();
            for (int j = 0; j < inputs; j++) x.add(randomRational(rnd));
            ForwardPass.Trace t = ForwardPass.run(a, p, x);
            long observed = 0;
            for (Rational v : x) observed = Math.max(observed, ceilAbsBits(v));
            for (int l = 1; l <= depth; l++) {
                for (Rational v : t.preActivations(l)) observed = Math.max(observed, ceilAbsBits(v));
                for (Rational v : t.activations(l)) observed = Math.max(observed, ceilAbsBits(v));
            }
            long bound = NetworkBounds.maxBitLengthBound(a, p, x);
            assertTrue(observed <= bound, "trial " + trial + ": bound " + bound + " < observed " + observed);
        }
    }

    private static Rational randomRational(Random rnd) {
        return Rational.of(rnd.nextInt(41) - 20, 1 + rnd.nextInt(4));
    }

    /** bitLength(⌈|v|⌉), computed directly. */
    private static long ceilAbsBits(Rational v) {
        BigInteger[] qr = v.numerator().abs().divideAndRemainder(v.denominator());
        return (qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE)).bitLength();
    }
}
