package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** Lazy data refinement: the subset relaxation, the choice of added points, and rounds on hand-built instances. */
class DataRefinementTest {

    /**
     * y = w·x + b, w, b ∈ {−3..3}, absolute loss. Eight points at x = 0 with y = 1 (any w, b = 1 fits them),
     * then (1, 3) and (1, 4), which no line fits at once: UNSAT at threshold 0 (hand check), but the first six
     * points are satisfiable, so the first round must be SAT and fail on all points.
     */
    private static ErmInstance contradictoryTail(Aggregate agg, Rational threshold) {
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            xs.add(List.of(Rational.ZERO));
            ys.add(List.of(Rational.ONE));
        }
        xs.add(List.of(Rational.ONE));
        ys.add(List.of(Rational.of(3)));
        xs.add(List.of(Rational.ONE));
        ys.add(List.of(Rational.of(4)));
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-3), BigInteger.valueOf(3));
        return new ErmInstance("tail", Optional.empty(), a, ParameterDomains.uniform(d), List.of(), new Loss(LossType.ABSOLUTE, agg),
                threshold, new Dataset(xs, ys), Optional.empty());
    }

    @Test
    void unsatNeedsASecondRoundAndIsReportedUnsat() {
        ErmInstance inst = contradictoryTail(Aggregate.SUM, Rational.ZERO);
        assertTrue(DataRefinement.applies(inst));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withRefinement(true)).decide(inst);
        assertEquals(ErmResult.Outcome.UNSAT, r.outcome(), r.toString());
        assertTrue(r.encodingSummary().matches(".*data refinement: round [2-9].*"), r.encodingSummary());
        ErmResult off = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withRefinement(false)).decide(inst);
        assertEquals(ErmResult.Outcome.UNSAT, off.outcome());
        assertTrue(!off.encodingSummary().contains("refinement"), off.encodingSummary());
    }

    @Test
    void satIsVerifiedOnAllPoints() {
        // threshold 1 (sum): w = 2, b = 1 misses (1, 4) by 1 only (hand check), so the instance is SAT
        ErmInstance inst = contradictoryTail(Aggregate.SUM, Rational.ONE);
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withRefinement(true)).decide(inst);
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.toString());
        Rational loss = LossEvaluator.evaluate(inst, r.witness().orElseThrow()).total();
        assertEquals(loss, r.loss().orElseThrow());
        assertTrue(loss.compareTo(Rational.ONE) <= 0);
        assertEquals(10, r.pattern().orElseThrow().pieces().size(), "the pattern covers all ten points");
    }

    @Test
    void aMeanBecomesASumWithTheThresholdScaledByTheNumberOfPoints() {
        ErmInstance inst = contradictoryTail(Aggregate.MEAN, Rational.of(1, 10));
        ErmInstance sub = DataRefinement.restrict(inst, new TreeSet<>(List.of(0, 8, 9)));
        assertEquals(3, sub.data().size());
        assertEquals(Aggregate.SUM, sub.loss().aggregate());
        assertEquals(Rational.ONE, sub.threshold(), "mean <= 1/10 over 10 points is sum <= 1");
        assertEquals(List.of(Rational.ONE), sub.data().inputs().get(1));
        assertEquals(List.of(Rational.of(4)), sub.data().targets().get(2));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withRefinement(true)).decide(inst);
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), "mean 1/10 is reachable with w = 2, b = 1 (hand check)");
    }

    @Test
    void addsTheWorstViolatedPointsOutsideTheSubsetFirst() {
        List<Rational> perPoint = List.of(Rational.of(9), Rational.ZERO, Rational.of(2), Rational.of(5), Rational.ZERO, Rational.of(5));
        TreeSet<Integer> subset = new TreeSet<>(List.of(0, 1));
        assertEquals(List.of(3, 5), DataRefinement.worstOutside(subset, perPoint), "ties by index; point 0 is already in");
        assertEquals(List.of(), DataRefinement.worstOutside(new TreeSet<>(List.of(0, 2, 3, 5)), perPoint));
    }
}
