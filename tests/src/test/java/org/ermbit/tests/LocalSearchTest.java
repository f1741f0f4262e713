package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.ermbit.solvers.search.LocalSearch;
import org.ermbit.solvers.search.WitnessHeuristic;
import org.ermbit.solvers.search.ScaledNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local search against brute force on seeded random tiny instances: with a fixed move budget
 * (deterministic, no clock) it reaches the exact optimum, its best vector has exactly the loss it
 * reports, and asked for less than the optimum it reports a vector at or above it. Then the default pipeline (Sat4j plus
 * the local search racing it) gives brute force's answers: SAT at the optimum, UNSAT just below,
 * and the optimum.
 */
class LocalSearchTest {

    static LongStream seeds() {
        return LongStream.range(0, 150).map(s -> 94_000 + s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reachesTheBruteForceOptimum(long seed) {
        ErmInstance probe = RandomInstances.piecewiseLinear(seed, Rational.ZERO, 1, 8);
        Rational optimum = BruteForce.minimumLoss(probe);
        ScaledNetwork net = ScaledNetwork.of(probe).orElseThrow();
        long target = optimum.multiply(Rational.of(net.lossScale())).numerator().longValueExact();
        String where = "seed " + seed + " optimum " + optimum;

        WitnessHeuristic.Outcome o = new LocalSearch(net, seed).run(target, Limits.none(), 20_000, (v, l) -> { });
        assertEquals(target, o.bestLoss(), where + " after " + o.moves() + " moves");
        assertEquals(optimum, Verifier.verify(probe, net.decode(o.best())).loss(), where);

        if (target > 0) {
            WitnessHeuristic.Outcome below = new LocalSearch(net, seed).run(target - 1, Limits.none(), 2_000, (v, l) -> { });
            assertTrue(below.bestLoss() >= target, where + ": nothing below the optimum exists, found " + below.bestLoss());
            assertEquals(Rational.of(below.bestLoss(), net.lossScale()), Verifier.verify(probe, net.decode(below.best())).loss(), where);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void defaultPipelineAgreesWithBruteForce(long seed) {
        ErmInstance probe = RandomInstances.piecewiseLinear(seed, Rational.ZERO, 1, 8);
        Rational optimum = BruteForce.minimumLoss(probe);
        ErmSolver solver = new ErmSolver(ErmOptions.defaults());
        String where = "seed " + seed + " optimum " + optimum;
        ErmInstance at = DifferentialTest.withThreshold(probe, optimum);
        ErmResult sat = solver.decide(at);
        assertEquals(ErmResult.Outcome.SAT, sat.outcome(), where + ": " + sat.reason());
        assertTrue(Verifier.verify(at, sat.witness().orElseThrow()).accepted(), where);
        if (optimum.signum() > 0) {
            ErmInstance under = DifferentialTest.withThreshold(probe, optimum.subtract(Rational.of(1, 1000)).max(Rational.ZERO));
            List<Rational> progress = new CopyOnWriteArrayList<>();
            assertEquals(ErmResult.Outcome.UNSAT, solver.decide(under, progress::add).outcome(), where + " below");
            // progress: strictly decreasing losses that domain vectors really have, none below the optimum
            Set<Rational> achievable = new HashSet<>();
            for (NetworkParameters p : BruteForce.all(probe)) achievable.add(LossEvaluator.evaluate(probe, p).total());
            for (int k = 0; k < progress.size(); k++) {
                assertTrue(achievable.contains(progress.get(k)), where + ": progress " + progress);
                assertTrue(progress.get(k).compareTo(optimum) >= 0, where + ": progress " + progress);
                if (k > 0) assertTrue(progress.get(k).compareTo(progress.get(k - 1)) < 0, where + ": progress " + progress);
            }
        }
        ErmResult opt = solver.optimize(probe, l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, opt.outcome(), where + ": " + opt.reason());
        assertEquals(optimum, opt.loss().orElseThrow(), where);
    }
}
