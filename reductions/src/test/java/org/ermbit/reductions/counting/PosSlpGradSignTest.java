package org.ermbit.reductions.counting;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.ermbit.core.eval.Backprop;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.slp.Evaluation;
import org.ermbit.reductions.slp.RandomSlps;
import org.ermbit.reductions.slp.Slp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PosSlpGradSignTest {

    static final Activation.Polynomial CUBE = new Activation.Polynomial(
            List.of(Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ONE));

    /** Programs of whose networks the ermbit/1 caps (1000 layers, 10^7 parameters) are checked. */
    static Slp program(String text) {
        return org.ermbit.reductions.slp.SlpFormat.parse(text, "t.slp");
    }

    /** k = (k−1)·v0 for k = 1..n: value 1, one layer per instruction. */
    static Slp chain(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= n; k++) sb.append(k).append(" = ").append(k - 1).append(" * 0\n");
        return program(sb.toString());
    }

    /** 300 values in layer 1, each carried up some 600 layers to be used: a dense 10^8-parameter network. */
    static Slp wide() {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (int i = 0; i < 300; i++) sb.append(++k).append(" = 0 * 0\n");
        for (int i = 0; i < 601; i++) {
            k++;
            sb.append(k).append(" = ").append(k - 1).append(" * 0\n");
        }
        for (int i = 1; i <= 300; i++) {
            k++;
            sb.append(k).append(" = ").append(k - 1).append(" * ").append(i).append('\n');
        }
        return program(sb.toString());
    }

    /**
     * Found by FuzzOtherInputsTest: check built the network of a valid program past the ermbit/1
     * caps and failed reading it back ("<reduced posslp>: $.network.layers: more than 1000 layers",
     * exit 2 as if the program were malformed), or ran out of memory building a dense one (exit 1,
     * also in reduce). The caps are now checked while the network is compiled: reduce refuses, check skips.
     */
    @Test
    void networksPastTheInstanceCapsAreRefusedBeforeTheyAreBuilt() {
        CheckResult deep = PosSlpGradSign.check(chain(1100), GradientBitReduction.SQUARE, 4096);
        assertEquals(CheckResult.Verdict.SKIPPED, deep.verdict());
        assertEquals("positive", deep.source());
        assertTrue(deep.line().contains("skipped (the reduced instance would be past the ermbit/1 caps: more than 1000 layers)"), deep.line());
        CheckResult dense = PosSlpGradSign.check(wide(), GradientBitReduction.SQUARE, 4096);
        assertEquals(CheckResult.Verdict.SKIPPED, dense.verdict());
        assertTrue(dense.line().contains("more than 10000000 parameters"), dense.line());
        org.ermbit.reductions.gadget.NetworkTooLarge e = assertThrows(org.ermbit.reductions.gadget.NetworkTooLarge.class,
                () -> PosSlpGradSign.reduce(wide(), "w"));
        assertEquals("more than 10000000 parameters", e.getMessage());
        // just under the layer cap it is built and agrees: 997 instructions, one input layer of the readout, θ and output
        PosSlpGradSign.Built under = PosSlpGradSign.reduce(chain(997), "c");
        assertTrue(under.readout().instance().architecture().depth() <= 1000, "" + under.readout().instance().architecture().depth());
        assertEquals(CheckResult.Verdict.AGREE, PosSlpGradSign.check(chain(997), GradientBitReduction.SQUARE, 4096).verdict());
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void gradientSignEqualsSignOfDirectEvaluation(long seed) {
        Random rnd = new Random(seed);
        int[] signs = new int[3];
        int checked = 0;
        while (checked < 30) {
            Slp s = RandomSlps.random(rnd, 1 + rnd.nextInt(8), 40);
            if (!(s.evaluate(48) instanceof Evaluation.Value v)) continue;
            Activation.Polynomial sigma = checked % 2 == 0 ? GradientBitReduction.SQUARE : CUBE;
            PosSlpGradSign.Built b = PosSlpGradSign.reduce(s, sigma, "p");
            ThetaReadout.Instance ro = b.readout();
            Rational d = Backprop.gradient(ro.instance(), ro.atThetaZero()).gradient().get(ro.theta());
            assertEquals(Rational.of(v.value().shiftLeft(1)), d); // ∂L/∂θ = 2V exactly
            assertEquals(v.value().signum(), d.signum());
            assertEquals(CheckResult.Verdict.AGREE, PosSlpGradSign.check(s, sigma, 4096).verdict());
            signs[v.value().signum() + 1]++;
            checked++;
        }
        assertTrue(signs[0] + signs[2] > 0, "no non-zero values exercised");
    }

    @Test
    void handWorkedNegativeAndZero() {
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int four = b.mul(two, two);
        b.sub(two, four); // 2 − 4 = −2
        CheckResult r = PosSlpGradSign.check(b.build(), GradientBitReduction.SQUARE, 64);
        assertEquals("negative", r.source());
        assertEquals("negative", r.target());
        Slp.Builder z = new Slp.Builder();
        z.sub(0, 0);
        CheckResult r0 = PosSlpGradSign.check(z.build(), GradientBitReduction.SQUARE, 64);
        assertEquals("zero", r0.target());
        assertEquals(CheckResult.Verdict.AGREE, r0.verdict());
    }

    @Test
    void overBudgetIsSkipped() {
        Slp.Builder b = new Slp.Builder();
        int x = b.add(0, 0);
        for (int i = 0; i < 12; i++) x = b.mul(x, x); // 2^4096
        CheckResult r = PosSlpGradSign.check(b.build(), GradientBitReduction.SQUARE, 1000);
        assertEquals(CheckResult.Verdict.SKIPPED, r.verdict());
        assertTrue(r.line().contains("skipped (needs ~4097 bits, budget 1000"), r.line());
    }

    /** v1 = 2, v2 = 4: B = 3, so with σ = t² every forward value has at most 2B + 5 = 11 bits. */
    private static Slp four() {
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        b.mul(two, two);
        return b.build();
    }

    @Test
    void squareNetworkBoundIsUsedAndABudgetEqualToItSuffices() {
        assertEquals(11, PosSlpGradSign.reduce(four(), "p").neededBits());
        CheckResult at = PosSlpGradSign.check(four(), GradientBitReduction.SQUARE, 11);
        assertEquals(CheckResult.Verdict.AGREE, at.verdict(), at.line());
        assertEquals("positive", at.target());
        assertEquals("source=positive target=- skipped (needs ~11 bits, budget 10)",
                PosSlpGradSign.check(four(), GradientBitReduction.SQUARE, 10).line());
    }

    /**
     * For σ other than t² the square gadget has rational shifts and weights (t³: t ± 1/2, weights ±1/3), so
     * forward values have denominators; the predicted size must bound numerator and denominator bits
     * (Rational.bitLength, as Backprop reports its peak), not only the integer part.
     */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void neededBitsBoundThePeakForEveryActivation(long seed) {
        Random rnd = new Random(seed);
        List<Activation.Polynomial> sigmas = List.of(GradientBitReduction.SQUARE, CUBE,
                new Activation.Polynomial(List.of(Rational.ZERO, Rational.ONE, Rational.ONE)),
                new Activation.Polynomial(List.of(Rational.ZERO, Rational.MINUS_ONE, Rational.ZERO, Rational.ZERO, Rational.TWO)));
        int checked = 0;
        while (checked < 12) {
            Slp s = RandomSlps.random(rnd, 1 + rnd.nextInt(8), 40);
            if (!(s.evaluate(48) instanceof Evaluation.Value)) continue;
            for (Activation.Polynomial sigma : sigmas) {
                CheckResult r = PosSlpGradSign.check(s, sigma, 1 << 20);
                assertEquals(CheckResult.Verdict.AGREE, r.verdict(), r.line());
                assertTrue(r.observedBits() <= r.neededBits(),
                        "sigma " + sigma.coefficients() + ": predicted " + r.neededBits() + " < observed " + r.observedBits());
            }
            checked++;
        }
    }

    @Test
    void programsWhoseSizeBoundDoesNotFitALongAreSkippedNotFailed() {
        for (int squarings : new int[] {63, 70}) {
            Slp.Builder b = new Slp.Builder();
            int x = b.add(0, 0);
            for (int j = 0; j < squarings; j++) x = b.mul(x, x); // 2^(2^squarings)
            Slp tower = b.build();
            assertEquals(Long.MAX_VALUE, PosSlpGradSign.reduce(tower, "p").neededBits());
            assertEquals(Long.MAX_VALUE, PosSlpGradSign.reduce(tower, CUBE, "p").neededBits());
            CheckResult r = PosSlpGradSign.check(tower, GradientBitReduction.SQUARE, 1000);
            assertEquals(CheckResult.Verdict.SKIPPED, r.verdict());
            assertEquals(Long.MAX_VALUE, r.neededBits());
            assertTrue(r.line().contains("needs more bits than a long can count, budget 1000"), r.line());
        }
    }
}
