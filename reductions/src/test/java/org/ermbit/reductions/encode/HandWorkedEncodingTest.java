package org.ermbit.reductions.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.lower.ModelEnumerator;
import org.junit.jupiter.api.Test;

/**
 * Encodings checked against values worked out by hand.
 *
 * <p>XOR (Goodfellow, Bengio &amp; Courville, Deep Learning §6.1; copied from
 * /work/shared/cases/data/xor): the 2-2-1 ReLU net W = [[1,1],[1,1]], c = [0,−1], w = [1,−2],
 * b = 0 in the fixed domain bits 3, fraction_bits 0. Inputs and parameters are integers, so every
 * scale is 1 (D = 1, q = 1, S_1 = A_1 = S_2 = A_2 = 1, E = 1) and the scaled values are the real
 * ones:
 * <pre>
 *   point x      Z1       act    H1     P[2][0][0]=1·H1[0]  P[2][0][1]=−2·H1[1]  Z2 = ŷ   R
 *   0   (0,0)   (0,−1)   (0,0)  (0,0)   0                    0                   0      0
 *   1   (0,1)   (1, 0)   (1,0)  (1,0)   1                    0                   1      0
 *   2   (1,0)   (1, 0)   (1,0)  (1,0)   1                    0                   1      0
 *   3   (1,1)   (2, 1)   (1,1)  (2,1)   2                   −2                   0      0
 * </pre>
 */
class HandWorkedEncodingTest {

    private static List<List<Rational>> rows(long[][] v) {
        return java.util.Arrays.stream(v).map(r -> java.util.Arrays.stream(r).mapToObj(Rational::of).toList()).toList();
    }

    static ErmInstance xor() {
        Architecture a = new Architecture(2, List.of(new LayerSpec(2, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        Dataset d = new Dataset(rows(new long[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), rows(new long[][] {{0}, {1}, {1}, {0}}));
        return new ErmInstance("xor", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(3, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, d, Optional.empty());
    }

    static NetworkParameters bookSolution() {
        return new NetworkParameters(List.of(
                new LayerParameters(rows(new long[][] {{1, 1}, {1, 1}}), List.of(Rational.ZERO, Rational.MINUS_ONE)),
                new LayerParameters(rows(new long[][] {{1, -2}}), List.of(Rational.ZERO))));
    }

    private static long value(Encoding e, Assignment a, String name) {
        return a.value(e.var(name).orElseThrow(() -> new AssertionError("no variable " + name))).longValueExact();
    }

    @Test
    void xorBookSolutionHasTheHandComputedScaledValues() {
        Encoding e = ErmEncoder.encode(xor(), new EncoderOptions(false));
        Assignment a = e.intendedAssignment(bookSolution());
        Encoding zero = e.atMost(Rational.ZERO);
        assertTrue(zero.model().isSatisfiedBy(zero.intendedAssignmentWithin(bookSolution()).orElseThrow()));
        // loss ≤ 0 fixes every |residual| to 0 (each square is ≤ G = 0)
        for (int n = 0; n < 4; n++) {
            var r = zero.var("aux:absr[" + n + "][0]").orElseThrow();
            assertEquals(BigInteger.ZERO, r.lower());
            assertEquals(BigInteger.ZERO, r.upper());
        }
        // every scale is 1
        assertEquals(BigInteger.ONE, e.scaling().inputScale());
        assertEquals(List.of(BigInteger.ONE, BigInteger.ONE), e.scaling().preActivation());
        assertEquals(BigInteger.ONE, e.lossScale());
        // parameters (numerators over q = 1)
        assertEquals(1, value(e, a, "w[1][0][0]"));
        assertEquals(-1, value(e, a, "b[1][1]"));
        assertEquals(-2, value(e, a, "w[2][0][1]"));
        // point 1 = (0,1): Z1 = (1, 0), act = (1, 0), H1 = (1, 0)
        assertEquals(1, value(e, a, "aux:z[1][1][0]"));
        assertEquals(0, value(e, a, "aux:z[1][1][1]"));
        assertEquals(1, value(e, a, "act[1][1][0]"));
        assertEquals(0, value(e, a, "act[1][1][1]"));
        assertEquals(1, value(e, a, "aux:h[1][1][0]"));
        assertEquals(0, value(e, a, "aux:h[1][1][1]"));
        assertEquals(1, value(e, a, "aux:p[1][2][0][0]"));
        assertEquals(0, value(e, a, "aux:p[1][2][0][1]"));
        // point 3 = (1,1): Z1 = (2, 1), both active, H1 = (2, 1), products 2 and −2, output 0
        assertEquals(2, value(e, a, "aux:z[3][1][0]"));
        assertEquals(1, value(e, a, "aux:z[3][1][1]"));
        assertEquals(1, value(e, a, "act[3][1][0]"));
        assertEquals(1, value(e, a, "act[3][1][1]"));
        assertEquals(2, value(e, a, "aux:h[3][1][0]"));
        assertEquals(1, value(e, a, "aux:h[3][1][1]"));
        assertEquals(2, value(e, a, "aux:p[3][2][0][0]"));
        assertEquals(-2, value(e, a, "aux:p[3][2][0][1]"));
        assertEquals(0, value(e, a, "aux:absr[3][0]"));
        assertEquals(1, value(e, a, "aux:absr[3][0].nonneg"));
        assertEquals(0, value(e, a, "aux:sq[3][0]"));
        // point 0 = (0,0): both inactive
        assertEquals(0, value(e, a, "act[0][1][0]"));
        assertEquals(0, value(e, a, "act[0][1][1]"));
        assertEquals(BigInteger.ZERO, e.scaledLoss().evaluate(a::value));
        ActivationPattern pattern = e.decodePattern(a);
        assertEquals(List.of(0, 0), pattern.pieces().get(0).get(0));
        assertEquals(List.of(1, 0), pattern.pieces().get(1).get(0));
        assertEquals(List.of(1, 0), pattern.pieces().get(2).get(0));
        assertEquals(List.of(1, 1), pattern.pieces().get(3).get(0));
        assertEquals(List.of(), pattern.pieces().get(3).get(1));
        assertEquals(bookSolution(), e.decodeParameters(a));
    }

    /**
     * A fractional example: 1-1-1 relu, fixed domain bits 3 fraction_bits 1 (values k/2,
     * k ∈ [−4, 3]), x = 1/2, y = 1/3, w1 = 3/2, b1 = −1/2, w2 = −1, b2 = 1/2.
     * By hand: D = 2, q = 2, S_1 = lcm(2·2, 2) = 4 = A_1, S_2 = lcm(2·4, 2) = 8 = A_2, E = 3,
     * T = 24. z1 = 3/4 − 1/2 = 1/4 so Z1 = 1, H1 = 1; z2 = −1/4 + 1/2 = 1/4 so Z2 = 2 and the
     * product P = K(w2)·H1 = −2·1 = −2; R = 3·2 − 24·(1/3) = −2 = 24·(1/4 − 1/3);
     * lossScale = T² = 576, SQ = 4, loss = 4/576 = 1/144 = (1/12)².
     */
    @Test
    void fractionalScalesAreTheHandComputedOnes() {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        Dataset d = new Dataset(List.of(List.of(Rational.of(1, 2))), List.of(List.of(Rational.of(1, 3))));
        ErmInstance inst = new ErmInstance("frac", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(3, 1)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.of(1, 144), d, Optional.empty());
        NetworkParameters p = new NetworkParameters(List.of(
                new LayerParameters(List.of(List.of(Rational.of(3, 2))), List.of(Rational.of(-1, 2))),
                new LayerParameters(List.of(List.of(Rational.MINUS_ONE)), List.of(Rational.of(1, 2)))));
        Encoding e = ErmEncoder.encode(inst, EncoderOptions.defaults());
        assertEquals(BigInteger.TWO, e.scaling().inputScale());
        assertEquals(List.of(BigInteger.valueOf(4), BigInteger.valueOf(8)), e.scaling().preActivation());
        assertEquals(BigInteger.valueOf(24), e.scaling().residualScale());
        assertEquals(BigInteger.valueOf(576), e.lossScale());
        Assignment as = e.intendedAssignment(p);
        assertEquals(3, value(e, as, "w[1][0][0]"));
        assertEquals(-1, value(e, as, "b[1][0]"));
        assertEquals(1, value(e, as, "aux:z[0][1][0]"));
        assertEquals(1, value(e, as, "aux:h[0][1][0]"));
        assertEquals(-2, value(e, as, "aux:p[0][2][0][0]"));
        assertEquals(2, value(e, as, "aux:absr[0][0]"));
        assertEquals(0, value(e, as, "aux:absr[0][0].nonneg"));
        assertEquals(4, value(e, as, "aux:sq[0][0]"));
        assertEquals(BigInteger.valueOf(4), e.scaledLoss().evaluate(as::value));
        // γ = 1/144: G = 576/144 = 4, |R| ≤ 2, and |R| = 2 fits; γ = 1/145: G = ⌊576/145⌋ = 3, |R| ≤ 1
        Encoding at = e.atMost(Rational.of(1, 144));
        assertEquals(BigInteger.TWO, at.var("aux:absr[0][0]").orElseThrow().upper());
        assertTrue(at.model().isSatisfiedBy(at.intendedAssignmentWithin(p).orElseThrow()));
        Encoding below = e.atMost(Rational.of(1, 145));
        assertEquals(BigInteger.ONE, below.var("aux:absr[0][0]").orElseThrow().upper());
        assertTrue(below.intendedAssignmentWithin(p).isEmpty());
    }

    @Test
    void polynomialOfDegreeTwoIsRefused() {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE)))));
        Dataset d = new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ONE)));
        ErmInstance inst = new ErmInstance("sq", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, d, Optional.empty());
        UnsupportedInstanceException ex = assertThrows(UnsupportedInstanceException.class, () -> ErmEncoder.encode(inst, EncoderOptions.defaults()));
        assertEquals("not supported: polynomial activation of degree 2 goes to the counting route", ex.getMessage());
    }

    @Test
    void rationalDomainsBecomeMultiplesOfTheLcmOfTheirDenominators() {
        // hand: lcm(1) = 1, lcm(1..3) = 6, lcm(1..7) = 4·3·5·7 = 420, lcm(1..15) = 8·9·5·7·11·13 = 360360
        assertEquals(BigInteger.ONE, Scaling.denominator(new Domain.RationalBits(1)));
        assertEquals(BigInteger.valueOf(6), Scaling.denominator(new Domain.RationalBits(2)));
        assertEquals(BigInteger.valueOf(420), Scaling.denominator(new Domain.RationalBits(3)));
        assertEquals(BigInteger.valueOf(360360), Scaling.denominator(new Domain.RationalBits(4)));
        // the largest B taken, 7: lcm(1..127) as the product of the largest prime powers ≤ 127
        BigInteger lcm127 = BigInteger.ONE;
        for (int prime = 2; prime <= 127; prime++) {
            if (!BigInteger.valueOf(prime).isProbablePrime(50)) continue;
            long power = prime;
            while (power * prime <= 127) power *= prime;
            lcm127 = lcm127.multiply(BigInteger.valueOf(power));
        }
        assertEquals(lcm127, Scaling.denominator(new Domain.RationalBits(Scaling.MAX_RATIONAL_BITS)));
        UnsupportedInstanceException big = assertThrows(UnsupportedInstanceException.class,
                () -> Scaling.denominator(new Domain.RationalBits(Scaling.MAX_RATIONAL_BITS + 1)));
        assertTrue(big.getMessage().startsWith("not supported: rational domain with 8 bits"), big.getMessage());

        Domain.RationalBits dom = new Domain.RationalBits(2);
        Encoding enc = ErmEncoder.encode(oneIdentityUnit(dom, Rational.ONE, Rational.ONE), EncoderOptions.defaults());
        Var w = enc.parameterVar(ParameterRef.weight(1, 0, 0)).orElseThrow();
        assertEquals(BigInteger.valueOf(-18), w.lower()); // K = 6·w, |w| <= 3
        assertEquals(BigInteger.valueOf(18), w.upper());
        // every one of the 15 × 15 (weight, bias) pairs of the domain has a satisfying intended assignment
        List<Rational> values = dom.values(100);
        assertEquals(15, values.size());
        for (Rational wv : values) {
            for (Rational bv : values) {
                NetworkParameters p = new NetworkParameters(List.of(new LayerParameters(List.of(List.of(wv)), List.of(bv))));
                Assignment x = enc.intendedAssignment(p);
                assertTrue(enc.model().isSatisfiedBy(x), wv + ", " + bv);
                assertEquals(wv, enc.decodeParameters(x).layer(1).weights().get(0).get(0));
            }
        }
    }

    /**
     * The other direction of the rational-domain encoding: every model of the encoding (all of them,
     * by exhaustive enumeration) decodes to a weight and bias of the 2-bit rational domain — the
     * fraction constraint K·q = 6·p (|p| ≤ 3, 1 ≤ q ≤ 3) admits exactly the 15 values 6·p/q of
     * K ∈ [−18, 18], so e.g. K = 1 (1/6) and K = 5 (5/6) are refused.
     */
    @Test
    void rationalDomainEncodingAdmitsOnlyTheDomainsValues() {
        Domain.RationalBits dom = new Domain.RationalBits(2);
        Encoding enc = ErmEncoder.encode(oneIdentityUnit(dom, Rational.ONE, Rational.ONE), EncoderOptions.defaults());
        Set<Rational> weights = new HashSet<>();
        Set<Rational> biases = new HashSet<>();
        for (List<BigInteger> values : ModelEnumerator.solutions(enc.model(), 100_000)) {
            NetworkParameters p = enc.decodeParameters(new Assignment(values.toArray(new BigInteger[0])));
            weights.add(p.layer(1).weights().get(0).get(0));
            biases.add(p.layer(1).biases().get(0));
        }
        Set<Rational> expected = new HashSet<>(dom.values(100));
        assertEquals(expected, weights);
        assertEquals(expected, biases);
    }

    /**
     * The cap counts every exact integer the encoder multiplies with, not only the scales: a numerator
     * of 10^700 in an input or a target, or a target denominator of 10^700, is 2,326 bits too. The cap
     * is inclusive: 2^2047 has 2,048 bits and is taken, 2^2048 (2,049 bits) is refused.
     */
    @Test
    void theScaleCapCoversDataNumeratorsAndTargetDenominators() {
        Rational huge = Rational.of(BigInteger.TEN.pow(700));
        Rational hugeDen = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(700));
        Rational one = Rational.ONE;
        for (Rational[] xy : new Rational[][] {{huge, one}, {one, huge}, {one, hugeDen}}) {
            UnsupportedInstanceException e = assertThrows(UnsupportedInstanceException.class,
                    () -> ErmEncoder.encode(oneIdentityPoint(xy[0], xy[1]), EncoderOptions.defaults()), () -> xy[0] + " -> " + xy[1]);
            assertTrue(e.getMessage().startsWith("not supported: the exact integers of this instance need 2326 bits"), e.getMessage());
        }
        Rational atCap = Rational.of(BigInteger.ONE.shiftLeft(2047));
        ErmEncoder.encode(oneIdentityPoint(atCap, one), EncoderOptions.defaults());
        UnsupportedInstanceException past = assertThrows(UnsupportedInstanceException.class,
                () -> ErmEncoder.encode(oneIdentityPoint(atCap.add(atCap), one), EncoderOptions.defaults()));
        assertTrue(past.getMessage().startsWith("not supported: the exact integers of this instance need 2049 bits"), past.getMessage());
    }

    /** A 1-1 identity network with 2-bit weights on the single point x → y. */
    private static ErmInstance oneIdentityPoint(Rational x, Rational y) {
        return oneIdentityUnit(new Domain.FixedPoint(2, 0), x, y);
    }

    /** A 1-1 identity network with weights in {@code dom} on the single point x → y, squared loss, threshold 0. */
    private static ErmInstance oneIdentityUnit(Domain dom, Rational x, Rational y) {
        return new ErmInstance("point", Optional.empty(), new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity()))),
                ParameterDomains.uniform(dom), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(x)), List.of(List.of(y))), Optional.empty());
    }

    /** Inputs 1e-700 (a denominator of 2,326 bits) and a leaky slope 1e-1000 are past the 2,048-bit cap. */
    @Test
    void absurdScalesAreRefusedBeforeEncoding() {
        Domain dom = new Domain.FixedPoint(2, 0);
        Dataset tiny = new Dataset(List.of(List.of(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(700)))), List.of(List.of(Rational.ONE)));
        ErmInstance input = new ErmInstance("tiny", Optional.empty(), new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity()))),
                ParameterDomains.uniform(dom), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, tiny, Optional.empty());
        UnsupportedInstanceException e = assertThrows(UnsupportedInstanceException.class, () -> ErmEncoder.encode(input, EncoderOptions.defaults()));
        assertTrue(e.getMessage().startsWith("not supported: the exact integers of this instance need 2326 bits"), e.getMessage());
        Dataset one = new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ONE)));
        ErmInstance slope = new ErmInstance("slope", Optional.empty(), new Architecture(1, List.of(
                new LayerSpec(1, new Activation.LeakyRelu(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(1000)))),
                new LayerSpec(1, new Activation.Identity()))),
                ParameterDomains.uniform(dom), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, one, Optional.empty());
        assertThrows(UnsupportedInstanceException.class, () -> ErmEncoder.encode(slope, EncoderOptions.defaults()));
    }

    @Test
    void outsideParametersAreRejected() {
        Encoding e = ErmEncoder.encode(xor(), EncoderOptions.defaults());
        NetworkParameters outside = new NetworkParameters(List.of(
                new LayerParameters(rows(new long[][] {{4, 1}, {1, 1}}), List.of(Rational.ZERO, Rational.MINUS_ONE)),
                new LayerParameters(rows(new long[][] {{1, -2}}), List.of(Rational.ZERO))));
        assertThrows(IllegalArgumentException.class, () -> e.intendedAssignment(outside));
    }
}
