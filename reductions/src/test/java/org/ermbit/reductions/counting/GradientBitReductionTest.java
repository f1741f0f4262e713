package org.ermbit.reductions.counting;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ermbit.core.eval.Backprop;
import org.ermbit.core.eval.LossEvaluator;
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
}
