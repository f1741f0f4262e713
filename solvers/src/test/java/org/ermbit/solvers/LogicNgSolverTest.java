package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.logicng.LogicNgProvider;
import org.junit.jupiter.api.Test;

/**
 * The {@code logicng} backend (LogicNG's MiniSat on the adder CNF) against brute force on random
 * pseudo-Boolean models; every UNSAT with its DRUP proof checked (pigeonhole formulas, unsatisfiable
 * by the pigeonhole principle, and the random models brute force shows unsatisfiable); coefficients
 * beyond 64 bits; refusal of integer variables; deadline and cancellation.
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
            CertifiedRefutations.randomModels(provider, s, 200, 10);
        }
    }

    @Test
    void pigeonholeRefutationsComeWithCheckedProofs() {
        try (Solver s = provider.create()) {
            CertifiedRefutations.pigeonholesUpTo(s, 8);
        }
    }

    @Test
    void coefficientsBeyond64Bits() {
        // 2^80·x − 2^80·y ≥ 2^80 forces x = 1, y = 0 (hand-checked); (2^80+1)·z ≤ 2^80 with z forced is unsatisfiable
        BigInteger big = BigInteger.TWO.pow(80);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x"), y = b.newBool("y");
        b.addLinear(LinearExpr.builder().add(big, x).add(big.negate(), y).build(), Relation.GE, big);
        ModelBuilder u = new ModelBuilder();
        Var z = u.newBool("z");
        u.addClause(z.lit());
        u.addLinear(LinearExpr.builder().add(big.add(BigInteger.ONE), z).build(), Relation.LE, big);
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.SAT, r.status(), r.toString());
            assertEquals(BigInteger.ONE, r.model().get().value(x));
            assertEquals(BigInteger.ZERO, r.model().get().value(y));
            SolveResult no = s.solve(u.build(), Limits.none());
            assertEquals(Status.UNSAT, no.status(), no.toString());
            assertTrue(no.certificate().isPresent());
        }
    }

    @Test
    void integerVariablesAreRefused() {
        ModelBuilder b = new ModelBuilder();
        b.newInt("k", BigInteger.ZERO, BigInteger.TEN);
        assertTrue(provider.refusal(b.build()).startsWith("not supported: "));
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.ERROR, r.status());
            assertTrue(r.reason().startsWith("not supported: "), r.reason());
        }
    }

    @Test
    void deadlineAndCancelStopTheSearch() throws Exception {
        try (Solver s = provider.create()) {
            SolveResult late = HardModels.solveWithTimeout(s, HardModels.pigeonholeClauses(13), Duration.ofSeconds(1));
            assertEquals(Status.UNKNOWN, late.status(), late.toString());
            assertEquals("timeout", late.reason());
            SolveResult cancelled = HardModels.solveAndCancel(s, HardModels.pigeonholeClauses(13), Duration.ofMillis(300));
            assertEquals(Status.UNKNOWN, cancelled.status(), cancelled.toString());
            assertEquals("cancelled", cancelled.reason());
        }
    }
}
