package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Status;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.solvers.pipeline.BackendRun.Answer;
import org.junit.jupiter.api.Test;

/**
 * The SAT-UNSAT descent of {@link LossDescent} on hand-checked instances y = w·x + b (identity
 * output, absolute loss, one point at x = 1), with scripted backends: where it starts (the start point,
 * parameters nearest zero), which bound it asks, what it takes as the best, and the checks that turn a
 * contradictory UNSAT into an internal error naming the backend.
 */
class LossDescentTest {

    /** y = w·x + b, w and b on the integer grid lo..hi, points (1, y) for each target, absolute loss summed. */
    static ErmInstance line(long lo, long hi, Aggregate agg, long... targets) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(lo), BigInteger.valueOf(hi));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (long t : targets) {
            xs.add(List.of(Rational.ONE));
            ys.add(List.of(Rational.of(t)));
        }
        return new ErmInstance("line", Optional.empty(), a, ParameterDomains.uniform(d), List.of(), new Loss(LossType.ABSOLUTE, agg),
                Rational.ZERO, new Dataset(xs, ys), Optional.empty());
    }

    static NetworkParameters wb(ErmInstance inst, long w, long b) {
        return NetworkParameters.build(inst.architecture(), r -> Rational.of(r.isBias() ? b : w));
    }

    static Answer answer(ErmInstance inst, NetworkParameters p, String backend) {
        return new Answer(Status.SAT, Optional.of(p), Optional.of(Verifier.verify(inst, p).loss()), Optional.of(ActivationPattern.of(inst, p)),
                backend, "");
    }

    private static SolveResult unsat(String id) {
        return SolveResult.unsat(id, "", Duration.ZERO, Map.of());
    }

    @Test
    void theDescentStartsAtTheParametersNearestZero() {
        // {−2..2} holds 0: w = b = 0, loss |0 − 3| = 3
        ErmInstance mid = line(-2, 2, Aggregate.SUM, 3);
        List<Rational> heard = new ArrayList<>();
        LossDescent d = new LossDescent(ErmEncoder.encode(mid, EncoderOptions.defaults()), heard::add);
        assertEquals(wb(mid, 0, 0), d.best().orElseThrow().answer().orElseThrow().witness().orElseThrow());
        assertEquals(List.of(Rational.of(3)), heard);
        assertEquals(StartPoint.SOURCE, d.best().orElseThrow().answer().orElseThrow().backend());
        assertTrue(!d.best().orElseThrow().proved());
        // {1..3}: the lower end 1 is nearest zero: w = b = 1, loss |2 − 3| = 1
        ErmInstance positive = line(1, 3, Aggregate.SUM, 3);
        assertEquals(wb(positive, 1, 1), StartPoint.of(positive).orElseThrow().witness().orElseThrow());
        assertEquals(Optional.of(Rational.ONE), StartPoint.of(positive).orElseThrow().loss());
        // {−3..−1}: the upper end −1 is nearest zero: w = b = −1, loss |−2 − 3| = 5
        ErmInstance negative = line(-3, -1, Aggregate.SUM, 3);
        assertEquals(wb(negative, -1, -1), StartPoint.of(negative).orElseThrow().witness().orElseThrow());
        assertEquals(Optional.of(Rational.of(5)), StartPoint.of(negative).orElseThrow().loss());
    }

    @Test
    void onlyAStrictlyLowerLossReplacesTheBestAndIsHeard() {
        ErmInstance inst = line(-2, 2, Aggregate.SUM, 3);
        List<Rational> heard = new ArrayList<>();
        LossDescent d = new LossDescent(ErmEncoder.encode(inst, EncoderOptions.defaults()), heard::add);
        // w = 2, b = 1: loss 0 is not reached; w = 1, b = 2 has loss 0 too — pick equal and higher ones by hand
        assertEquals(Optional.of(Rational.of(3)), d.offer(answer(inst, wb(inst, 0, 0), "other"))); // equal: start point stays
        assertEquals(StartPoint.SOURCE, d.best().orElseThrow().answer().orElseThrow().backend());
        assertEquals(Optional.of(Rational.of(3)), d.offer(answer(inst, wb(inst, -1, 0), "worse"))); // |−1 − 3| = 4
        assertEquals(Optional.of(Rational.ONE), d.offer(answer(inst, wb(inst, 1, 1), "better"))); // |2 − 3| = 1
        assertEquals("better", d.best().orElseThrow().answer().orElseThrow().backend());
        assertEquals(List.of(Rational.of(3), Rational.ONE), heard);
    }

    @Test
    void justBelowIsOneScaledUnitLess() {
        // mean over two points: losses are multiples of 1/2 (the encoding's loss scale is 2 here: sum/2)
        ErmInstance mean = line(-2, 2, Aggregate.MEAN, 1, 2);
        Encoding enc = ErmEncoder.encode(mean, EncoderOptions.defaults());
        assertEquals(BigInteger.TWO, enc.lossScale());
        LossDescent d = new LossDescent(enc, l -> { });
        assertEquals(Rational.ONE, d.justBelow(Rational.of(3, 2)));
        assertEquals(Rational.of(-1, 2), d.justBelow(Rational.ZERO));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> d.justBelow(Rational.of(1, 3)));
        assertTrue(e.getMessage().contains("not an integer"), e.getMessage());
        Encoding sum = ErmEncoder.encode(line(-2, 2, Aggregate.SUM, 3), EncoderOptions.defaults());
        assertEquals(BigInteger.ONE, sum.lossScale());
        assertEquals(Rational.of(2), new LossDescent(sum, l -> { }).justBelow(Rational.of(3)));
    }

    @Test
    void anUnsatBelowTheBestProvesTheBestOptimalAndNamesTheProver() {
        // the backend is asked "loss ≤ 2" (start loss 3); its UNSAT makes the start point the optimum it proved
        ErmInstance inst = line(-2, 2, Aggregate.SUM, 3);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        LossDescent d = new LossDescent(enc, l -> { });
        LossDescent.Result r = d.run(new BackendRun(StubBackend.answeringNative("nope", m -> unsat("nope")), enc), Limits.none());
        assertTrue(r.proved());
        assertEquals("nope", r.prover());
        assertEquals(Optional.of(Rational.of(3)), r.answer().orElseThrow().loss());
    }

    @Test
    void anUnsatContradictedByAWitnessAnotherRunFoundIsAnInternalError() {
        // start loss 3, the run asks "loss ≤ 2"; meanwhile another run offers w = 1, b = 0 with loss exactly 2;
        // the run's UNSAT for "loss ≤ 2" is then contradicted by a verified witness (at the bound itself)
        ErmInstance inst = line(-2, 2, Aggregate.SUM, 3);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        AtomicReference<LossDescent> descent = new AtomicReference<>();
        StubBackend liar = StubBackend.answeringNative("nope", m -> {
            descent.get().offer(answer(inst, wb(inst, 1, 0), "other"));
            return unsat("nope");
        });
        descent.set(new LossDescent(enc, l -> { }));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> descent.get().run(new BackendRun(liar, enc), Limits.none()));
        assertTrue(e.getMessage().startsWith("nope proved no loss <= 2 exists") && e.getMessage().endsWith("has loss 2"), e.getMessage());
    }

    @Test
    void aZeroLossNeedsNoBackend() {
        // point (1, 0): the start point w = b = 0 already has loss 0
        ErmInstance inst = line(-2, 2, Aggregate.SUM, 0);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        AtomicInteger asked = new AtomicInteger();
        LossDescent d = new LossDescent(enc, l -> { });
        LossDescent.Result r = d.run(new BackendRun(StubBackend.answeringNative("never", m -> {
            asked.incrementAndGet();
            return unsat("never");
        }), enc), Limits.none());
        assertTrue(r.proved());
        assertEquals("every loss is non-negative", r.prover());
        assertEquals(0, asked.get());
        ErmResult opt = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("never")),
                org.ermbit.solvers.registry.SolverRegistry.of(List.of(StubBackend.answeringNative("never", m -> {
                    asked.incrementAndGet();
                    return unsat("never");
                })))).optimize(inst, l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, opt.outcome());
        assertEquals(List.of(StartPoint.SOURCE, "every loss is non-negative"), opt.provenance());
        assertEquals(0, asked.get());
    }

    @Test
    void aBackendThatGivesUpLeavesTheBestUnprovedWithItsReason() {
        ErmInstance inst = line(-2, 2, Aggregate.SUM, 3);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        LossDescent d = new LossDescent(enc, l -> { });
        LossDescent.Result r = d.run(new BackendRun(StubBackend.answeringNative("tired",
                m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO)), enc), Limits.none());
        assertTrue(!r.proved());
        assertEquals("UNKNOWN (too tired)", r.reason());
        assertEquals(Optional.of(Rational.of(3)), r.answer().orElseThrow().loss());
    }

    @Test
    void theFirstQuestionAlreadyCarriesTheBoundJustBelowTheStartPoint() {
        // start loss 3: the backend must be asked "loss <= 2": the start point (w = b = 0) is not a model of it, w = 1, b = 0 (loss 2) is
        ErmInstance inst = line(-2, 2, Aggregate.SUM, 3);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        List<org.ermbit.core.ir.Model> asked = new ArrayList<>();
        new LossDescent(enc, l -> { }).run(new BackendRun(StubBackend.answeringNative("nope", m -> {
            asked.add(m);
            return unsat("nope");
        }), enc), Limits.none());
        assertEquals(1, asked.size());
        assertTrue(!asked.get(0).isSatisfiedBy(enc.intendedAssignment(wb(inst, 0, 0))));
        assertTrue(asked.get(0).isSatisfiedBy(enc.intendedAssignment(wb(inst, 1, 0))));
    }
}
