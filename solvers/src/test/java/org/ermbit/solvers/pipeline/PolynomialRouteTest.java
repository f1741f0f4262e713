package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ermbit.core.eval.Verifier;
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
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;

/**
 * Polynomial activations (DESIGN §8) take the exhaustive route: decided exactly by enumeration,
 * never handed to a backend (a tripwire backend counts any attempt), with the bit growth reported
 * and UNKNOWN (with the reason) past the bit budget.
 */
class PolynomialRouteTest {

    private static final Activation.Polynomial SQUARE =
            new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));

    /** A backend that records every attempt to create a solver (and refuses all models). */
    private static final class Tripwire implements SolverProvider {
        final AtomicInteger created = new AtomicInteger();
        public String id() { return "tripwire"; }
        public String description() { return "test backend that must never be used"; }
        public Set<Capability> capabilities() { return Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS, Capability.NIA); }
        public Availability probe() { return Availability.ok("test"); }
        public Solver create() {
            created.incrementAndGet();
            throw new AssertionError("a polynomial instance reached a backend");
        }
    }

    private final Tripwire tripwire = new Tripwire();
    private final ErmSolver solver = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("tripwire")),
            SolverRegistry.of(List.of(tripwire)));

    /** y = w2·(w1·x + b1)² + b2, all four parameters in {−2, −1, 0, 1}, points x = 1, 2. */
    private static ErmInstance squareNet(Rational y1, Rational y2) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, SQUARE), new LayerSpec(1, new Activation.Identity())));
        Dataset data = new Dataset(List.of(List.of(Rational.ONE), List.of(Rational.TWO)), List.of(List.of(y1), List.of(y2)));
        return new ErmInstance("square", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, data, Optional.empty());
    }

    /** {@code depth} square layers with weight 1 and bias 0 (fixed), input 2: the output is 2^(2^depth). */
    private static ErmInstance squaringChain(int depth) {
        List<LayerSpec> layers = new ArrayList<>();
        List<FixedParameter> fixed = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            layers.add(new LayerSpec(1, SQUARE));
            fixed.add(new FixedParameter(ParameterRef.weight(l, 0, 0), Rational.ONE));
            fixed.add(new FixedParameter(ParameterRef.bias(l, 0), Rational.ZERO));
        }
        layers.add(new LayerSpec(1, new Activation.Identity()));
        Dataset data = new Dataset(List.of(List.of(Rational.TWO)), List.of(List.of(Rational.ZERO)));
        return new ErmInstance("chain", Optional.empty(), new Architecture(1, layers), ParameterDomains.uniform(new Domain.FixedPoint(2, 0)),
                fixed, new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, data, Optional.empty());
    }

    @Test
    void satisfiableInstanceIsSolvedExactlyWithoutABackend() {
        // hand: w1 = 1, b1 = 0, w2 = 1, b2 = 0 gives outputs 1 and 4 exactly
        ErmInstance inst = squareNet(Rational.ONE, Rational.of(4));
        assertEquals(Routes.EXHAUSTIVE, ErmSolver.route(inst));
        ErmResult r = solver.decide(inst);
        assertEquals(ErmResult.Outcome.SAT, r.outcome());
        assertEquals(Routes.EXHAUSTIVE, r.route());
        assertTrue(Verifier.verify(inst, r.witness().orElseThrow()).accepted());
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
        assertTrue(r.encodingSummary().contains("bit growth: degree^depth = 2·1 = 2"), r.encodingSummary());
        assertEquals(0, tripwire.created.get());
    }

    @Test
    void unsatisfiableInstanceIsProvedByEnumeration() {
        // hand: |output at x = 1| ≤ |w2|·(|w1| + |b1|)² + |b2| ≤ 2·16 + 2 = 34 < 100, so the loss is never 0
        ErmResult r = solver.decide(squareNet(Rational.of(-100), Rational.of(4)));
        assertEquals(ErmResult.Outcome.UNSAT, r.outcome());
        assertEquals(Routes.EXHAUSTIVE, r.route());
        assertTrue(r.encodingSummary().startsWith("256 parameter vectors, 256 evaluated"), r.encodingSummary());
        assertEquals(0, tripwire.created.get());
    }

    @Test
    void overTheBitBudgetIsUnknownWithTheReason() {
        // 2^(2^20) has 2^20 + 1 bits, over the default budget of 2^16
        ErmResult r = solver.decide(squaringChain(20));
        assertEquals(ErmResult.Outcome.UNKNOWN, r.outcome());
        assertTrue(r.reason().contains("over the budget of " + ErmOptions.DEFAULT_BIT_BUDGET), r.reason());
        assertTrue(r.encodingSummary().contains("degree^depth = 2^20·1 = " + BigInteger.TWO.pow(20)), r.encodingSummary());
        assertEquals(0, tripwire.created.get());
    }

    @Test
    void enumerationCapAndBitBudgetAreTheCallersToSet() {
        // squareNet has 4^4 = 256 parameter vectors; 2^(2^5) has 33 bits
        ErmSolver capped = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("tripwire")).withEnumerationCap(BigInteger.valueOf(255), 1 << 16),
                SolverRegistry.of(List.of(tripwire)));
        ErmResult overCap = capped.decide(squareNet(Rational.ONE, Rational.of(4)));
        assertEquals(ErmResult.Outcome.UNKNOWN, overCap.outcome());
        assertTrue(overCap.reason().contains("255"), overCap.reason());
        ErmSolver atCap = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("tripwire")).withEnumerationCap(BigInteger.valueOf(256), 1 << 16),
                SolverRegistry.of(List.of(tripwire)));
        assertEquals(ErmResult.Outcome.SAT, atCap.decide(squareNet(Rational.ONE, Rational.of(4))).outcome());
        ErmSolver tightBits = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("tripwire")).withEnumerationCap(BigInteger.valueOf(256), 32),
                SolverRegistry.of(List.of(tripwire)));
        ErmResult overBits = tightBits.decide(squaringChain(5));
        assertEquals(ErmResult.Outcome.UNKNOWN, overBits.outcome());
        assertTrue(overBits.reason().contains("over the budget of 32"), overBits.reason());
        assertEquals(0, tripwire.created.get());
    }

    @Test
    void pastTheEvaluatorsCapIsUnknownNotAnError() {
        // layer 24 would need 2^24 + 1 bits, past ForwardPass.MAX_VALUE_BITS
        ErmResult r = solver.decide(squaringChain(25));
        assertEquals(ErmResult.Outcome.UNKNOWN, r.outcome());
        assertTrue(r.reason().contains("cap"), r.reason());
        assertEquals(0, tripwire.created.get());
    }
}
