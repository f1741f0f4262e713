package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ermbit.core.eval.BitGrowthBound;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;

/**
 * What the race does besides answering (docs/EMBEDDING.md "Thread and resource notes"): a winner
 * — a backend or the local search — cancels the others, the local search's thread is gone when the
 * call returns, an UNKNOWN says how close the local search came; baselines run alone; the
 * exhaustive route reports its bit-growth bound and its optimum to the progress listener.
 */
class LocalSearchAndRaceTest {

    /** Point (1, 1): loss 0 at w + b = 1. */
    private static final ErmInstance NEAR = LossDescentTest.line(-2, 2, Aggregate.SUM, 1);
    /** Points (1, 1) and (1, 2): loss |s − 1| + |s − 2| ≥ 1 for s = w + b, 1 at s ∈ {1, 2}; threshold 0 is out of reach. */
    private static final ErmInstance TWO = LossDescentTest.line(-2, 2, Aggregate.SUM, 1, 2);

    /** A backend without lowering that works until cancelled (10 s at most), recording whether it was cancelled. */
    private static StubBackend spinning(String id, AtomicBoolean cancelled) {
        return new StubBackend(id, StubBackend.NATIVE, (m, l) -> {
            long end = System.nanoTime() + 10_000_000_000L;
            while (!l.cancel().isCancelled() && System.nanoTime() < end) Thread.onSpinWait();
            cancelled.set(l.cancel().isCancelled());
            return SolveResult.unknown("cancelled", id, "", Duration.ZERO);
        });
    }

    private static ErmSolver solver(ErmOptions options, SolverProvider... stubs) {
        List<SolverProvider> all = new ArrayList<>(List.of(stubs));
        all.add(SolverRegistry.load().byId("sat4j"));
        return new ErmSolver(options, SolverRegistry.of(all));
    }

    private static boolean localSearchThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("ermbit-local-search") && t.isAlive());
    }

    @Test
    void aLocalSearchWitnessCancelsTheBackendAndTheSearchIsStoppedOnReturn() {
        AtomicBoolean cancelled = new AtomicBoolean();
        ErmResult r = solver(ErmOptions.defaults().withSolvers(List.of("spin")), spinning("spin", cancelled)).decide(NEAR);
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(List.of(WitnessSearch.SOURCE), r.provenance());
        assertTrue(cancelled.get(), "the backend was cancelled once the local search had a witness");
        assertTrue(!localSearchThreadAlive());
    }

    @Test
    void theMinimisingSearchIsStoppedWhenTheCallReturns() {
        // TWO's optimum 1 is proved by sat4j; the local search (which never reaches 0 here) must not outlive the call
        ErmResult r = solver(ErmOptions.defaults()).optimize(TWO, l -> { });
        assertEquals(Outcome.OPTIMUM, r.outcome());
        assertEquals(Rational.ONE, r.loss().orElseThrow());
        assertTrue(!localSearchThreadAlive());
        ErmResult d = solver(ErmOptions.defaults()).decide(TWO);
        assertEquals(Outcome.UNSAT, d.outcome());
        assertTrue(!localSearchThreadAlive());
    }

    @Test
    void anUnknownSaysHowCloseTheLocalSearchCame() {
        // the backend gives up once the progress listener has heard the minimum 1 (by hand, above)
        CountDownLatch heardMinimum = new CountDownLatch(1);
        StubBackend patient = new StubBackend("patient", StubBackend.NATIVE, (m, l) -> {
            try {
                heardMinimum.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SolveResult.unknown("gave up", "patient", "", Duration.ZERO);
        });
        List<Rational> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        ErmResult r = solver(ErmOptions.defaults().withSolvers(List.of("patient")), patient).decide(TWO, loss -> {
            heard.add(loss);
            if (loss.equals(Rational.ONE)) heardMinimum.countDown();
        });
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertEquals("patient: UNKNOWN (gave up); " + WitnessSearch.SOURCE + ": best loss found 1 on 2 points, above the threshold 0", r.reason());
        assertEquals(Rational.ONE, heard.get(heard.size() - 1));
        assertEquals("", r.backend());
    }

    @Test
    void theLosersOfARaceAreCancelled() {
        AtomicBoolean cancelled = new AtomicBoolean();
        ErmResult r = solver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("spin", "sat4j")), spinning("spin", cancelled))
                .decide(NEAR);
        assertEquals(Outcome.SAT, r.outcome());
        assertTrue(r.backend().startsWith("sat4j"), r.backend());
        assertTrue(cancelled.get(), "the losing backend was cancelled");
    }

    @Test
    void anOptimisingRaceWaitsForAProofRatherThanTakingTheFirstResult() {
        // "tired" ends at once without a proof; sat4j proves the optimum 1 of TWO
        StubBackend tired = StubBackend.answering("tired", m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO));
        ErmResult r = solver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("tired", "sat4j")), tired).optimize(TWO, l -> { });
        assertEquals(Outcome.OPTIMUM, r.outcome(), r.reason());
        assertEquals(Rational.ONE, r.loss().orElseThrow());
        assertTrue(r.provenance().get(r.provenance().size() - 1).startsWith("sat4j"), r.provenance().toString());
    }

    @Test
    void aBaselineRunsAloneOnItsOwnRoute() {
        ErmResult r = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("enumerate"))).decide(NEAR);
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals("baseline enumerate", r.route());
        assertEquals(List.of("enumerate"), r.provenance());
        ErmResult opt = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("enumerate"))).optimize(TWO, l -> { });
        assertEquals(Outcome.OPTIMUM, opt.outcome());
        assertEquals(Rational.ONE, opt.loss().orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErmSolver(ErmOptions.defaults().withSolvers(List.of("sat4j", "enumerate"))));
        assertEquals("not supported: baseline 'enumerate' runs alone, not raced with other solvers", e.getMessage());
    }

    private static final Activation.Polynomial SQUARE = new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));

    @Test
    void theExhaustiveRouteReportsItsBoundAndItsOptimum() {
        // y = w2·(w1·x + b1)² + b2 on (1, 1), (2, 4): w1 = w2 = 1, b1 = b2 = 0 fits (hand), so the optimum is 0
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, SQUARE), new LayerSpec(1, new Activation.Identity())));
        ErmInstance square = new ErmInstance("square", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(Rational.ONE), List.of(Rational.TWO)), List.of(List.of(Rational.ONE), List.of(Rational.of(4)))),
                Optional.empty());
        List<Rational> heard = new ArrayList<>();
        ErmResult r = new ErmSolver(ErmOptions.defaults()).optimize(square, heard::add);
        assertEquals(Outcome.OPTIMUM, r.outcome());
        assertEquals(List.of(Rational.ZERO), heard);
        assertTrue(r.encodingSummary().contains("a-priori bound on any (pre-)activation at most "), r.encodingSummary());
        // 25 square layers, input 2: 2^(2^25) is past the a-priori bound's cap
        List<LayerSpec> layers = new ArrayList<>();
        List<FixedParameter> fixed = new ArrayList<>();
        for (int l = 1; l <= 25; l++) {
            layers.add(new LayerSpec(1, SQUARE));
            fixed.add(new FixedParameter(ParameterRef.weight(l, 0, 0), Rational.ONE));
            fixed.add(new FixedParameter(ParameterRef.bias(l, 0), Rational.ZERO));
        }
        layers.add(new LayerSpec(1, new Activation.Identity()));
        ErmInstance chain = new ErmInstance("chain", Optional.empty(), new Architecture(1, layers), ParameterDomains.uniform(new Domain.FixedPoint(2, 0)),
                fixed, new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(Rational.TWO)), List.of(List.of(Rational.ZERO))), Optional.empty());
        assertTrue(ExhaustiveRoute.bitGrowth(chain).endsWith("more than " + BitGrowthBound.CAP_BITS + " bits"), ExhaustiveRoute.bitGrowth(chain));
        assertEquals("bit growth: degree^depth = 2^25·1 = " + BigInteger.TWO.pow(25) + ", a-priori bound on any (pre-)activation more than "
                + BitGrowthBound.CAP_BITS + " bits", ExhaustiveRoute.bitGrowth(chain));
    }

    @Test
    void optionsKeepEveryOtherField() {
        ErmOptions o = ErmOptions.defaults().withSolvers(List.of("z3")).withTimeout(Duration.ofSeconds(7)).withSymmetryBreaking(false)
                .withCrossCheck(List.of("sat4j")).withEnumerationCap(BigInteger.TEN, 33).withRefinement(true).withLocalSearch(false)
                .withSquaredLoss(SquaredLossPath.TANGENT_CUTS).withSeed(-5);
        assertEquals(new ErmOptions(List.of("z3"), Optional.of(Duration.ofSeconds(7)), false, List.of("sat4j"), BigInteger.TEN, 33, true, false,
                SquaredLossPath.TANGENT_CUTS, -5), o);
        assertEquals(1, ErmOptions.defaults().seed());
        ErmResult none = new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Routes.NP, List.of(), "x", "", Duration.ZERO);
        assertEquals("", none.backend());
    }

    @Test
    void thePortfolioLeavesOutBackendsThatAreNotAvailableHere() {
        SolverProvider cpsat = new SolverProvider() {
            public String id() { return "cpsat"; }
            public String description() { return "a cpsat whose natives do not load"; }
            public java.util.Set<org.ermbit.core.spi.Capability> capabilities() { return StubBackend.PSEUDO_BOOLEAN; }
            public org.ermbit.core.spi.Availability probe() { return org.ermbit.core.spi.Availability.missing("no natives"); }
            public org.ermbit.core.spi.Solver create() { throw new AssertionError("unavailable"); }
        };
        ErmResult r = solver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("portfolio")), cpsat).decide(NEAR);
        assertEquals(Outcome.SAT, r.outcome());
        assertTrue(r.backend().startsWith("sat4j"), r.backend());
    }

    @Test
    void anExpiredTimeoutIsUnknownWhileEncoding() {
        // EMBEDDING.md: the timeout covers the encoding ("timeout while encoding"); a zero timeout has expired before it starts
        ErmSolver solver = solver(ErmOptions.defaults().withTimeout(Duration.ZERO));
        ErmResult d = solver.decide(NEAR);
        assertEquals(Outcome.UNKNOWN, d.outcome());
        assertTrue(d.reason().endsWith("while encoding"), d.reason());
        // optimize still has its start point, which needs no encoding: an unproved SAT
        ErmResult o = solver.optimize(NEAR, l -> { });
        assertEquals(Outcome.SAT, o.outcome());
        assertEquals(List.of(StartPoint.SOURCE), o.provenance());
        assertTrue(o.reason().endsWith("while encoding"), o.reason());
    }

    @Test
    void theExhaustiveRouteOverItsCapIsUnknownWhenOptimising() {
        // the square network below has 4^4 = 256 parameter vectors
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, SQUARE), new LayerSpec(1, new Activation.Identity())));
        ErmInstance square = new ErmInstance("square", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ONE))), Optional.empty());
        ErmResult r = new ErmSolver(ErmOptions.defaults().withEnumerationCap(BigInteger.valueOf(255), 1 << 16)).optimize(square, l -> { });
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.reason().contains("more than the enumeration cap 255"), r.reason());
        assertEquals(List.of(), r.provenance());
    }
}
