package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.XorInstances;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/EMBEDDING.md: "expected outcomes (timeouts, refusals, unsupported domains) are values, not
 * exceptions" — for instances the encoder or the enumeration refuses, for any enumeration cap, for
 * absurd timeouts and for an interrupted calling thread.
 */
class ExpectedOutcomesTest {

    private static final Domain SMALL = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));

    /** 1-1-1 network, points x = 0, x, 2 with targets 0, 1, 4. */
    private static ErmInstance net(Activation hidden, ParameterDomains domains, Rational x) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, hidden), new LayerSpec(1, new Activation.Identity())));
        Dataset data = new Dataset(List.of(List.of(Rational.ZERO), List.of(x), List.of(Rational.TWO)),
                List.of(List.of(Rational.ZERO), List.of(Rational.ONE), List.of(Rational.of(4))));
        return new ErmInstance("outcomes", Optional.empty(), a, domains, List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                data, Optional.empty());
    }

    private static void assertUnknown(ErmResult r, String reason) {
        assertEquals(ErmResult.Outcome.UNKNOWN, r.outcome(), r.reason());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    @Test
    void instancesTheEncoderRefusesAreUnknownWithTheReason() {
        ErmSolver solver = new ErmSolver(ErmOptions.defaults());
        ErmInstance rational8 = net(new Activation.Relu(), ParameterDomains.uniform(new Domain.RationalBits(8)), Rational.ONE);
        assertUnknown(solver.decide(rational8), "not supported: rational domain with 8 bits");
        assertUnknown(solver.optimize(rational8, l -> { }), "not supported: rational domain with 8 bits");
        ErmInstance tiny = net(new Activation.Relu(), ParameterDomains.uniform(SMALL), Rational.of(BigInteger.ONE, BigInteger.TEN.pow(5000)));
        assertUnknown(solver.decide(tiny), "not supported");
        assertUnknown(solver.optimize(tiny, l -> { }), "not supported");
        assertUnknown(new ErmSolver(ErmOptions.defaults().withRefinement(true)).decide(tiny), "not supported");
    }

    @Test
    void domainsTooLargeToCountAreUnknownOnTheExhaustiveRoute() {
        ErmSolver solver = new ErmSolver(ErmOptions.defaults());
        ErmInstance square30 = net(new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE)),
                ParameterDomains.uniform(new Domain.RationalBits(30)), Rational.ONE);
        assertUnknown(solver.decide(square30), "more than 24 bits");
        assertUnknown(solver.optimize(square30, l -> { }), "more than 24 bits");
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 32, 64, 200})
    void anyEnumerationCapWorks(int capBits) {
        // y = w2·(w1·x + b1)² + b2 on x = 0, 1, 2 → 0, 1, 4: w1 = 1, b1 = 0, w2 = 1, b2 = 0 fits (by hand); 625 vectors
        ErmInstance square = net(new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE)), ParameterDomains.uniform(SMALL),
                Rational.ONE);
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withEnumerationCap(BigInteger.ONE.shiftLeft(capBits), 1 << 16));
        assertEquals(ErmResult.Outcome.SAT, solver.decide(square).outcome());
        ErmResult opt = solver.optimize(square, l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, opt.outcome(), opt.reason());
        assertEquals(Rational.ZERO, opt.loss().orElseThrow());
    }

    @Test
    void absurdTimeoutsMeanNoDeadline() {
        assertEquals(Optional.empty(), Limits.timeout(Duration.ofSeconds(Long.MAX_VALUE)).deadline());
        assertEquals(Optional.empty(), Limits.timeout(Duration.ofSeconds(10_000_000_000_000_000L)).deadline());
        ErmInstance xor = XorInstances.xor(2, SMALL);
        SolverRegistry registry = SolverRegistry.load();
        for (List<String> solvers : List.of(List.of("sat4j"), List.of("z3"), List.of("cpsat"), List.of("sat4j", "z3"))) {
            if (!solvers.stream().allMatch(id -> registry.byId(id).probe().available())) continue; // natives missing here: nothing to check
            ErmSolver solver = new ErmSolver(ErmOptions.defaults().withSolvers(solvers).withTimeout(Duration.ofSeconds(10_000_000_000_000_000L)));
            assertEquals(ErmResult.Outcome.SAT, solver.decide(xor).outcome(), solvers.toString());
        }
    }

    private static SolveResult cancelled(String id) {
        return SolveResult.unknown("cancelled", id, "", Duration.ZERO);
    }

    /** The calling thread is interrupted once every backend runs: the call returns UNKNOWN "cancelled" with the flag set again. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void interruptingTheCallerCancelsTheCall(int backends) {
        CountDownLatch started = new CountDownLatch(backends);
        List<SolverProvider> blockers = List.<SolverProvider>of(StubBackend.stalling("b1", started, m -> cancelled("b1")),
                StubBackend.stalling("b2", started, m -> cancelled("b2"))).subList(0, backends);
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withSolvers(blockers.stream().map(SolverProvider::id).toList()).withLocalSearch(false),
                SolverRegistry.of(blockers));
        AtomicReference<ErmResult> result = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            result.set(solver.decide(XorInstances.xor(2, SMALL)));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> { // a hang guard, not a performance limit
            caller.start();
            started.await();
            caller.interrupt();
            caller.join();
        });
        assertUnknown(result.get(), "cancelled");
        assertTrue(flagAfter.get(), "the interrupt flag is set again");
    }
}
