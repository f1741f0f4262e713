package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.Status;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.solvers.external.Z3BinaryProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ext-z3} on the nonlinear (QF_NIA) loss-minimisation models of random tiny instances: an
 * OPTIMAL answer must be the brute-force optimum. Z3's own optimiser can stop above the optimum on
 * nonlinear integers (seed 7008 did), so the backend proves optimality by descent.
 */
class ExternalZ3OptimumTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7000, 7001, 7002, 7003, 7004, 7005, 7006, 7007, 7008, 7009, 7010, 7011})
    void optimumOfTheNonlinearModelIsTheBruteForceOptimum(long seed) {
        Z3BinaryProvider p = new Z3BinaryProvider();
        Availability a = p.probe();
        assumeTrue(a.available(), "ext-z3 unavailable: " + a.reason());
        ErmInstance inst = RandomInstances.piecewiseLinear(seed, Rational.ZERO);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        try (Solver s = p.create()) {
            SolveResult r = s.solve(enc.minimizingLoss(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.toString());
            assertEquals(BruteForce.minimumLoss(inst), enc.lossOf(r.objective().orElseThrow()), "seed " + seed);
        }
    }
}
