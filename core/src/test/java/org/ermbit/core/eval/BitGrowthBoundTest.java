package org.ermbit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/**
 * {@link BitGrowthBound} against the recurrence of docs/CLI.md ({@code ermbit info}), worked by hand
 * for small networks, and against exact forward passes over every parameter vector of tiny domains.
 * Per layer, with (M, Q) of the previous layer and W, B, q_w, q_b of the weights and biases:
 * M_z = fanIn·W·M + B; Q_z = lcm(q_w·Q, q_b) on lattices, (q_w·Q)^fanIn·q_b otherwise; bits =
 * bitLength(⌊M·Q⌋) + bitLength(Q), the larger of the pre-activation's and the activation's.
 */
class BitGrowthBoundTest {

    private static Rational r(long p, long q) {
        return Rational.of(p, q);
    }

    private static ErmInstance inst(int inputs, List<LayerSpec> layers, ParameterDomains d, List<FixedParameter> fixed, List<List<Rational>> xs) {
        Architecture a = new Architecture(inputs, layers);
        List<List<Rational>> ys = new ArrayList<>();
        for (int n = 0; n < xs.size(); n++) ys.add(java.util.Collections.nCopies(a.outputs(), Rational.ZERO));
        return new ErmInstance("t", Optional.empty(), a, d, fixed, new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(xs, ys), Optional.empty());
    }

    private static LayerSpec layer(int units, Activation act) {
        return new LayerSpec(units, act);
    }

    private static void assertLayer(BitGrowthBound.Layer b, int layer, Rational m, long q, boolean lattice, int bits) {
        assertEquals(layer, b.layer());
        assertEquals(m, b.magnitude(), "magnitude of layer " + layer);
        assertEquals(BigInteger.valueOf(q), b.denominator(), "denominator of layer " + layer);
        assertEquals(lattice, b.lattice(), "lattice flag of layer " + layer);
        assertEquals(bits, b.bits(), "bits of layer " + layer);
        assertFalse(b.beyondCap());
    }

    /**
     * The example of docs/CLI.md: xor-2-2-1 over grid (denominator 1, min −2, max 1), inputs 0/1.
     * Layer 1: M = 2·2·1 + 2 = 6, 6 has 3 bits, + 1 bit of Q = 1 → 4; layer 2: 2·2·6 + 2 = 26 → 5 + 1 = 6.
     */
    @Test
    void theDocumentedXorExample() {
        ErmInstance i = inst(2, List.of(layer(2, new Activation.Relu()), layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.ONE)), List.of(),
                List.of(List.of(r(0, 1), r(0, 1)), List.of(r(0, 1), r(1, 1)), List.of(r(1, 1), r(0, 1)), List.of(r(1, 1), r(1, 1))));
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(i);
        assertEquals(2, b.size());
        assertLayer(b.get(0), 1, r(6, 1), 1, true, 4);
        assertLayer(b.get(1), 2, r(26, 1), 1, true, 6);
    }

    /**
     * Fixed point (bits 3, fraction bits 1): k/2 for k in [−4, 3], so W = B = 2, q_w = q_b = 2. Inputs 1/2
     * and −1/3: M = 1/2, Q = lcm(2, 3) = 6. Layer 1: M_z = 2·(1/2) + 2 = 3, Q_z = lcm(2·6, 2) = 12,
     * ⌊36⌋ has 6 bits, 12 has 4 → 10.
     */
    private static final ParameterDomains FIX31 = ParameterDomains.uniform(new Domain.FixedPoint(3, 1));
    private static final List<List<Rational>> HALF_THIRD = List.of(List.of(r(1, 2)), List.of(r(-1, 3)));

    @Test
    void fixedPointWithFractionBitsAndInputDenominators() {
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, new Activation.Identity())), FIX31, List.of(), HALF_THIRD));
        assertLayer(b.get(0), 1, r(3, 1), 12, true, 10);
    }

    /** leaky_relu with α = 1/10 keeps M = 3 and multiplies Q by 10: ⌊3·120⌋ = 360 has 9 bits, 120 has 7 → 16. */
    @Test
    void leakyReluMultipliesTheDenominatorByAlphas() {
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, new Activation.LeakyRelu(r(1, 10)))), FIX31, List.of(), HALF_THIRD));
        assertLayer(b.get(0), 1, r(3, 1), 120, true, 16);
    }

    /**
     * hardtanh caps M at 1 and keeps Q = 12; the bound is still the pre-activation's 10 bits. The next
     * identity layer starts from M = 1: M_z = 2·1 + 2 = 4, Q_z = lcm(2·12, 2) = 24, ⌊96⌋ has 7 bits, 24 has 5 → 12.
     */
    @Test
    void hardtanhCapsTheMagnitudeAtOne() {
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, new Activation.HardTanh()), layer(1, new Activation.Identity())),
                FIX31, List.of(), HALF_THIRD));
        assertLayer(b.get(0), 1, r(1, 1), 12, true, 10);
        assertLayer(b.get(1), 2, r(4, 1), 24, true, 12);
    }

    /**
     * Rational domain with 2 bits: |p|, q ≤ 3, so W = B = 3 and the denominator bound is 3; not a lattice.
     * Inputs (1, −2): M = 2, Q = 1. Layer 1 (fan-in 2): M_z = 2·3·2 + 3 = 15, Q_z = (3·1)^2·3 = 27,
     * ⌊405⌋ has 9 bits, 27 has 5 → 14. Layer 2 (fan-in 1): M_z = 3·15 + 3 = 48, Q_z = 3·27·3 = 243,
     * ⌊11664⌋ has 14 bits, 243 has 8 → 22.
     */
    @Test
    void rationalDomainsMultiplyDenominatorsPerInput() {
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(2, List.of(layer(1, new Activation.Relu()), layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.RationalBits(2)), List.of(), List.of(List.of(r(1, 1), r(-2, 1)))));
        assertLayer(b.get(0), 1, r(15, 1), 27, false, 14);
        assertLayer(b.get(1), 2, r(48, 1), 243, false, 22);
    }

    /**
     * σ(z) = 1/2 + 3z² over fixed (bits 2): W = B = 2, input 1. M_z = 2 + 2 = 4 (4 has 3 bits, Q = 1: 4 bits);
     * M_h = 1/2 + 0·4 + 3·16 = 97/2, Q_h = lcm of the coefficient denominators (2) · 1² = 2; ⌊97⌋ has 7 bits,
     * 2 has 2 → 9.
     */
    @Test
    void polynomialsSumTheirTermsAndRaiseTheDenominatorToTheDegree() {
        Activation p = new Activation.Polynomial(List.of(r(1, 2), Rational.ZERO, r(3, 1)));
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, p)),
                ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(), List.of(List.of(Rational.ONE))));
        assertLayer(b.get(0), 1, r(97, 2), 2, true, 9);
    }

    /**
     * Fixed parameters count with their own values, in their own layer and kind only. Fixed (bits 2): W = B = 2;
     * input 2. w[1][0][0] = 7/3 raises W of layer 1 to 7/3 and q_w to 3: M_z = (7/3)·2 + 2 = 20/3,
     * Q_z = lcm(3, 1) = 3, ⌊20⌋ has 5 bits, 3 has 2 → 7. b[2][0] = 1/5 leaves B = 2 but q_b = 5 in layer 2:
     * M_z = 2·20/3 + 2 = 46/3, Q_z = lcm(1·3, 5) = 15, ⌊230⌋ has 8 bits, 15 has 4 → 12.
     */
    @Test
    void fixedParametersOnALattice() {
        List<FixedParameter> fixed = List.of(new FixedParameter(ParameterRef.weight(1, 0, 0), r(7, 3)),
                new FixedParameter(ParameterRef.bias(2, 0), r(1, 5)));
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, new Activation.Identity()), layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), fixed, List.of(List.of(r(2, 1)))));
        assertLayer(b.get(0), 1, r(20, 3), 3, true, 7);
        assertLayer(b.get(1), 2, r(46, 3), 15, true, 12);
    }

    /**
     * On a rational domain a fixed value's denominator bounds q_w by the larger of the two: w = 7/5 in
     * rational (bits 2) gives W = 3, q_w = 5; input 1: M_z = 3 + 3 = 6, Q_z = 5·3 = 15, ⌊90⌋ has 7 bits,
     * 15 has 4 → 11.
     */
    @Test
    void fixedParametersOnARationalDomain() {
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.RationalBits(2)), List.of(new FixedParameter(ParameterRef.weight(1, 0, 0), r(7, 5))),
                List.of(List.of(Rational.ONE))));
        assertLayer(b.get(0), 1, r(6, 1), 15, false, 11);
    }

    /** Weights on a lattice and biases rational: the layer is not a lattice, Q_z = (1·1)^1·3 = 3. */
    @Test
    void oneRationalPartMakesTheLayerNoLattice() {
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, List.of(layer(1, new Activation.Identity())),
                new ParameterDomains(new Domain.FixedPoint(2, 0), new Domain.RationalBits(2)), List.of(), List.of(List.of(Rational.ONE))));
        // M_z = 2·1 + 3 = 5, ⌊15⌋ has 4 bits, 3 has 2 → 6
        assertLayer(b.get(0), 1, r(5, 1), 3, false, 6);
    }

    /**
     * Soundness by enumeration: every pre-activation and activation of every parameter vector of a
     * 1-1-1 network over rational (bits 2) (15 values, 15^4 vectors), fixed (bits 3, fraction bits 1) and
     * hardtanh/leaky layers stays within its layer's bound.
     */
    @Test
    void everyValueOfEveryParameterVectorIsWithinTheBound() {
        List<List<Rational>> xs = List.of(List.of(r(2, 1)), List.of(r(-1, 2)));
        checkByEnumeration(inst(1, List.of(layer(1, new Activation.Relu()), layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.RationalBits(2)), List.of(), xs));
        checkByEnumeration(inst(1, List.of(layer(1, new Activation.HardTanh()), layer(1, new Activation.LeakyRelu(r(1, 3)))),
                FIX31, List.of(), xs));
    }

    private static void checkByEnumeration(ErmInstance inst) {
        List<BitGrowthBound.Layer> bounds = BitGrowthBound.of(inst);
        List<ParameterRef> refs = inst.freeParameters();
        List<List<Rational>> values = new ArrayList<>();
        for (ParameterRef ref : refs) values.add(inst.domains().of(ref).values(100));
        int[] idx = new int[refs.size()];
        int[] worst = new int[bounds.size()];
        while (true) {
            java.util.Map<ParameterRef, Rational> v = new java.util.HashMap<>();
            for (int k = 0; k < refs.size(); k++) v.put(refs.get(k), values.get(k).get(idx[k]));
            NetworkParameters p = NetworkParameters.build(inst.architecture(), v::get);
            for (List<Rational> x : inst.data().inputs()) {
                ForwardPass.Trace t = ForwardPass.run(inst.architecture(), p, x);
                for (int l = 1; l <= bounds.size(); l++) {
                    for (Rational z : t.preActivations(l)) worst[l - 1] = Math.max(worst[l - 1], z.bitLength());
                    for (Rational h : t.activations(l)) worst[l - 1] = Math.max(worst[l - 1], h.bitLength());
                }
            }
            int k = 0;
            while (k < idx.length && ++idx[k] == values.get(k).size()) idx[k++] = 0;
            if (k == idx.length) break;
        }
        for (int l = 0; l < bounds.size(); l++) {
            assertTrue(worst[l] <= bounds.get(l).bits(), "layer " + (l + 1) + ": " + worst[l] + " bits > bound " + bounds.get(l).bits());
        }
    }

    /**
     * Bug fix: a bound past {@link BitGrowthBound#CAP_BITS} was reported as a number when the cheap
     * estimate missed it. Inputs 3 and 2^−k (k = 2 100 000) over fixed (bits 2): M = 3, Q = 2^k; layer 1
     * (identity, fan-in 2) has M_z = 2·2·3 + 2 = 14 and Q_z = 2^k, so its bound is
     * bitLength(14·2^k) + bitLength(2^k) = (k + 4) + (k + 1) = 4 200 005 bits, past the cap of 4 194 304,
     * while the estimate counted the k bits of Q once (about k + 140). It was reported as "at most
     * 4200005 bits"; beyond the cap it is now reported as beyond, and so is every later layer.
     * (A file can get there too: rational (bits 64) weights on 2-wide layers square the denominator
     * bound per layer, and layer 14 reached 6 291 983 bits.)
     */
    @Test
    void boundsPastTheCapAreReportedBeyondItEvenWhenTheEstimateMissesThem() {
        int k = 2_100_000;
        Rational tiny = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(k));
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(2, List.of(layer(1, new Activation.Identity()), layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(), List.of(List.of(r(3, 1), tiny))));
        assertTrue(b.get(0).beyondCap(), "layer 1: " + b.get(0).bits() + " bits");
        assertEquals(BitGrowthBound.BEYOND_CAP, b.get(0).bits());
        assertEquals(null, b.get(0).magnitude());
        assertTrue(b.get(1).beyondCap());
    }

    /**
     * The cap is inclusive: inputs 1/2 and 2^−k (k = 2 097 150) give M = 1/2, Q = 2^k, M_z = 2·2·(1/2) + 2 = 4,
     * and a bound of bitLength(4·2^k) + bitLength(2^k) = (k + 3) + (k + 1) = 4 194 304 bits, exactly the cap.
     */
    @Test
    void aBoundOfExactlyTheCapIsComputed() {
        int k = 2_097_150;
        Rational tiny = Rational.of(BigInteger.ONE, BigInteger.ONE.shiftLeft(k));
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(2, List.of(layer(1, new Activation.Identity())),
                ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(), List.of(List.of(r(1, 2), tiny))));
        assertFalse(b.get(0).beyondCap());
        assertEquals(BitGrowthBound.CAP_BITS, b.get(0).bits());
    }

    /**
     * σ(z) = z² over fixed (bits 2), input 2: the bit bound roughly doubles per layer, so a chain of 30
     * layers passes the cap of 2^22 bits. Every layer is either beyond the cap or bounded by at most
     * CAP_BITS bits, the computed ones grow, once a layer is beyond the cap so is every later one, and the
     * first layer reported beyond it really is: from the previous layer's M (Q stays 1),
     * M_h = (2·M + 2)², whose bound bitLength(M_h) + 1 exceeds the cap.
     */
    @Test
    void deepPolynomialChainsGoBeyondTheCapAndStayThere() {
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < 30; l++) layers.add(layer(1, new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE))));
        List<BitGrowthBound.Layer> b = BitGrowthBound.of(inst(1, layers, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                List.of(List.of(r(2, 1)))));
        assertEquals(30, b.size());
        // layer 1: M_z = 2·2 + 2 = 6 (4 bits with Q = 1), M_h = 36 (7 bits)
        assertLayer(b.get(0), 1, r(36, 1), 1, true, 7);
        boolean beyond = false;
        int previous = 0;
        for (BitGrowthBound.Layer l : b) {
            if (beyond) assertTrue(l.beyondCap(), "layer " + l.layer() + " after a layer beyond the cap");
            if (l.beyondCap()) {
                beyond = true;
                assertEquals(null, l.denominator());
            } else {
                assertTrue(l.bits() <= BitGrowthBound.CAP_BITS && l.bits() > previous, "layer " + l.layer() + ": " + l.bits());
                previous = l.bits();
            }
        }
        assertTrue(beyond);
        int first = 0;
        while (!b.get(first).beyondCap()) first++;
        BitGrowthBound.Layer last = b.get(first - 1);
        assertEquals(BigInteger.ONE, last.denominator());
        Rational mz = last.magnitude().multiply(Rational.TWO).add(Rational.TWO);
        assertTrue(mz.square().floor().bitLength() + 1 > BitGrowthBound.CAP_BITS, "layer " + (first + 1) + " is within the cap");
    }
}
