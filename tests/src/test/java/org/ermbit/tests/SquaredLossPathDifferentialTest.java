package org.ermbit.tests;

import java.util.stream.Stream;
import org.ermbit.solvers.pipeline.SquaredLossPath;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The squared-loss path that {@link SquaredLossPath#AUTO} does <em>not</em> pick for a backend, on
 * every available backend, against brute-force enumeration (the default path is covered by
 * {@link DifferentialTest}): tangent cuts for NIA and pseudo-Boolean backends, products (bit
 * products) for linear-integer ones. On the random squared-loss instances of
 * {@link SquaredLossPathsTest}: SAT at the optimum with a verified witness, UNSAT just below it, and
 * the optimum from {@code optimize} (which, with cuts, refines until the relaxation's optimum is
 * attained by its completed model).
 */
class SquaredLossPathDifferentialTest {

    /**
     * Instances per backend. Princess is left out: on its products path (bit products, its default
     * before tangent cuts) one of these instances ran for more than three minutes.
     */
    private static int count(String id) {
        return switch (id) {
            case "princess" -> 0;
            case "sat4j" -> 60;
            case "z3", "cpsat" -> 30;
            default -> id.startsWith("ext-") ? 3 : 12;
        };
    }

    static Stream<Arguments> cases() {
        return DifferentialTest.cases(SquaredLossPathDifferentialTest::count);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void otherPathAgreesWithBruteForce(String backend, long seed) {
        boolean cutsByDefault = SquaredLossPath.AUTO.tangentCutsFor(SolverRegistry.load().byId(backend).capabilities(), false);
        SquaredLossPath other = cutsByDefault ? SquaredLossPath.PRODUCTS : SquaredLossPath.TANGENT_CUTS;
        DifferentialTest.agreeWithBruteForce(backend, seed, SquaredLossPathsTest.squared(seed), o -> o.withSquaredLoss(other));
    }
}
