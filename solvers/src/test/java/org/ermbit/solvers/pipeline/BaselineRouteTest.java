package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.baseline.BaselineAnswer;
import org.ermbit.solvers.baseline.BaselineAnswer.Kind;
import org.ermbit.solvers.baseline.InstanceSolver;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.junit.jupiter.api.Test;

/**
 * {@link BaselineRoute} with a scripted baseline: its claims are checked exactly (a refuted SAT
 * witness or a witness outside the domain is an internal error naming it), losses are recomputed
 * rather than taken from it, and the progress listener hears only strictly better losses.
 * Instance: y = w·x + b, w, b in {−2..2}, point (1, 3), absolute loss, threshold 0 (hand: loss |w + b − 3|).
 */
class BaselineRouteTest {

    private static final ErmInstance INST = LossDescentTest.line(-2, 2, Aggregate.SUM, 3);

    /** A baseline answering {@code decide} and {@code minimize} as scripted, reporting {@code losses} as progress first. */
    private record Scripted(BaselineAnswer decision, BaselineAnswer minimum, List<Rational> losses) implements InstanceSolver {
        public String id() { return "fake"; }
        public String description() { return "scripted baseline"; }
        public Availability probe() { return Availability.ok("test"); }
        public BaselineAnswer decide(ErmInstance inst, Limits limits) { return decision; }
        public BaselineAnswer minimize(ErmInstance inst, Limits limits, Consumer<Rational> progress) {
            losses.forEach(progress);
            return minimum;
        }
    }

    private static BaselineRoute route(BaselineAnswer decision, BaselineAnswer minimum, Rational... losses) {
        return new BaselineRoute(new Scripted(decision, minimum, List.of(losses)));
    }

    private static BaselineAnswer with(Kind kind, long w, long b) {
        return new BaselineAnswer(kind, Optional.of(LossDescentTest.wb(INST, w, b)), "");
    }

    @Test
    void aVerifiedSatIsReportedWithTheBaselineAsProvenance() {
        ErmResult r = route(with(Kind.SAT, 1, 2), null).decide(INST, Limits.none(), Instant.now());
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
        assertEquals("baseline fake", r.route());
        assertEquals(List.of("fake"), r.provenance());
    }

    @Test
    void aSatWithARefutedWitnessIsAnInternalErrorNamingTheBaseline() {
        // w = b = 0 has loss 3 > 0
        ExactnessViolation e = assertThrows(ExactnessViolation.class,
                () -> route(with(Kind.SAT, 0, 0), null).decide(INST, Limits.none(), Instant.now()));
        assertTrue(e.getMessage().startsWith("fake claimed SAT with a witness the exact verifier refutes"), e.getMessage());
    }

    @Test
    void unsatAndUnknownAreReportedAsClaimed() {
        ErmResult unsat = route(new BaselineAnswer(Kind.UNSAT, Optional.empty(), ""), null).decide(INST, Limits.none(), Instant.now());
        assertEquals(Outcome.UNSAT, unsat.outcome());
        assertEquals(List.of("fake"), unsat.provenance());
        ErmResult quiet = route(BaselineAnswer.unknown(""), null).decide(INST, Limits.none(), Instant.now());
        assertEquals(Outcome.UNKNOWN, quiet.outcome());
        assertEquals("no answer", quiet.reason());
        assertEquals(List.of(), quiet.provenance());
        assertEquals("timeout", route(BaselineAnswer.unknown("timeout"), null).decide(INST, Limits.none(), Instant.now()).reason());
        assertEquals("timeout", route(null, BaselineAnswer.unknown("timeout")).optimize(INST, Limits.none(), l -> { }, Instant.now()).reason());
        assertEquals("no answer", route(null, BaselineAnswer.unknown("")).optimize(INST, Limits.none(), l -> { }, Instant.now()).reason());
    }

    @Test
    void anOptimumHasItsLossRecomputedAndProgressHearsOnlyImprovements() {
        List<Rational> heard = new ArrayList<>();
        ErmResult r = route(null, with(Kind.OPTIMUM, 1, 2), Rational.of(3), Rational.of(2), Rational.of(2), Rational.of(5), Rational.ZERO)
                .optimize(INST, Limits.none(), heard::add, Instant.now());
        assertEquals(Outcome.OPTIMUM, r.outcome());
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
        assertEquals(List.of("fake"), r.provenance());
        assertEquals(List.of(Rational.of(3), Rational.of(2), Rational.ZERO), heard);
    }

    @Test
    void aFeasibleAnswerIsAnUnprovedSatWithItsExactLoss() {
        ErmResult r = route(null, new BaselineAnswer(Kind.FEASIBLE, Optional.of(LossDescentTest.wb(INST, 1, 0)), "timeout"))
                .optimize(INST, Limits.none(), l -> { }, Instant.now());
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(Rational.of(2), r.loss().orElseThrow()); // |1 − 3| = 2
        assertEquals("timeout", r.reason());
    }

    @Test
    void anOptimisationWitnessOutsideTheDomainIsAnInternalError() {
        ExactnessViolation e = assertThrows(ExactnessViolation.class,
                () -> route(null, with(Kind.OPTIMUM, 3, 0)).optimize(INST, Limits.none(), l -> { }, Instant.now()));
        assertTrue(e.getMessage().startsWith("fake returned a witness outside the domain"), e.getMessage());
    }
}
