package org.ermbit.solvers.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ermbit.core.generate.PlantedTeacher;
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
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The unit-swap search's floating-point span arrays, which are downdated and updated move by move
 * instead of being recomputed, against a recomputation from scratch after every move (one- and
 * two-output networks). Whether the search finds optima and reports exact losses is tested against
 * brute force in the tests module (ProjectedSearchTest).
 */
class UnitSwapSearchTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void incrementalSpanMatchesRecomputation(long seed) {
        for (ErmInstance inst : List.of(
                PlantedTeacher.generate(new PlantedTeacher.Spec(2, 4, 3, 20, 3, 0, seed)),
                PlantedTeacher.generate(new PlantedTeacher.Spec(2, 5, 3, 30, 3, 2, seed)),
                twoOutputs(seed))) {
            ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow();
            UnitSwapSearch search = new UnitSwapSearch(net, seed);
            int incremental = 0;
            for (int move = 0; move < 200; move++) {
                search.run(-1, Limits.none(), 1, (v, l) -> { });
                if (search.spanUpdatesSinceRefresh() > 0) incremental++;
                double drift = search.spanDrift();
                assertTrue(drift < 1e-9, inst.name() + " move " + move + ": drift " + drift);
            }
            assertTrue(incremental > 20, inst.name() + ": only " + incremental + " states after incremental updates");
        }
    }

    /** A 2-4-2 ReLU network (3-bit weights) with random integer targets for both outputs. */
    private static ErmInstance twoOutputs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Architecture arch = new Architecture(2, List.of(
                new LayerSpec(4, new Activation.Relu()), new LayerSpec(2, new Activation.Identity())));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int p = 0; p < 16; p++) {
            xs.add(List.of(Rational.of(rnd.nextInt(-3, 4)), Rational.of(rnd.nextInt(-3, 4))));
            ys.add(List.of(Rational.of(rnd.nextInt(-20, 21)), Rational.of(rnd.nextInt(-20, 21))));
        }
        return new ErmInstance("two-outputs-s" + seed, Optional.empty(), arch,
                ParameterDomains.uniform(new Domain.FixedPoint(3, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, new Dataset(xs, ys), Optional.empty());
    }
}
