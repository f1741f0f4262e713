package org.ermbit.reductions.counting;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ermbit.core.eval.Backprop;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.slp.Evaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientBitReductionTest {

    private static final int BUDGET = 200_000;

    /** The count read from the stated bits of ∂L/∂θ (computed by Backprop) equals the brute-force count. */
    private static void assertGradientCarriesCount(Cnf cnf) {
        GradientBitReduction.Built built = GradientBitReduction.reduce(cnf, "t");
        ThetaReadout.Instance ro = built.readout();
        Backprop.Gradient g = Backprop.gradient(ro.instance(), ro.atThetaZero());
        Rational d = g.gradient().get(ro.theta());
        // second method: ∂L/∂θ = 2N with N the SLP's value, evaluated directly
        BigInteger n = ((Evaluation.Value) built.encoding().slp().evaluate(BUDGET)).value();
        assertEquals(Rational.of(n.shiftLeft(1)), d);
        assertEquals(Oracles.bruteForceModels(cnf), built.countFromGradient(d.numerator()));
        assertTrue(g.maxBitLength() <= built.neededBits(), "bit bound " + built.neededBits() + " < observed " + g.maxBitLength());
        // the loss at θ = 0 is (0 + 1)² = 1
        assertEquals(Rational.ONE, LossEvaluator.evaluate(ro.instance(), ro.atThetaZero()).total());
    }

    @Test
    void everyFormulaOfTheExhaustiveTwoVariableFamily() {
        for (Cnf cnf : Oracles.exhaustiveTwoVariableFamily()) assertGradientCarriesCount(cnf);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void randomThreeVariableThreeClauseFormulas(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 2; i++) assertGradientCarriesCount(Oracles.random(rnd, 3, 3));
    }

    @Test
    void zeroAndAllModels() {
        assertGradientCarriesCount(new Cnf(1, List.of(new int[] {1}, new int[] {-1})));
        assertGradientCarriesCount(new Cnf(2, List.of(new int[] {1, -1})));
    }

    @Test
    void checkAgreesAndSkipsOverBudget() {
        Cnf cnf = new Cnf(2, List.of(new int[] {1, 2}));
        CheckResult ok = GradientBitReduction.check(cnf, c -> Optional.of(Oracles.bruteForceModels(c)), BUDGET);
        assertEquals(CheckResult.Verdict.AGREE, ok.verdict());
        assertEquals("3", ok.source());
        assertEquals("3", ok.target());
        CheckResult skipped = GradientBitReduction.check(cnf, c -> Optional.of(Oracles.bruteForceModels(c)), 10);
        assertEquals(CheckResult.Verdict.SKIPPED, skipped.verdict());
        assertTrue(skipped.line().contains("needs ~"), skipped.line());
    }

    @Test
    void checkReportsDisagreementWhenTheSourceCountIsWrong() {
        Cnf cnf = new Cnf(2, List.of(new int[] {1, 2}));
        CheckResult bad = GradientBitReduction.check(cnf, c -> Optional.of(BigInteger.valueOf(4)), BUDGET);
        assertEquals(CheckResult.Verdict.DISAGREE, bad.verdict());
    }

    @Test
    void hugeFormulasAreSkippedWithoutBuildingAnything() {
        // 40 variables, 60 clauses: N would have ~10^50 bits
        Cnf big = Oracles.random(new Random(9), 40, 60);
        CheckResult r = GradientBitReduction.check(big, c -> Optional.empty(), BUDGET);
        assertEquals(CheckResult.Verdict.SKIPPED, r.verdict());
        assertTrue(r.line().contains("needs ~") && r.line().contains("e"), r.line());
    }

    /**
     * Found by FuzzOtherInputsTest (a p-line declaring 10^7 variables): the subset-sum front is
     * quadratic in the digits (its place values alone have ~10^14 bits there), so check ran out of
     * memory before it could skip, and reduce ran out of memory (exit 1) instead of refusing an
     * instance past the ermbit/1 caps (exit 2). Both now decide from the formula alone.
     */
    @Test
    void formulasWithThousandsOfDigitsAreRefusedFromTheFormulaAlone() {
        Cnf declared = new Cnf(10_000_000, List.of(new int[] {1, 2}));
        CheckResult r = GradientBitReduction.check(declared, c -> Optional.empty(), BUDGET);
        assertEquals(CheckResult.Verdict.SKIPPED, r.verdict());
        assertTrue(r.line().contains("needs more than 2^10000000 bits, budget " + BUDGET), r.line());
        org.ermbit.reductions.gadget.NetworkTooLarge e = assertThrows(org.ermbit.reductions.gadget.NetworkTooLarge.class,
                () -> GradientBitReduction.reduce(declared, "big"));
        assertTrue(e.getMessage().startsWith("more than 1000 layers (at least 10000001"), e.getMessage());
        // clauses count as digits too: 2 variables, 1200 distinct clauses over them is impossible, so 40 variables
        java.util.List<int[]> many = new java.util.ArrayList<>();
        for (int a = 1; a <= 40 && many.size() < 1200; a++) {
            for (int b = a + 1; b <= 40 && many.size() < 1200; b++) many.add(new int[] {a, -b});
        }
        Cnf wide = new Cnf(40, many);
        assertEquals(40 + many.size() - 1, GradientBitReduction.topItemDigit(wide));
        assertThrows(org.ermbit.reductions.gadget.NetworkTooLarge.class, () -> GradientBitReduction.reduce(wide, "wide"));
        assertEquals(CheckResult.Verdict.SKIPPED, GradientBitReduction.check(wide, c -> Optional.empty(), BUDGET).verdict());
    }

    /**
     * The early refusal is a lower bound: the network of a formula just under it really has more than
     * topItemDigit layers, and an empty clause (no items) does not count as a digit that is used.
     */
    @Test
    void theLayerLowerBoundHolds() {
        for (Cnf cnf : List.of(new Cnf(1, List.of()), new Cnf(3, List.of(new int[] {1, -2, 3})), new Cnf(2, List.of(new int[] {1}, new int[] {})),
                new Cnf(5, List.of(new int[] {1, -5, 4}, new int[] {-1, 5, 3, 4}, new int[] {-3, -4})))) {
            int top = GradientBitReduction.topItemDigit(cnf);
            int depth = GradientBitReduction.reduce(cnf, "t").readout().instance().architecture().depth();
            assertTrue(depth >= top + 1, "depth " + depth + ", top digit " + top);
        }
        assertEquals(2, GradientBitReduction.topItemDigit(new Cnf(2, List.of(new int[] {1}, new int[] {}))));
        assertEquals(-1, GradientBitReduction.topItemDigit(new Cnf(0, List.of(new int[] {}))));
    }

    @Test
    void unknownDirectCountIsSkippedNotAgreement() {
        Cnf cnf = new Cnf(2, List.of(new int[] {1, 2}));
        assertEquals(CheckResult.Verdict.SKIPPED, GradientBitReduction.check(cnf, c -> Optional.empty(), BUDGET).verdict());
    }

    @Test
    void gradientBitsBoundIsAnUpperBound() {
        for (Cnf cnf : Oracles.exhaustiveTwoVariableFamily().subList(0, 15)) {
            GradientBitReduction.Front f = GradientBitReduction.front(cnf);
            BigInteger n = ((Evaluation.Value) f.encoding().slp().evaluate(BUDGET)).value();
            assertTrue(BigInteger.valueOf(n.shiftLeft(1).bitLength()).compareTo(f.gradientBitsBound()) <= 0);
        }
    }

    /**
     * (x1): items T1 = 1 + 3 = 4, F1 = 1 (radices 3 and 2, no slack), target 4; M = bitLength(C(2,1)) = 2;
     * X = 4 and N = (1 + X)(1 + X^4) = 5 · 257 = 1285.
     */
    private static final Cnf SINGLE_POSITIVE_UNIT = new Cnf(1, List.of(new int[] {1}));

    @Test
    void readoutIsStatedForTheParameterThatCarriesIt() {
        GradientBitReduction.Built built = GradientBitReduction.reduce(SINGLE_POSITIVE_UNIT, "t");
        assertEquals(2, built.front().countWidth());
        assertEquals(BigInteger.valueOf(9), built.front().countOffsetInGradient()); // T·M + 1 = 4·2 + 1
        assertEquals(BigInteger.ONE, built.countFromGradient(BigInteger.valueOf(2 * 1285)));
        assertEquals(BigInteger.valueOf(4), built.subsetSum().instance().target());
        // layers: v2 = 2² (1), v3 = 4² (2), v4 = 16² (3), 1 + X carried up by identity gadgets, the product (4),
        // the network's identity output (5), θ (6)
        ThetaReadout.Instance ro = built.readout();
        assertEquals(ParameterRef.weight(6, 0, 0), ro.theta());
        String statement = "#models = bits [9, 11) of dL/dtheta at theta = 0 (theta = weight of layer 6, unit 0, input 0;"
                + " dL/dtheta = 2N, bit 0 least significant)";
        assertEquals(statement, built.front().readoutStatement(GradientBitReduction.thetaName(ro.theta())));
        assertEquals("sharp3sat-gradbit: a CNF with 1 variables and 1 clauses; " + statement, ro.instance().description().orElseThrow());
    }

    @Test
    void checkRunsWhenTheRigorousBoundEqualsTheBudget() {
        // the SLP's values 2, 4, 16, 256, 257, 5, 1285 are bounded exactly: B = bitLength(1285) = 11,
        // so every forward value has at most 2B + 5 = 27 bits
        assertEquals(27, GradientBitReduction.reduce(SINGLE_POSITIVE_UNIT, "t").neededBits());
        CheckResult at = GradientBitReduction.check(SINGLE_POSITIVE_UNIT, c -> Optional.of(Oracles.bruteForceModels(c)), 27);
        assertEquals(CheckResult.Verdict.AGREE, at.verdict(), at.line());
        assertEquals("1", at.target());
        assertTrue(at.observedBits() <= 27);
        CheckResult below = GradientBitReduction.check(SINGLE_POSITIVE_UNIT, c -> Optional.of(Oracles.bruteForceModels(c)), 26);
        assertEquals("source=1 target=- skipped (needs ~27 bits, budget 26)", below.line());
        assertEquals(27, below.neededBits());
    }

    @Test
    void largeNumbersAreShownApproximately() {
        assertEquals("123456789012", GradientBitReduction.approximate(BigInteger.valueOf(123_456_789_012L)));
        assertEquals("1.23e12", GradientBitReduction.approximate(BigInteger.valueOf(1_234_567_890_123L)));
        assertEquals("9.99e12", GradientBitReduction.approximate(BigInteger.valueOf(9_999_999_999_999L)));
    }
}
