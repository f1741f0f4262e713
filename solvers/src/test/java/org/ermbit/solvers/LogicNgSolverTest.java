package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.logicng.LogicNgProvider;
import org.junit.jupiter.api.Test;

/**
 * What is particular to the {@code logicng} backend (LogicNG's MiniSat on the adder CNF): available
 * everywhere, and every UNSAT with its DRUP proof checked (pigeonhole formulas, unsatisfiable by the
 * pigeonhole principle, and the random models brute force shows unsatisfiable). What it shares with
 * the other CNF backends (brute force, wide coefficients, refusals, limits) is in {@link CnfSatSolversTest}.
 */
class LogicNgSolverTest {
    private final SolverProvider provider = new LogicNgProvider();

    @Test
    void availableEverywhereWithLogicNgsVersion() {
        assertTrue(provider.probe().available());
        assertEquals("2.6.0", provider.probe().version());
    }

    @Test
    void agreesWithBruteForceAndCertifiesEveryUnsat() {
        try (Solver s = provider.create()) {
            CertifiedRefutations.randomModels(provider, s, 200, 10, CertifiedRefutations.Kind.DRAT, true);
        }
    }

    @Test
    void pigeonholeRefutationsComeWithCheckedProofs() {
        try (Solver s = provider.create()) {
            CertifiedRefutations.pigeonholesUpTo(s, 8, CertifiedRefutations.Kind.DRAT);
        }
    }
}
