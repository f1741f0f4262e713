package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.enumerate.ExhaustiveSearch;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The squared loss through each path of {@link SquaredLossPath} (products, lazy tangent cuts) gives
 * the optimum that brute force ({@link ExhaustiveSearch}) finds, on a 1-1-1 ReLU network with 625
 * parameter vectors; which path a backend gets follows the enum's documentation.
 */
class SquaredLossPathsTest {

    /** 1-1-1 ReLU network, w, b in {−2..2}, points (0, 0), (1, 1), (2, 4), squared loss summed. */
    private static ErmInstance relu(Rational threshold) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));
        Dataset data = new Dataset(List.of(List.of(Rational.ZERO), List.of(Rational.ONE), List.of(Rational.TWO)),
                List.of(List.of(Rational.ZERO), List.of(Rational.ONE), List.of(Rational.of(4))));
        return new ErmInstance("squares", Optional.empty(), a, ParameterDomains.uniform(d), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM),
                threshold, data, Optional.empty());
    }

    private static Rational bruteForceMinimum() {
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BigInteger.valueOf(1_000), ExhaustiveSearch.DEFAULT_BIT_BUDGET).minimize(relu(Rational.ZERO),
                Limits.none());
        assertEquals(ExhaustiveSearch.End.EXHAUSTED, o.end());
        return o.bestLoss().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(SquaredLossPath.class)
    void everyPathFindsTheBruteForceOptimumWithSat4j(SquaredLossPath path) {
        Rational min = bruteForceMinimum();
        assertTrue(min.signum() > 0, "a ReLU line cannot fit 0, 1, 4 exactly");
        ErmSolver solver = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSquaredLoss(path));
        ErmResult r = solver.optimize(relu(Rational.ZERO), l -> { });
        assertEquals(Outcome.OPTIMUM, r.outcome(), r.reason());
        assertEquals(min, r.loss().orElseThrow());
        assertEquals(min, Verifier.verify(relu(Rational.ZERO), r.witness().orElseThrow()).loss());
        assertEquals(Outcome.SAT, solver.decide(relu(min)).outcome());
        assertEquals(Outcome.UNSAT, solver.decide(relu(min.subtract(Rational.ONE))).outcome());
    }

    @Test
    void tangentCutsWithANativeOptimiserFindTheBruteForceOptimum() {
        Rational min = bruteForceMinimum();
        SolverRegistry registry = SolverRegistry.load();
        int tried = 0;
        for (String id : List.of("cpsat", "z3")) {
            if (!registry.ids().contains(id) || !registry.byId(id).probe().available()) continue; // natives missing here
            tried++;
            ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of(id))
                    .withSquaredLoss(SquaredLossPath.TANGENT_CUTS), registry).optimize(relu(Rational.ZERO), l -> { });
            assertEquals(Outcome.OPTIMUM, r.outcome(), id + ": " + r.reason());
            assertEquals(min, r.loss().orElseThrow(), id);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(tried > 0, "no native optimiser here");
    }

    @Test
    void whichBackendsGetTangentCuts() {
        Set<Capability> lia = Set.of(Capability.LIA);
        Set<Capability> nia = Set.of(Capability.LIA, Capability.NIA);
        Set<Capability> pb = Set.of(Capability.PSEUDO_BOOLEAN);
        assertTrue(SquaredLossPath.AUTO.tangentCutsFor(lia, false));
        assertTrue(!SquaredLossPath.AUTO.tangentCutsFor(nia, false));
        assertTrue(SquaredLossPath.AUTO.tangentCutsFor(nia, true));
        assertTrue(!SquaredLossPath.AUTO.tangentCutsFor(pb, true));
        assertTrue(SquaredLossPath.TANGENT_CUTS.tangentCutsFor(pb, false));
        assertTrue(!SquaredLossPath.PRODUCTS.tangentCutsFor(lia, true));
    }
}
