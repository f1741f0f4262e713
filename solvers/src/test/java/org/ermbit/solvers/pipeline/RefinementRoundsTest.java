package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The rounds of {@link DataRefinement} with a scripted subset decider: which points each round
 * sees (first six, then the worst violated points outside — at most two, largest loss first — and
 * file-order points up to 125 % of the previous size, rounded up), that the full instance itself is
 * decided once the subset is everything, what the result says, and that a SAT is re-verified on all points.
 */
class RefinementRoundsTest {

    /** y = b (w·0 + b), all inputs 0, targets as given; w, b in {−3..3}; absolute loss summed, threshold 0. */
    private static ErmInstance targets(long... ys) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-3), BigInteger.valueOf(3));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> out = new ArrayList<>();
        for (long y : ys) {
            xs.add(List.of(Rational.ZERO));
            out.add(List.of(Rational.of(y)));
        }
        return new ErmInstance("rounds", Optional.empty(), a, ParameterDomains.uniform(d), List.of(), new Loss(LossType.ABSOLUTE, Aggregate.SUM),
                Rational.ZERO, new Dataset(xs, out), Optional.empty());
    }

    private static long[] zerosWith(int n, Map<Integer, Long> at) {
        long[] ys = new long[n];
        at.forEach((i, y) -> ys[i] = y);
        return ys;
    }

    private static NetworkParameters zero(ErmInstance inst) {
        return NetworkParameters.build(inst.architecture(), r -> Rational.ZERO);
    }

    private static ErmResult sat(NetworkParameters p, Rational claimedLoss) {
        return new ErmResult(Outcome.SAT, Optional.of(p), Optional.of(claimedLoss), Optional.empty(), Routes.NP, List.of("script"), "",
                "enc", Duration.ZERO);
    }

    private static ErmResult unsat() {
        return new ErmResult(Outcome.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), Routes.NP, List.of("script"), "", "enc",
                Duration.ZERO);
    }

    private static List<Long> targetsOf(ErmInstance inst) {
        return inst.data().targets().stream().map(t -> t.get(0).numerator().longValueExact()).toList();
    }

    @Test
    void refinementAppliesFromSevenPoints() {
        assertFalse(DataRefinement.applies(targets(new long[6])));
        assertTrue(DataRefinement.applies(targets(new long[7])));
    }

    @Test
    void theTwoWorstViolatedPointsAreAddedLargestFirst() {
        // 20 points, all 0 except 8 → 1, 12 → 3, 16 → 2; the zero vector fits the first six and misses those three.
        // Round 2: {0..5} + the two worst outside (12 and 16; 8 waits), 8 points = ceil(6 · 1.25): no filling.
        ErmInstance inst = targets(zerosWith(20, Map.of(8, 1L, 12, 3L, 16, 2L)));
        List<ErmInstance> seen = new ArrayList<>();
        ErmResult r = DataRefinement.decide(inst, sub -> {
            seen.add(sub);
            return seen.size() == 1 ? sat(zero(sub), Rational.ZERO) : unsat();
        }, Instant.now());
        assertEquals(2, seen.size());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L), targetsOf(seen.get(0)));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 3L, 2L), targetsOf(seen.get(1)));
        assertEquals(Outcome.UNSAT, r.outcome());
        assertEquals(List.of("script"), r.provenance());
        assertEquals("enc; data refinement: round 2, 8 of 20 points (UNSAT on a subset of the points implies UNSAT on all)",
                r.encodingSummary());
    }

    @Test
    void theSubsetGrowsBy125PercentInFileOrder() {
        // 20 points (0, 0) except 15 = (1, 1) and 19 = (2, 0). Round 1 ({0..5}): w = b = 0 misses only 15;
        // round 2: {0..5, 15} filled with 6 up to ceil(6 · 1.25) = 8 points; there w = 1, b = 0 fits and misses
        // only 19 (loss 2); round 3: {0..6, 15, 19} filled with 7 up to ceil(8 · 1.25) = 10 points.
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-3), BigInteger.valueOf(3));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            xs.add(List.of(Rational.of(i == 15 ? 1 : i == 19 ? 2 : 0)));
            ys.add(List.of(Rational.of(i == 15 ? 1 : 0)));
        }
        ErmInstance inst = new ErmInstance("rounds", Optional.empty(), a, ParameterDomains.uniform(d), List.of(),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), Rational.ZERO, new Dataset(xs, ys), Optional.empty());
        NetworkParameters identity = NetworkParameters.build(a, ref -> ref.isBias() ? Rational.ZERO : Rational.ONE);
        List<ErmInstance> seen = new ArrayList<>();
        ErmResult r = DataRefinement.decide(inst, sub -> {
            seen.add(sub);
            if (seen.size() == 1) return sat(zero(sub), Rational.ZERO);
            if (seen.size() == 2) return sat(identity, Rational.ZERO);
            return unsat();
        }, Instant.now());
        assertEquals(3, seen.size());
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), targetsOf(seen.get(1)));
        assertEquals(List.of(Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO, Rational.ZERO,
                Rational.ZERO, Rational.ONE, Rational.TWO), seen.get(2).data().inputs().stream().map(x -> x.get(0)).toList());
        assertEquals(Outcome.UNSAT, r.outcome());
        assertEquals("enc; data refinement: round 3, 10 of 20 points (UNSAT on a subset of the points implies UNSAT on all)",
                r.encodingSummary());
    }

    @Test
    void oneViolatedPointIsFilledUpInFileOrder() {
        ErmInstance inst = targets(zerosWith(20, Map.of(15, 1L)));
        List<ErmInstance> seen = new ArrayList<>();
        DataRefinement.decide(inst, sub -> {
            seen.add(sub);
            return seen.size() == 1 ? sat(zero(sub), Rational.ZERO) : unsat();
        }, Instant.now());
        // {0..5} + 15, filled with 6 up to 8 points: targets in index order 0 (×7) then 1
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), targetsOf(seen.get(1)));
    }

    @Test
    void onceTheSubsetIsEverythingTheInstanceItselfIsDecided() {
        // 7 points, point 6 violated: the next subset is min(7, 8) = 7 points, all of them
        ErmInstance inst = targets(zerosWith(7, Map.of(6, 1L)));
        List<ErmInstance> seen = new ArrayList<>();
        ErmResult r = DataRefinement.decide(inst, sub -> {
            seen.add(sub);
            return seen.size() == 1 ? sat(zero(sub), Rational.ZERO) : unsat();
        }, Instant.now());
        assertSame(inst, seen.get(1));
        assertEquals("enc; data refinement: round 2, 7 of 7 points", r.encodingSummary());
    }

    @Test
    void aSatIsReturnedWithTheLossAndPatternOnAllPoints() {
        // the decider claims loss 5; the witness b = 1 fits all 8 points y = 1 (loss 0 on all points, hand)
        long[] ys = new long[8];
        java.util.Arrays.fill(ys, 1);
        ErmInstance inst = targets(ys);
        NetworkParameters one = NetworkParameters.build(inst.architecture(), ref -> ref.isBias() ? Rational.ONE : Rational.ZERO);
        ErmResult r = DataRefinement.decide(inst, sub -> sat(one, Rational.of(5)), Instant.now());
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
        assertEquals(8, r.pattern().orElseThrow().pieces().size());
        assertEquals(List.of("script"), r.provenance());
        assertEquals("enc; data refinement: round 1, 6 of 8 points", r.encodingSummary());
    }

    @Test
    void otherOutcomesPassThroughWithTheirReason() {
        ErmInstance inst = targets(new long[9]);
        ErmResult unknown = new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Routes.NP, List.of(),
                "timeout", "enc", Duration.ZERO);
        ErmResult r = DataRefinement.decide(inst, sub -> unknown, Instant.now());
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertEquals("timeout", r.reason());
        assertEquals("enc; data refinement: round 1, 6 of 9 points", r.encodingSummary());
    }

    @Test
    void aSubsetWitnessThatFailsOnlyInsideTheSubsetIsAnInternalError() {
        // the decider's witness misses point 0, which is in the subset: it was wrong about the subset itself
        ErmInstance inst = targets(zerosWith(8, Map.of(0, 1L)));
        ExactnessViolation e = assertThrows(ExactnessViolation.class,
                () -> DataRefinement.decide(inst, sub -> sat(zero(sub), Rational.ZERO), Instant.now()));
        assertTrue(e.getMessage().startsWith("data refinement: a witness verified on 6 of 8 points"), e.getMessage());
    }
}
