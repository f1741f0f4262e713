package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.lower.Lowered;
import org.ermbit.reductions.lower.Lowerings;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optional encodings (first-layer configuration selection, first-layer-aware products) against
 * brute force: on seeded random tiny instances with a hidden first layer, sat4j on the lowered
 * encoding answers SAT at the brute-force optimum (the decoded witness verified exactly, its
 * pattern equal to the recomputed one) and UNSAT just below it.
 */
class EncoderVariantsTest {

    static LongStream seeds() {
        List<Long> out = new ArrayList<>();
        for (long seed = 30_000; out.size() < 30; seed++) {
            if (RandomInstances.piecewiseLinear(seed, Rational.ZERO).architecture().depth() >= 2) out.add(seed);
        }
        return out.stream().mapToLong(Long::longValue);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void selectionAndFirstLayerProductsAgreeWithBruteForce(long seed) {
        ErmInstance probe = RandomInstances.piecewiseLinear(seed, Rational.ZERO);
        Rational optimum = BruteForce.minimumLoss(probe);
        SolverProvider sat4j = SolverRegistry.load().byId("sat4j");
        for (EncoderOptions o : List.of(new EncoderOptions(true, EncoderOptions.SUGGESTED_CONFIGURATION_LIMIT, false),
                new EncoderOptions(false, 0, true), new EncoderOptions(true, 0, true))) {
            String where = "seed " + seed + " " + o + " optimum " + optimum;
            ErmInstance at = DifferentialTest.withThreshold(probe, optimum);
            Encoding enc = ErmEncoder.encode(at, o).atMost(optimum);
            Lowered low = Lowerings.forCapabilities(sat4j.capabilities()).apply(enc.model());
            SolveResult r;
            try (Solver s = sat4j.create()) {
                r = s.solve(low.model(), Limits.none());
            }
            assertEquals(Status.SAT, r.status(), where);
            Assignment a = low.lift().lift(r.model().orElseThrow());
            assertTrue(enc.model().isSatisfiedBy(a), where);
            NetworkParameters p = enc.decodeParameters(a);
            assertTrue(Verifier.verify(at, p).accepted(), where);
            assertEquals(ActivationPattern.of(at, p), enc.decodePattern(a), where);
            if (optimum.signum() > 0) {
                Rational below = optimum.subtract(Rational.of(1, 1_000_000));
                Encoding under = ErmEncoder.encode(DifferentialTest.withThreshold(probe, below), o).atMost(below);
                Lowered lowUnder = Lowerings.forCapabilities(sat4j.capabilities()).apply(under.model());
                try (Solver s = sat4j.create()) {
                    assertEquals(Status.UNSAT, s.solve(lowUnder.model(), Limits.none()).status(), where);
                }
            }
        }
    }
}
