package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.search.ProjectedSearch;
import org.ermbit.solvers.search.ScaledNetwork;
import org.ermbit.solvers.search.SearchSchedule;
import org.ermbit.solvers.search.UnitSwapSearch;
import org.ermbit.solvers.search.WitnessHeuristic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The searches with the output layer projected out — {@link ProjectedSearch} and {@link UnitSwapSearch}
 * (and the schedule that alternates them with the plain one) — against brute force, on seeded random
 * tiny instances they apply to (squared loss, a hidden layer, a free identity output layer): with a
 * fixed move budget the best vector has exactly the loss reported and is never below the brute-force
 * optimum; with the targets replaced by the outputs of a random network of the domain (a planted
 * teacher, optimum 0) a vector of loss 0 is found; and resuming a search continues it rather than
 * starting over.
 */
class ProjectedSearchTest {

    /** The heuristic under test. */
    enum Heuristic {
        PROJECTED, UNIT_SWAP;

        boolean applies(ScaledNetwork net) {
            return this == PROJECTED ? ProjectedSearch.applies(net) : UnitSwapSearch.applies(net);
        }

        WitnessHeuristic create(ScaledNetwork net, long seed) {
            return this == PROJECTED ? new ProjectedSearch(net, seed) : new UnitSwapSearch(net, seed);
        }
    }

    /** Seeds of random tiny instances each heuristic applies to (found by scanning from a base seed). */
    static Stream<Arguments> seeds() {
        return Stream.of(Heuristic.values()).flatMap(h -> LongStream.iterate(95_000, s -> s + 1)
                .filter(s -> applicable(h, s)).limit(120).mapToObj(s -> Arguments.of(h, s)));
    }

    private static boolean applicable(Heuristic h, long seed) {
        ErmInstance inst = RandomInstances.piecewiseLinear(seed, Rational.ZERO, 2, 8);
        return inst.loss().type() == LossType.SQUARED && ScaledNetwork.of(inst).map(h::applies).orElse(false);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void neverBelowTheOptimumAndExact(Heuristic h, long seed) {
        ErmInstance inst = RandomInstances.piecewiseLinear(seed, Rational.ZERO, 2, 8);
        ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow();
        Rational optimum = BruteForce.minimumLoss(inst);
        long target = optimum.multiply(Rational.of(net.lossScale())).numerator().longValueExact();
        List<Long> reported = new ArrayList<>();
        WitnessHeuristic.Outcome o = h.create(net, seed).run(target - 1, Limits.none(), 300, (v, l) -> {
            reported.add(l);
            assertEquals(Rational.of(l, net.lossScale()), Verifier.verify(inst, net.decode(v)).loss(), "seed " + seed + ": reported loss");
        });
        String where = "seed " + seed + " optimum " + optimum;
        assertTrue(o.bestLoss() >= target, where + ": found " + o.bestLoss() + " below the optimum");
        assertEquals(Rational.of(o.bestLoss(), net.lossScale()), Verifier.verify(inst, net.decode(o.best())).loss(), where);
        for (int i = 1; i < reported.size(); i++) assertTrue(reported.get(i) < reported.get(i - 1), where + ": improvements must be strict");
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void findsAPlantedTeacher(Heuristic h, long seed) {
        ErmInstance inst = planted(RandomInstances.piecewiseLinear(seed, Rational.ZERO, 2, 8), seed);
        ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow();
        WitnessHeuristic.Outcome o = h.create(net, seed).run(0, Limits.none(), 2_000, (v, l) -> { });
        assertEquals(0, o.bestLoss(), "seed " + seed + " after " + o.moves() + " moves");
        assertTrue(Verifier.verify(inst, net.decode(o.best())).accepted(), "seed " + seed);
        WitnessHeuristic.Outcome s = new SearchSchedule(net, seed).run(0, Limits.none(), (v, l) -> { }).orElseThrow();
        assertEquals(0, s.bestLoss(), "seed " + seed + ": schedule");
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void resumingContinuesTheSameSearch(Heuristic h, long seed) {
        ErmInstance inst = RandomInstances.piecewiseLinear(seed, Rational.ZERO, 2, 8);
        ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow();
        WitnessHeuristic.Outcome whole = h.create(net, seed).run(-1, Limits.none(), 40, (v, l) -> { });
        WitnessHeuristic twice = h.create(net, seed);
        twice.run(-1, Limits.none(), 15, (v, l) -> { });
        WitnessHeuristic.Outcome resumed = twice.run(-1, Limits.none(), 25, (v, l) -> { });
        assertEquals(whole.moves(), resumed.moves(), "seed " + seed);
        assertEquals(whole.bestLoss(), resumed.bestLoss(), "seed " + seed);
        assertEquals(whole.evaluations(), resumed.evaluations(), "seed " + seed);
    }

    /** {@code inst} with every target replaced by the output of a random parameter vector of its domain. */
    static ErmInstance planted(ErmInstance inst, long seed) {
        List<NetworkParameters> all = BruteForce.all(inst);
        NetworkParameters teacher = all.get(new Random(seed).nextInt(all.size()));
        List<List<Rational>> ys = new ArrayList<>();
        for (List<Rational> x : inst.data().inputs()) ys.add(ForwardPass.run(inst.architecture(), teacher, x).output());
        return new ErmInstance(inst.name(), inst.description(), inst.architecture(), inst.domains(), inst.fixed(), inst.loss(),
                Rational.ZERO, new Dataset(inst.data().inputs(), ys), inst.expected());
    }
}
