package org.ermbit.solvers.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * The real mode on the total-least-squares family (x = 0,1,2; targets (0,0),(1,1),(3,2); 1-1-2 ReLU;
 * sum of squares), whose real optimum is r* = (10 − √97)/3 — the smallest eigenvalue of the scatter
 * matrix [[14/3, 3], [3, 2]] (trace 20/3, determinant 1/3), computed by hand. Bounds on √97 are
 * checked by exact squaring, so the thresholds bracket r* without any floating point.
 */
class RealDeciderTest {

    static final Rational SQRT97_LO = Rational.of(98_488_578L, 10_000_000L);
    static final Rational SQRT97_HI = Rational.of(98_488_579L, 10_000_000L);

    static ErmInstance tls() throws IOException {
        try (InputStream in = RealDeciderTest.class.getResourceAsStream("/realram/tls-b1.json")) {
            return InstanceReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "tls-b1.json", null);
        }
    }

    @Test
    void boundsBracketSqrt97() {
        assertTrue(SQRT97_LO.square().compareTo(Rational.of(97)) < 0);
        assertTrue(SQRT97_HI.square().compareTo(Rational.of(97)) > 0);
    }

    @Test
    void justAboveTheRealOptimumIsSatWithAnAlgebraicWitness() throws IOException {
        Rational gamma = Rational.of(10).subtract(SQRT97_LO).divide(Rational.of(3)); // ≥ r*
        RealResult r = RealDecider.decide(tls(), gamma, Limits.none());
        assertEquals(RealResult.Outcome.SAT, r.outcome(), r.reason());
        assertEquals(6, r.witness().size());
        RealValue loss = r.loss().orElseThrow();
        if (loss.isRational()) {
            assertTrue(r.rationalCheck());
            assertTrue(loss.rational().get().compareTo(gamma) <= 0);
        } else {
            assertTrue(loss.exact().startsWith("(root-obj "), loss.exact());
        }
    }

    @Test
    void justBelowTheRealOptimumIsUnsat() throws IOException {
        Rational gamma = Rational.of(10).subtract(SQRT97_HI).divide(Rational.of(3)); // < r*
        RealResult r = RealDecider.decide(tls(), gamma, Limits.none());
        assertEquals(RealResult.Outcome.UNSAT, r.outcome(), r.reason());
    }

    @Test
    void aRationalBoundFarAboveGivesARationalCheckedWitnessOrAnAlgebraicOne() throws IOException {
        RealResult r = RealDecider.decide(tls(), Rational.ONE, Limits.none());
        assertEquals(RealResult.Outcome.SAT, r.outcome());
        assertFalse(r.witness().isEmpty());
    }
}
