package org.ermbit.solvers.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Status;
import org.junit.jupiter.api.Test;

/**
 * A backend's model is checked against the IR before it becomes SAT or OPTIMAL, and the objective is
 * recomputed from the model (hand-computed values below), whatever the backend claimed.
 */
class ResultFactoryTest {
    /** x, y ∈ [0, 3], x + y ≥ 4; minimise 2x − y + 5. */
    private static Model model() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.valueOf(3));
        Var y = b.newInt("y", BigInteger.ZERO, BigInteger.valueOf(3));
        b.addLinear(LinearExpr.builder().add(1, x).add(1, y).build(), Relation.GE, BigInteger.valueOf(4));
        b.minimize(LinearExpr.builder().add(2, x).add(-1, y).addConstant(BigInteger.valueOf(5)).build());
        return b.build();
    }

    private static Assignment values(long x, long y) {
        return new Assignment(new BigInteger[] {BigInteger.valueOf(x), BigInteger.valueOf(y)});
    }

    @Test
    void aModelThatSatisfiesTheIrIsSatWithItsObjectiveRecomputed() {
        ResultFactory f = new ResultFactory("b", "1.0");
        // x = 1, y = 3: 1 + 3 ≥ 4; objective 2 − 3 + 5 = 4
        SolveResult r = f.sat(model(), values(1, 3), Optional.of(BigInteger.TWO), Map.of("k", "v"));
        assertEquals(Status.SAT, r.status());
        assertEquals(Optional.of(BigInteger.valueOf(4)), r.objective());
        assertEquals(Optional.of(BigInteger.TWO), r.bound());
        assertEquals("b", r.backend());
        assertEquals("1.0", r.backendVersion());
        assertEquals(Map.of("k", "v"), r.stats());

        SolveResult o = f.optimal(model(), values(1, 3), Map.of());
        assertEquals(Status.OPTIMAL, o.status());
        assertEquals(Optional.of(BigInteger.valueOf(4)), o.objective());
    }

    @Test
    void satWithoutAnObjectiveHasNone() {
        ModelBuilder b = new ModelBuilder();
        b.newBool("p");
        SolveResult r = new ResultFactory("b", "1").sat(b.build(), new Assignment(new BigInteger[] {BigInteger.ONE}), Optional.empty(), Map.of());
        assertEquals(Status.SAT, r.status());
        assertEquals(Optional.empty(), r.objective());
    }

    @Test
    void aViolatingModelIsAnErrorNeverSatOrOptimal() {
        ResultFactory f = new ResultFactory("b", "1");
        // x = 1, y = 2 violates x + y ≥ 4; x = 4 violates the bound x ≤ 3
        for (Assignment bad : new Assignment[] {values(1, 2), values(4, 0)}) {
            SolveResult s = f.sat(model(), bad, Optional.empty(), Map.of());
            assertEquals(Status.ERROR, s.status());
            assertTrue(s.reason().contains("violates the model"), s.reason());
            assertTrue(s.model().isEmpty());
            SolveResult o = f.optimal(model(), bad, Map.of());
            assertEquals(Status.ERROR, o.status());
            assertTrue(o.reason().contains("violates the model"), o.reason());
        }
    }

    @Test
    void otherOutcomesCarryTheirReason() {
        ResultFactory f = new ResultFactory("b", "1");
        assertEquals(Status.UNSAT, f.unsat(Map.of()).status());
        assertEquals("timeout", f.unknown("timeout").reason());
        assertEquals(Status.UNKNOWN, f.unknown("timeout").status());
        assertEquals("boom", f.error("boom").reason());
        assertEquals(Status.ERROR, f.error("boom").status());
        assertEquals("1", f.version());
        long before = System.nanoTime();
        ResultFactory timed = new ResultFactory("b", "1");
        java.time.Duration elapsed = timed.elapsed();
        long after = System.nanoTime();
        assertTrue(!elapsed.isNegative() && elapsed.toNanos() <= after - before, elapsed.toString());
    }
}
