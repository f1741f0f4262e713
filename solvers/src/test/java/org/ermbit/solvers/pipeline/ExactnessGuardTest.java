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
import java.util.Set;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
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
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
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

    /** A pseudo-Boolean backend that answers {@code answer} to every question. */
    private record Liar(String id, SolveResultMaker answer) implements SolverProvider {
        public String description() { return "test backend that lies"; }
        public Set<Capability> capabilities() { return Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS); }
        public Availability probe() { return Availability.ok("test"); }
        public Solver create() {
            return new Solver() {
                public SolveResult solve(Model model, Limits limits) { return answer.make(model); }
                public void close() { }
            };
        }
    }

    private interface SolveResultMaker {
        SolveResult make(Model model);
    }

    private static SolverRegistry registryWith(SolverProvider liar) {
        return SolverRegistry.of(List.of(SolverRegistry.load().byId("sat4j"), liar));
    }

    @Test
    void modelViolatingTheConstraintsIsAnInternalErrorNamingTheBackend() {
        Liar allZero = new Liar("zero", m -> {
            BigInteger[] v = new BigInteger[m.vars().size()];
            Arrays.fill(v, BigInteger.ZERO);
            return SolveResult.sat(new Assignment(v), Optional.empty(), "zero", "", Duration.ZERO, Map.of());
        });
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("zero")), registryWith(allZero));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
    }

    @Test
    void unsatContradictedByAVerifiedWitnessOfTheCrossCheckerIsAnInternalError() {
        Liar claimsUnsat = new Liar("nope", m -> SolveResult.unsat("nope", "", Duration.ZERO, Map.of()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("nope")).withCrossCheck(List.of("sat4j")),
                registryWith(claimsUnsat));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void optimumWhoseLowerBoundIsContradictedByTheCrossCheckerIsAnInternalError() {
        // The start point (w = b = 0) has loss 1; the liar "proves" nothing better exists, but
        // w + b = 1 has loss 0, which sat4j finds when it cross-checks "loss < 1".
        Liar claimsUnsat = new Liar("nope", m -> SolveResult.unsat("nope", "", Duration.ZERO, Map.of()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("nope")).withCrossCheck(List.of("sat4j")),
                registryWith(claimsUnsat));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.optimize(linear(Rational.ZERO), l -> { }));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void aBackendThatGivesUpYieldsUnknownWithItsReason() {
        Liar giveUp = new Liar("tired", m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("tired")), registryWith(giveUp)).decide(linear(Rational.ZERO));
        assertEquals(ErmResult.Outcome.UNKNOWN, r.outcome());
        assertTrue(r.reason().contains("too tired"), r.reason());
        assertTrue(r.witness().isEmpty());
    }

    @Test
    void portfolioTakesTheVerifiedAnswerWhenOneMemberGivesUp() {
        Liar giveUp = new Liar("tired", m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO));
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

    /** A backend that works until it is cancelled (or 60 s pass) and then answers {@code answer}. */
    private record Staller(String id, SolveResultMaker answer) implements SolverProvider {
        public String description() { return "test backend that stalls until cancelled"; }
        public Set<Capability> capabilities() { return Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS); }
        public Availability probe() { return Availability.ok("test"); }
        public Solver create() {
            return new Solver() {
                public SolveResult solve(Model model, Limits limits) {
                    long end = System.nanoTime() + 60_000_000_000L;
                    while (!limits.cancel().isCancelled() && System.nanoTime() < end) Thread.onSpinWait();
                    return answer.make(model);
                }
                public void close() { }
            };
        }
    }

    @Test
    void localSearchAnswersWithAVerifiedWitnessWhileTheBackendIsStuck() {
        Staller stuck = new Staller("stuck", m -> SolveResult.unknown("cancelled", "stuck", "", Duration.ZERO));
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
        Staller stuck = new Staller("nope", m -> SolveResult.unsat("nope", "", Duration.ZERO, Map.of()));
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("nope")), registryWith(stuck));
        ExactnessViolation e = assertThrows(ExactnessViolation.class, () -> solver.decide(linear(Rational.ZERO)));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("local search"), e.getMessage());
    }

    @Test
    void unknownAndUnavailableSolverIdsAreRejectedUpFront() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("no-such-solver"))));
        assertTrue(e.getMessage().contains("no-such-solver"), e.getMessage());
    }
}
