package org.ermbit.solvers.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
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
import org.ermbit.solvers.XorInstances;
import org.ermbit.solvers.enumerate.ExhaustiveSearch;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaselinesTest {

    private static final Domain BITS2 = new Domain.FixedPoint(2, 0); // {-2, -1, 0, 1}

    /** XOR with a 2-h-1 ReLU network, exact fit under squared loss. */
    static ErmInstance xor(int hidden) {
        return XorInstances.xor(hidden, BITS2);
    }

    static ErmResult decide(String solver, ErmInstance inst) {
        return new ErmSolver(ErmOptions.defaults().withSolvers(List.of(solver))).decide(inst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"z3-naive", "enumerate"})
    void xorIsFeasibleWithTwoUnitsAndNotWithOne(String solver) {
        // Goodfellow et al. §6.1 give an exact 2-2-1 ReLU solution with integer weights in [-2, 1]; one ReLU unit
        // cannot fit XOR over the reals (relu of an affine map takes equal values on 00, 11 only if it does on 01, 10).
        ErmResult sat = decide(solver, xor(2));
        assertEquals(ErmResult.Outcome.SAT, sat.outcome());
        assertEquals(Rational.ZERO, sat.loss().orElseThrow());
        assertEquals(ErmResult.Outcome.UNSAT, decide(solver, xor(1)).outcome());
    }

    /** z3-naive's optimum equals brute-force enumeration on seeded random tiny instances (all loss types it encodes). */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void z3NaiveOptimumMatchesBruteForce(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LossType type = LossType.values()[(int) (seed % LossType.values().length)];
        Activation act = seed % 3 == 0 ? new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE))
                : seed % 3 == 1 ? new Activation.Relu() : new Activation.LeakyRelu(Rational.of(1, 2));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            xs.add(List.of(Rational.of(rnd.nextInt(-2, 3))));
            ys.add(List.of(type.isClassification() ? (rnd.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE) : Rational.of(rnd.nextInt(-3, 4), 2)));
        }
        Domain grid = new Domain.Grid(BigInteger.TWO, BigInteger.valueOf(-2), BigInteger.TWO);
        ErmInstance inst = new ErmInstance("rand-" + seed, Optional.empty(), new Architecture(1, List.of(new LayerSpec(1, act),
                new LayerSpec(1, new Activation.Identity()))), ParameterDomains.uniform(grid), List.of(),
                new Loss(type, type == LossType.MAX_ABS ? Aggregate.MAX : Aggregate.SUM), Rational.ZERO, new Dataset(xs, ys), Optional.empty());
        Rational brute = new ExhaustiveSearch(BigInteger.valueOf(1_000_000), 1 << 16).minimize(inst, Limits.none()).bestLoss().orElseThrow();
        ErmResult r = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("z3-naive"))).optimize(inst, loss -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, r.outcome());
        assertEquals(brute, r.loss().orElseThrow());
    }

    @Test
    void aBaselineIsNotRacedWithOtherSolvers() {
        assertThrows(IllegalArgumentException.class, () -> new ErmSolver(ErmOptions.defaults().withSolvers(List.of("sat4j", "z3-naive"))));
    }
}
