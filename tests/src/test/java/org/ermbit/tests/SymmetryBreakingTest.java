package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hidden-unit symmetry breaking preserves answers: on seeded random tiny instances that have a
 * hidden layer with at least two units, the default backend with symmetry breaking on and off gives
 * the same SAT/UNSAT answers at and just below the brute-force optimum and the same optimum.
 */
class SymmetryBreakingTest {

    /** Seeds whose instance has a hidden layer of ≥ 2 units (where symmetry breaking can act). */
    static LongStream seeds() {
        List<Long> out = new ArrayList<>();
        for (long seed = 20_000; out.size() < 60; seed++) if (hasWideHiddenLayer(RandomInstances.piecewiseLinear(seed, Rational.ZERO))) out.add(seed);
        return out.stream().mapToLong(Long::longValue);
    }

    static boolean hasWideHiddenLayer(ErmInstance inst) {
        for (int l = 1; l < inst.architecture().depth(); l++) if (inst.architecture().layer(l).units() >= 2) return true;
        return false;
    }

    @Test
    void theSeedsExerciseSymmetryBreaking() {
        assertEquals(60, seeds().count());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void onAndOffAgreeWithBruteForce(long seed) {
        ErmInstance probe = RandomInstances.piecewiseLinear(seed, Rational.ZERO);
        Rational optimum = BruteForce.minimumLoss(probe);
        for (boolean sym : new boolean[] {true, false}) {
            ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSymmetryBreaking(sym));
            String where = "seed " + seed + " symmetry " + (sym ? "on" : "off") + " optimum " + optimum;
            ErmInstance at = DifferentialTest.withThreshold(probe, optimum);
            ErmResult r = solver.decide(at);
            assertEquals(ErmResult.Outcome.SAT, r.outcome(), where + ": " + r.reason());
            assertTrue(Verifier.verify(at, r.witness().orElseThrow()).accepted(), where);
            if (optimum.signum() > 0) {
                ErmResult under = solver.decide(DifferentialTest.withThreshold(probe, optimum.subtract(Rational.of(1, 1_000_000))));
                assertEquals(ErmResult.Outcome.UNSAT, under.outcome(), where + ": " + under.reason());
            }
            ErmResult opt = solver.optimize(probe, l -> { });
            assertEquals(ErmResult.Outcome.OPTIMUM, opt.outcome(), where + ": " + opt.reason());
            assertEquals(optimum, opt.loss().orElseThrow(), where);
        }
    }
}
