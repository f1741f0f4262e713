package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.cpsat.CpSatProvider;
import org.junit.jupiter.api.Test;

/**
 * The LIA/NIA backend contract for {@code cpsat} (brute force on random models with products and
 * objectives, enforcement literals, deadline, cancel), plus its 64-bit refusals: CP-SAT computes in
 * 64-bit integers, so the contract's 2^80 model must be refused, and the limit 2^62 − 1 is checked
 * on both sides for bounds, sums of terms, products and the objective.
 */
class CpSatSolverTest extends LiaBackendContract {
    private static final BigInteger LIMIT = BigInteger.TWO.pow(62).subtract(BigInteger.ONE);

    @Override
    SolverProvider provider() {
        return new CpSatProvider();
    }

    @Override
    int randomModels() {
        return 200;
    }

    /** CP-SAT proves pigeonhole UNSAT at once (clique detection); random 3-SAT with 400 variables it does not. */
    @Override
    Model hardModel() {
        return HardModels.randomThreeSat(400, 2000, 1);
    }

    @Test
    void declaresItsSixtyFourBitLimit() {
        SolverProvider p = provider();
        assertTrue(p.capabilities().contains(Capability.INT64_ONLY));
        assertTrue(!p.capabilities().contains(Capability.BIGINT_COEFFS));
        assertTrue(p.description().contains("64-bit"), p.description());
    }

    /** Replaces the contract's test: 2^80 and 2^100 do not fit, so the model is refused, not solved. */
    @Override
    @Test
    void coefficientsAndBoundsBeyond64Bits() {
        BigInteger big = BigInteger.TWO.pow(80);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.ONE);
        b.addLinear(LinearExpr.builder().add(big, x).build(), Relation.GE, big);
        assertRefused(b.build(), "linear constraint");

        ModelBuilder c = new ModelBuilder();
        c.newInt("y", BigInteger.ZERO, BigInteger.TWO.pow(100));
        assertRefused(c.build(), "variable y");
    }

    @Test
    void magnitudesAtTheLimitAreAcceptedAndOneMoreIsRefused() {
        // x ∈ [-(2^61-1), 0]; y ∈ [0, 2^60] with 2y ≥ 2^61 - 1 (reach 2·2^60 + 2^61 - 1 = 2^62 - 1)
        // forces y = 2^60; minimise x → -(2^61 - 1); domains sum to 2^61 - 1 + 2^60 (hand-checked)
        BigInteger p60 = BigInteger.TWO.pow(60);
        BigInteger p61 = BigInteger.TWO.pow(61);
        BigInteger xMin = p61.subtract(BigInteger.ONE).negate();
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", xMin, BigInteger.ZERO);
        Var y = b.newInt("y", BigInteger.ZERO, p60);
        b.addLinear(LinearExpr.builder().add(2, y).build(), Relation.GE, p61.subtract(BigInteger.ONE));
        b.minimize(LinearExpr.of(x));
        Model ok = b.build();
        assertNull(provider().refusal(ok));
        try (Solver s = provider().create()) {
            SolveResult r = s.solve(ok, Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.toString());
            assertEquals(xMin, r.objective().orElseThrow());
            assertEquals(p60, r.model().get().value(y));
        }
        ModelBuilder at = new ModelBuilder();
        at.newInt("x", LIMIT.negate(), BigInteger.ZERO); // one domain of exactly 2^62 - 1
        assertNull(provider().refusal(at.build()));
        try (Solver s = provider().create()) {
            assertEquals(Status.SAT, s.solve(at.build(), Limits.none()).status());
        }
        ModelBuilder over = new ModelBuilder();
        over.newInt("x", BigInteger.ZERO, LIMIT.add(BigInteger.ONE));
        assertRefused(over.build(), "variable x");
        ModelBuilder wide = new ModelBuilder();
        wide.newInt("x", p61.negate(), p61.subtract(BigInteger.ONE)); // |bounds| fit, width 2^62 - 1 fits
        wide.newInt("w", BigInteger.ZERO, BigInteger.ONE); // ... one more makes the sum of domains 2^62
        assertRefused(wide.build(), "sum of all 2 variable domains");
        ModelBuilder rhs = new ModelBuilder();
        Var z = rhs.newInt("z", BigInteger.ZERO, p60);
        rhs.addLinear(LinearExpr.builder().add(2, z).build(), Relation.GE, p61); // reach 2^62
        assertRefused(rhs.build(), "linear constraint");
    }

    @Test
    void sumsOfSmallTermsThatCouldOverflowAreRefused() {
        // each term 2^31·x with x ≤ 2^30 reaches 2^61 and fits; three of them (3·2^61) do not
        BigInteger k = BigInteger.TWO.pow(31);
        BigInteger hi = BigInteger.TWO.pow(30);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, hi);
        Var y = b.newInt("y", BigInteger.ZERO, hi);
        Var z = b.newInt("z", BigInteger.ZERO, hi);
        b.addLinear(LinearExpr.builder().add(k, x).add(k, y).add(k, z).build(), Relation.LE, BigInteger.TEN);
        assertRefused(b.build(), "linear constraint");

        // two such terms reach 2^62 exactly — one more than the limit, even with opposite signs
        ModelBuilder two = new ModelBuilder();
        Var u = two.newInt("u", BigInteger.ZERO, hi);
        Var v = two.newInt("v", BigInteger.ZERO, hi);
        two.addLinear(LinearExpr.builder().add(k, u).add(k.negate(), v).build(), Relation.EQ, BigInteger.ZERO);
        assertRefused(two.build(), "linear constraint");

        // one term of 2^61 with right-hand side 2^61 - 1 is exactly at the limit and solved: 2^31·u = 2^61 - 2^31 → u = 2^30 - 1
        ModelBuilder one = new ModelBuilder();
        Var w = one.newInt("w", BigInteger.ZERO, hi);
        one.addLinear(LinearExpr.builder().add(k, w).build(), Relation.EQ, BigInteger.TWO.pow(61).subtract(k));
        assertNull(provider().refusal(one.build()));
        try (Solver s = provider().create()) {
            SolveResult r = s.solve(one.build(), Limits.none());
            assertEquals(Status.SAT, r.status(), r.toString());
            assertEquals(hi.subtract(BigInteger.ONE), r.model().get().value(w));
        }
    }

    @Test
    void productsAndObjectivesThatCouldOverflowAreRefused() {
        BigInteger m = BigInteger.TWO.pow(31);
        ModelBuilder p = new ModelBuilder();
        Var a = p.newInt("a", m.negate(), m);
        Var c = p.newInt("c", m.negate(), m);
        Var r = p.newInt("r", BigInteger.ZERO, BigInteger.TEN);
        p.addProduct(r, a, c); // |a·c| ≤ 2^62 > limit
        assertRefused(p.build(), "product r = a*c");

        ModelBuilder o = new ModelBuilder();
        Var x = o.newInt("x", BigInteger.ZERO, BigInteger.TWO.pow(40));
        o.minimize(LinearExpr.builder().add(BigInteger.TWO.pow(30), x).build()); // 2^70
        assertRefused(o.build(), "objective");
    }

    @Test
    void productsAndObjectivesExactlyAtTheLimitAreAccepted() {
        // 2^62 − 1 = (2^31 − 1)·(2^31 + 1): a product of those factor bounds is at the limit, one more is over
        BigInteger lo = BigInteger.TWO.pow(31).subtract(BigInteger.ONE);
        BigInteger hi = BigInteger.TWO.pow(31).add(BigInteger.ONE);
        assertEquals(LIMIT, lo.multiply(hi));
        ModelBuilder p = new ModelBuilder();
        Var a = p.newInt("a", BigInteger.ZERO, lo);
        Var c = p.newInt("c", BigInteger.ZERO, hi);
        Var r = p.newInt("r", BigInteger.ZERO, BigInteger.TEN);
        p.addProduct(r, a, c);
        p.addLinear(LinearExpr.of(r), Relation.GE, BigInteger.valueOf(9));
        p.addLinear(LinearExpr.builder().add(1, a).add(1, c).build(), Relation.LE, BigInteger.valueOf(6));
        assertNull(provider().refusal(p.build()));
        try (Solver s = provider().create()) {
            SolveResult res = s.solve(p.build(), Limits.none());
            assertEquals(Status.SAT, res.status(), res.toString()); // a = c = 3 (hand-checked: r ≥ 9, a + c ≤ 6)
            assertEquals(BigInteger.valueOf(9), res.model().get().value(r));
        }
        ModelBuilder over = new ModelBuilder();
        over.addProduct(over.newInt("r", BigInteger.ZERO, BigInteger.TEN), over.newInt("a", BigInteger.ZERO, lo),
                over.newInt("c", BigInteger.ZERO, hi.add(BigInteger.ONE)));
        assertRefused(over.build(), "product r = a*c");

        // objective (2^31 + 1)·x with x ≤ 2^31 − 1 reaches the limit exactly; a constant 1 more is over
        ModelBuilder o = new ModelBuilder();
        Var x = o.newInt("x", BigInteger.ZERO, lo);
        o.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.TWO);
        o.minimize(LinearExpr.builder().add(hi, x).build());
        assertNull(provider().refusal(o.build()));
        try (Solver s = provider().create()) {
            SolveResult res = s.solve(o.build(), Limits.none());
            assertEquals(Status.OPTIMAL, res.status(), res.toString());
            assertEquals(hi.multiply(BigInteger.TWO), res.objective().orElseThrow());
        }
        ModelBuilder o2 = new ModelBuilder();
        Var x2 = o2.newInt("x", BigInteger.ZERO, lo);
        o2.minimize(LinearExpr.builder().add(hi, x2).addConstant(BigInteger.ONE).build());
        assertRefused(o2.build(), "objective");
    }

    @Test
    void aLongConstraintIsAbbreviatedInTheRefusal() {
        ModelBuilder b = new ModelBuilder();
        LinearExpr.Builder e = LinearExpr.builder();
        for (int i = 0; i < 40; i++) e.add(BigInteger.TWO.pow(61), b.newInt("long_variable_name_" + i, BigInteger.ZERO, BigInteger.ONE));
        b.addLinear(e.build(), Relation.LE, BigInteger.ONE);
        String why = provider().refusal(b.build());
        String shown = why.substring("not supported: the linear constraint ".length(), why.indexOf(" reaches magnitude "));
        assertEquals(120, shown.length(), shown);
        assertTrue(shown.endsWith("..."), shown);
    }

    @Test
    void nativeProductsWithNegativeFactors() {
        // r = a·c, a ∈ [-3, 2], c ∈ [-2, 4], minimise r → -12 at a = -3, c = 4 (hand-checked)
        ModelBuilder b = new ModelBuilder();
        Var a = b.newInt("a", BigInteger.valueOf(-3), BigInteger.TWO);
        Var c = b.newInt("c", BigInteger.valueOf(-2), BigInteger.valueOf(4));
        Var r = b.newInt("r", BigInteger.valueOf(-100), BigInteger.valueOf(100));
        b.addProduct(r, a, c);
        b.minimize(LinearExpr.of(r));
        try (Solver s = provider().create()) {
            SolveResult res = s.solve(b.build(), Limits.none());
            assertEquals(Status.OPTIMAL, res.status(), res.toString());
            assertEquals(BigInteger.valueOf(-12), res.objective().orElseThrow());
            assertEquals(BigInteger.valueOf(-3), res.model().get().value(a));
            assertEquals(BigInteger.valueOf(4), res.model().get().value(c));
        }
    }

    @Test
    void emptyClauseAndFixedBooleans() {
        // a fixed Boolean at 1 with a clause ¬a: UNSAT; an empty clause alone: UNSAT (hand-checked)
        ModelBuilder b = new ModelBuilder();
        Var a = b.newVar("a", BigInteger.ONE, BigInteger.ONE, true);
        b.addClause(a.not());
        ModelBuilder e = new ModelBuilder();
        e.newBool("z");
        e.addClause(List.of());
        try (Solver s = provider().create()) {
            assertEquals(Status.UNSAT, s.solve(b.build(), Limits.none()).status());
            assertEquals(Status.UNSAT, s.solve(e.build(), Limits.none()).status());
        }
    }

    private void assertRefused(Model m, String what) {
        String why = provider().refusal(m);
        assertTrue(why != null && why.startsWith("not supported: ") && why.contains(what)
                && why.contains("exceeds CP-SAT's 64-bit integers"), String.valueOf(why));
        try (Solver s = provider().create()) {
            SolveResult r = s.solve(m, Limits.none());
            assertEquals(Status.ERROR, r.status(), r.toString());
            assertEquals(why, r.reason());
        }
    }
}
