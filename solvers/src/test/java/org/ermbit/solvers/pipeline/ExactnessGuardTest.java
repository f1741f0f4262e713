package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Var;
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
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;

/**
 * The exactness guard: answers from lying backends never reach the user. A backend whose model
 * violates the constraints, or that claims UNSAT where a cross-checker finds a verified witness,
 * makes the pipeline throw {@link ExactnessViolation} naming it; a backend that gives up yields
 * UNKNOWN with its reason, never SAT or UNSAT.
 */
class ExactnessGuardTest {

    /** y = w·x + b with w, b in {-2..2}, one point (1, 1): loss 0 exactly when w + b = 1 (hand check). */
    private static ErmInstance linear(Rational threshold) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));
        Dataset data = new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ONE)));
        return new ErmInstance("guard", Optional.empty(), a, ParameterDomains.uniform(d), List.of(),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), threshold, data, Optional.empty());
    }

    /** A pseudo-Boolean backend "zero" that answers SAT with every variable 0 (an assignment that violates the model). */
    private static StubBackend allZero() {
        return StubBackend.answering("zero", m -> {
            BigInteger[] v = new BigInteger[m.vars().size()];
            Arrays.fill(v, BigInteger.ZERO);
            return SolveResult.sat(new Assignment(v), Optional.empty(), "zero", "", Duration.ZERO, Map.of());
        });
    }

    private static SolverRegistry registryWith(SolverProvider liar) {
        return SolverRegistry.of(List.of(SolverRegistry.load().byId("sat4j"), liar));
    }

    @Test
    void modelViolatingTheConstraintsIsAnInternalErrorNamingTheBackend() {
        StubBackend allZero = allZero();
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("zero")), registryWith(allZero));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
    }

    @Test
    void unsatContradictedByAVerifiedWitnessOfTheCrossCheckerIsAnInternalError() {
        StubBackend claimsUnsat = StubBackend.answering("nope", m -> SolveResult.unsat("nope", "", Duration.ZERO, Map.of()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("nope")).withCrossCheck(List.of("sat4j")),
                registryWith(claimsUnsat));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void optimumWhoseLowerBoundIsContradictedByTheCrossCheckerIsAnInternalError() {
        // The start point (w = b = 0) has loss 1; the liar "proves" nothing better exists, but
        // w + b = 1 has loss 0, which sat4j finds when it cross-checks "loss < 1".
        StubBackend claimsUnsat = StubBackend.answering("nope", m -> SolveResult.unsat("nope", "", Duration.ZERO, Map.of()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("nope")).withCrossCheck(List.of("sat4j")),
                registryWith(claimsUnsat));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.optimize(linear(Rational.ZERO), l -> { }));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void aBackendThatGivesUpYieldsUnknownWithItsReason() {
        StubBackend giveUp = StubBackend.answering("tired", m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("tired")), registryWith(giveUp)).decide(linear(Rational.ZERO));
        assertEquals(ErmResult.Outcome.UNKNOWN, r.outcome());
        assertTrue(r.reason().contains("too tired"), r.reason());
        assertTrue(r.witness().isEmpty());
    }

    @Test
    void portfolioTakesTheVerifiedAnswerWhenOneMemberGivesUp() {
        StubBackend giveUp = StubBackend.answering("tired", m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("tired", "sat4j")), registryWith(giveUp))
                .decide(linear(Rational.ZERO));
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.reason());
        var layer = r.witness().orElseThrow().layer(1);
        assertEquals(Rational.ONE, layer.weights().get(0).get(0).add(layer.biases().get(0)), "w + b must be 1");
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
    }

    @Test
    void unsatIsReportedWithItsProverAndConfirmingBackends() {
        // Target 5 at x = 1 needs w + b = 5, but w + b <= 4 in this domain: loss 0 is impossible.
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));
        Dataset data = new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.of(5))));
        ErmInstance inst = new ErmInstance("far", Optional.empty(), a, ParameterDomains.uniform(d), List.of(),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), Rational.ZERO, data, Optional.empty());
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withCrossCheck(List.of("sat4j"))).decide(inst);
        assertEquals(ErmResult.Outcome.UNSAT, r.outcome());
        assertTrue(r.provenance().get(0).startsWith("sat4j"), r.provenance().toString());
        assertEquals(2, r.provenance().size(), r.provenance().toString());
        // w = 2, b = 2 gives |4 - 5| = 1: the true optimum, found by hand over the 25 vectors.
        ErmResult opt = new ErmSolver(ErmOptions.defaults().withLocalSearch(false)).optimize(inst, l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, opt.outcome(), opt.reason());
        assertEquals(Rational.ONE, opt.loss().orElseThrow());
    }

    @Test
    void localSearchAnswersWithAVerifiedWitnessWhileTheBackendIsStuck() {
        StubBackend stuck = StubBackend.stalling("stuck", new CountDownLatch(1), m -> SolveResult.unknown("cancelled", "stuck", "", Duration.ZERO));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("stuck")), registryWith(stuck)).decide(linear(Rational.ZERO));
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.reason());
        assertEquals(List.of(WitnessSearch.SOURCE), r.provenance());
        var layer = r.witness().orElseThrow().layer(1);
        assertEquals(Rational.ONE, layer.weights().get(0).get(0).add(layer.biases().get(0)), "w + b must be 1");
        ErmResult opt = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("stuck")), registryWith(stuck)).optimize(linear(Rational.ZERO), l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, opt.outcome(), opt.reason());
        assertEquals(Rational.ZERO, opt.loss().orElseThrow());
        assertTrue(opt.provenance().contains("every loss is non-negative"), opt.provenance().toString());
    }

    @Test
    void unsatContradictedByTheLocalSearchWitnessIsAnInternalErrorNamingTheBackend() {
        StubBackend stuck = StubBackend.stalling("nope", new CountDownLatch(1), m -> SolveResult.unsat("nope", "", Duration.ZERO, Map.of()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("nope")), registryWith(stuck));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("local search"), e.getMessage());
    }

    // ---- the checks after decoding: they guard against encoder bugs, so they are exercised on deliberately weakened models

    private static SolveResult sat(Assignment a) {
        return SolveResult.sat(a, Optional.empty(), "liar", "", Duration.ZERO, Map.of());
    }

    /** {@code m} with only the constraints {@code keep} accepts, every integer's bounds widened by {@code widen} on both sides. */
    private static Model rebuilt(Model m, java.util.function.Predicate<Constraint> keep, long widen) {
        ModelBuilder b = new ModelBuilder();
        BigInteger w = BigInteger.valueOf(widen);
        for (Var v : m.vars()) b.newVar(v.name(), v.bool() ? v.lower() : v.lower().subtract(w), v.bool() ? v.upper() : v.upper().add(w), v.bool());
        for (Constraint c : m.constraints()) if (keep.test(c)) b.add(c);
        return b.build();
    }

    private static boolean mentions(Constraint c, Var v) {
        if (c instanceof Constraint.Linear l) return l.expr().terms().containsKey(v) || l.enforcement().stream().anyMatch(x -> x.var().equals(v));
        if (c instanceof Constraint.Clause cl) return cl.literals().stream().anyMatch(x -> x.var().equals(v));
        Constraint.Product p = (Constraint.Product) c;
        return p.result().equals(v) || p.left().equals(v) || p.right().equals(v);
    }

    /** Every weight {@code weight}, every bias {@code bias}. */
    private static NetworkParameters params(ErmInstance inst, long weight, long bias) {
        return NetworkParameters.build(inst.architecture(), r -> Rational.of(r.isBias() ? bias : weight));
    }

    @Test
    void aWitnessAboveTheBoundIsAnInternalErrorNamingTheBackend() {
        // the model without its loss bound admits w = b = 0, loss |0 − 1| = 1 > 0 (hand)
        ErmInstance inst = linear(Rational.ZERO);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
        Assignment lossOne = enc.intendedAssignment(params(inst, 0, 0));
        BackendRun run = new BackendRun(StubBackend.answeringNative("liar", m -> sat(lossOne)), enc);
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> run.solve(enc.model(), Optional.of(Rational.ZERO), Limits.none()));
        assertTrue(e.getMessage().contains("liar") && e.getMessage().contains("above the bound"), e.getMessage());
    }

    @Test
    void aWitnessOutsideTheDomainIsAnInternalErrorNamingTheBackend() {
        // w = 3, b = −2 fits (w + b = 1, loss 0) but 3 is outside {−2..2}; the model's bounds are widened to admit it
        ErmInstance inst = linear(Rational.ZERO);
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults()).atMost(Rational.ZERO);
        Assignment fit = enc.intendedAssignmentWithin(params(inst, 1, 0)).orElseThrow();
        BigInteger[] v = new BigInteger[fit.size()];
        for (int i = 0; i < v.length; i++) v[i] = fit.value(i);
        v[enc.parameterVar(ParameterRef.weight(1, 0, 0)).orElseThrow().index()] = BigInteger.valueOf(3);
        v[enc.parameterVar(ParameterRef.bias(1, 0)).orElseThrow().index()] = BigInteger.valueOf(-2);
        Model widened = rebuilt(enc.model(), c -> true, 10);
        BackendRun run = new BackendRun(StubBackend.answeringNative("liar", m -> sat(new Assignment(v))), enc);
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> run.solve(widened, Optional.of(Rational.ZERO), Limits.none()));
        assertTrue(e.getMessage().contains("liar") && e.getMessage().contains("outside the domain"), e.getMessage());
    }

    @Test
    void aDecodedPatternThatDiffersFromTheRecomputedOneIsAnInternalErrorNamingTheBackend() {
        // 1-1-1 ReLU net, point (1, 1): w1 = 1, b1 = 0, w2 = 1, b2 = 0 fits with the unit active (z = 1);
        // the liar reports it inactive, in a model without the constraints on that literal
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));
        ErmInstance inst = new ErmInstance("relu", Optional.empty(), a, ParameterDomains.uniform(d), List.of(), new Loss(LossType.ABSOLUTE, Aggregate.SUM),
                Rational.ZERO, new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ONE))), Optional.empty());
        Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults()).atMost(Rational.ZERO);
        Assignment fit = enc.intendedAssignmentWithin(params(inst, 1, 0)).orElseThrow();
        Var act = enc.model().vars().stream().filter(x -> x.name().equals("act[0][1][0]")).findFirst().orElseThrow();
        assertEquals(BigInteger.ONE, fit.value(act.index()));
        BigInteger[] v = new BigInteger[fit.size()];
        for (int i = 0; i < v.length; i++) v[i] = fit.value(i);
        v[act.index()] = BigInteger.ZERO;
        Model free = rebuilt(enc.model(), c -> !mentions(c, act), 0);
        BackendRun run = new BackendRun(StubBackend.answeringNative("liar", m -> sat(new Assignment(v))), enc);
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> run.solve(free, Optional.of(Rational.ZERO), Limits.none()));
        assertTrue(e.getMessage().contains("liar") && e.getMessage().contains("activation pattern"), e.getMessage());
    }

    @Test
    void aViolationInOneMemberOfARaceIsNotSwallowedByTheOthers() {
        StubBackend allZero = allZero();
        StubBackend stuck = StubBackend.stalling("stuck", new CountDownLatch(1), m -> SolveResult.unknown("cancelled", "stuck", "", Duration.ZERO));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("stuck", "zero")),
                SolverRegistry.of(List.of(allZero, stuck)));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
    }

    @Test
    void aBaselineCannotBeCrossChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErmSolver(ErmOptions.defaults().withSolvers(List.of("enumerate")).withCrossCheck(List.of("sat4j"))));
        assertTrue(e.getMessage().contains("enumerate") && e.getMessage().startsWith("not supported"), e.getMessage());
    }

    @Test
    void unknownAndUnavailableSolverIdsAreRejectedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("no-such-solver"))));
        assertTrue(e.getMessage().contains("no-such-solver"), e.getMessage());
    }
}
