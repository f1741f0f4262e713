package org.ermbit.core.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The constraint IR that every encoder builds and every backend's answer is checked against
 * ({@link Model#isSatisfiedBy}): variables and literals, the three constraint kinds, the builder's
 * normal form, and the model's summaries — by hand and by enumerating every assignment of small models.
 */
class ModelTest {

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    void variablesAndLiterals() {
        assertThrows(IllegalArgumentException.class, () -> new Var(0, "x", big(2), big(1), false));
        assertEquals("x", new Var(0, "x", big(1), big(1), false).toString());   // lower = upper is one value
        assertThrows(IllegalArgumentException.class, () -> new Var(0, "b", big(-1), big(0), true));
        assertThrows(IllegalArgumentException.class, () -> new Var(0, "b", big(0), big(2), true));
        Var fixedTrue = new Var(0, "t", big(1), big(1), true);   // within [0, 1]
        assertTrue(fixedTrue.bool());
        Var x = new Var(1, "x", big(0), big(5), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, x::lit);
        assertEquals("literal over non-Boolean variable x", e.getMessage());
        Var b = new Var(2, "b", big(0), big(1), true);
        assertEquals(new Literal(b, true), b.lit());
        assertEquals(new Literal(b, false), b.not());
        assertEquals(b.not(), b.lit().negate());
        assertEquals(b.lit(), b.not().negate());
        assertEquals("b", b.lit().toString());
        assertEquals("!b", b.not().toString());
        assertTrue(new Var(3, Var.AUX_PREFIX + "h", big(0), big(1), true).isAuxiliary());
        assertFalse(new Var(3, "h" + Var.AUX_PREFIX, big(0), big(1), true).isAuxiliary());
    }

    @Test
    void relations() {
        assertEquals(List.of("<=", "=", ">="), List.of(Relation.LE.symbol(), Relation.EQ.symbol(), Relation.GE.symbol()));
        // lhs − rhs = −1, 0, 1
        for (int d = -1; d <= 1; d++) {
            assertEquals(d <= 0, Relation.LE.holds(big(d), BigInteger.ZERO), "LE " + d);
            assertEquals(d == 0, Relation.EQ.holds(big(d), BigInteger.ZERO), "EQ " + d);
            assertEquals(d >= 0, Relation.GE.holds(big(d), BigInteger.ZERO), "GE " + d);
        }
    }

    @Test
    void assignments() {
        Var b = new Var(0, "b", big(0), big(1), true);
        Var x = new Var(1, "x", big(-3), big(3), false);
        BigInteger[] values = {big(1), big(-2)};
        Assignment a = new Assignment(values);
        values[1] = big(7);   // the assignment keeps its own copy
        assertEquals(big(-2), a.value(x));
        assertEquals(big(-2), a.value(1));
        assertEquals(2, a.size());
        BigInteger[] copy = a.values();
        copy[0] = big(0);
        assertEquals(big(1), a.value(b));
        assertArrayEquals(new BigInteger[] {big(1), big(-2)}, a.values());
        assertTrue(a.isTrue(b));
        assertTrue(a.isTrue(b.lit()));
        assertFalse(a.isTrue(b.not()));
        Assignment zero = new Assignment(new BigInteger[] {big(0), big(0)});
        assertFalse(zero.isTrue(b));
        assertFalse(zero.isTrue(b.lit()));
        assertTrue(zero.isTrue(b.not()));
        assertEquals("[1, -2]", a.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Assignment(new BigInteger[] {big(0), null}));
        assertEquals("variable 1 has no value", e.getMessage());
    }

    @Test
    void constraintsHoldAsWritten() {
        List<Var> vars = pqxyz(new ModelBuilder());
        Var p = vars.get(0);
        Var q = vars.get(1);
        Var x = vars.get(2);
        Var y = vars.get(3);
        Var z = vars.get(4);
        assertEquals(List.of(0, 1, 2, 3, 4), List.of(p.index(), q.index(), x.index(), y.index(), z.index()));
        LinearExpr sum = LinearExpr.builder().add(1, x).add(2, y).build();
        Constraint.Linear le = new Constraint.Linear(sum, Relation.LE, big(1), List.of(p.lit(), q.not()));
        Constraint.Clause cl = new Constraint.Clause(List.of(p.not(), q.lit()));
        Constraint.Product pr = new Constraint.Product(z, x, y);
        assertEquals("[p, !q] -> 1*x + 2*y <= 1", le.toString());
        assertEquals("1*x + 2*y <= 1", new Constraint.Linear(sum, Relation.LE, big(1), List.of()).toString());
        // p = 1, q = 0: enforced; x + 2y = 2 + 2 = 4 > 1
        assertFalse(le.holds(values(1, 0, 2, 1, 2)::get));
        assertTrue(le.holds(values(1, 0, -1, 1, 2)::get));     // −1 + 2 = 1 ≤ 1
        assertTrue(le.holds(values(1, 1, 2, 1, 2)::get));      // q = 1: !q false, not enforced
        assertTrue(le.holds(values(0, 0, 2, 1, 2)::get));      // p = 0: not enforced
        assertFalse(cl.holds(values(1, 0, 0, 0, 0)::get));     // !p false, q false
        assertTrue(cl.holds(values(0, 0, 0, 0, 0)::get));
        assertTrue(cl.holds(values(1, 1, 0, 0, 0)::get));
        assertFalse(new Constraint.Clause(List.of()).holds(values(0, 0, 0, 0, 0)::get));   // the empty clause is false
        assertTrue(pr.holds(values(0, 0, -2, 2, -4)::get));
        assertFalse(pr.holds(values(0, 0, -2, 2, 4)::get));
    }

    /** Booleans p, q and integers x, y ∈ [−2, 2], z ∈ [−4, 4], in this order (indices 0..4). */
    private static List<Var> pqxyz(ModelBuilder mb) {
        return List.of(mb.newBool("p"), mb.newBool("q"), mb.newInt("x", big(-2), big(2)), mb.newInt("y", big(-2), big(2)),
                mb.newInt("z", big(-4), big(4)));
    }

    /** Values of p, q, x, y, z (Var is a record: a fresh builder's variables are equal keys). */
    private static java.util.Map<Var, BigInteger> values(long... v) {
        java.util.Map<Var, BigInteger> m = new java.util.HashMap<>();
        List<Var> vars = pqxyz(new ModelBuilder());
        for (int i = 0; i < v.length; i++) m.put(vars.get(i), big(v[i]));
        return m;
    }

    /** The builder moves an expression's constant to the right-hand side: x + 3 <= 5 is stored as x <= 2. */
    @Test
    void linearConstraintsAreStoredWithoutAConstant() {
        ModelBuilder mb = new ModelBuilder();
        Var x = mb.newInt("x", big(0), big(9));
        mb.addLinear(LinearExpr.builder().add(1, x).addConstant(big(3)).build(), Relation.LE, big(5));
        mb.addLinear(LinearExpr.of(x), Relation.GE, big(1));
        Model m = mb.build();
        Constraint.Linear c = (Constraint.Linear) m.constraints().get(0);
        assertEquals(BigInteger.ZERO, c.expr().constant());
        assertEquals(big(2), c.rhs());
        assertEquals(List.of(), c.enforcement());
        assertEquals(LinearExpr.of(x), ((Constraint.Linear) m.constraints().get(1)).expr());
        assertEquals(big(1), ((Constraint.Linear) m.constraints().get(1)).rhs());
        // x in 1..2 satisfies both, by enumeration of x's bounds
        int count = 0;
        for (int v = 0; v <= 9; v++) if (m.isSatisfiedBy(new Assignment(new BigInteger[] {big(v)}))) count++;
        assertEquals(2, count);
    }

    /**
     * A small model with every constraint kind and bounds: 2·x + y = 3 with x, y in [−2, 2] when b holds,
     * (b ∨ c), z = x·y with z in [−1, 4]. Enumerating all 2·2·5·5·9 assignments of the variables' boxes
     * and beyond them (x up to 3, outside its bound) counts the models against a direct count.
     */
    @Test
    void satisfactionAgreesWithADirectCount() {
        ModelBuilder mb = new ModelBuilder();
        Var b = mb.newBool("b");
        Var c = mb.newVar("c", big(0), big(1), true);
        Var x = mb.newInt("x", big(-2), big(2));
        Var y = mb.newVar("y", big(-2), big(2), false);
        Var z = mb.newInt("z", big(-1), big(4));
        mb.addLinear(LinearExpr.builder().add(2, x).add(1, y).build(), Relation.EQ, big(3), List.of(b.lit()));
        mb.addClause(b.lit(), c.lit());
        mb.addProduct(z, x, y);
        Model m = mb.build();
        assertEquals(5, m.vars().size());
        assertEquals(3, m.constraints().size());
        int models = 0;
        int expected = 0;
        for (int vb = 0; vb <= 1; vb++) {
            for (int vc = 0; vc <= 1; vc++) {
                for (int vx = -3; vx <= 3; vx++) {
                    for (int vy = -2; vy <= 2; vy++) {
                        for (int vz = -4; vz <= 4; vz++) {
                            boolean direct = Math.abs(vx) <= 2 && vz >= -1 && vz <= 4
                                    && (vb == 0 || 2 * vx + vy == 3) && (vb == 1 || vc == 1) && vz == vx * vy;
                            boolean sat = m.isSatisfiedBy(new Assignment(new BigInteger[] {big(vb), big(vc), big(vx), big(vy), big(vz)}));
                            assertEquals(direct, sat, "b=" + vb + " c=" + vc + " x=" + vx + " y=" + vy + " z=" + vz);
                            if (sat) models++;
                            if (direct) expected++;
                        }
                    }
                }
            }
        }
        // b = 1: (x, y) in {(1, 1), (2, −1)} with z = 1 or −2; z = −2 is below z's bound, so 1 model per c (c free): 2;
        // b = 0: c = 1, any x, y in [−2, 2] with x·y in [−1, 4]: 25 pairs minus x·y = −2 (4 pairs) and −4 (2 pairs) = 19
        assertEquals(2 + 19, expected);
        assertEquals(expected, models);
    }

    @Test
    void summariesOfAModel() {
        ModelBuilder mb = new ModelBuilder();
        Var b = mb.newBool("b");
        Model pureBool = mb.build();
        assertTrue(pureBool.isPurelyBoolean());
        assertFalse(pureBool.hasProducts());
        assertEquals(Optional.empty(), pureBool.objective());
        assertEquals("Model[1 vars, 0 constraints]", pureBool.toString());
        assertEquals(1, pureBool.maxCoefficientBits());   // the bound 1

        Var x = mb.newInt("x", big(-1000), big(3));             // 1000 has 10 bits
        mb.addLinear(LinearExpr.builder().add(big(1L << 20), x).build(), Relation.LE, big(5), List.of(b.lit()));   // coefficient 2^20: 21 bits
        Model m1 = mb.build();
        assertFalse(m1.isPurelyBoolean());
        assertFalse(m1.hasProducts());
        assertEquals(21, m1.maxCoefficientBits());
        ModelBuilder mb2 = m1.toBuilder();
        Var y = mb2.newInt("y", big(0), big(1));
        assertEquals(2, y.index());   // after the copied variables
        mb2.addLinear(LinearExpr.of(y), Relation.LE, big(1L << 40));   // right-hand side 2^40: 41 bits
        mb2.addProduct(y, x, x);
        LinearExpr obj = LinearExpr.builder().add(1, x).addConstant(big(1L << 50)).build();
        mb2.minimize(obj);
        Model m2 = mb2.build();
        assertEquals(41, m2.maxCoefficientBits());
        assertTrue(m2.hasProducts());
        assertEquals(Optional.of(new Objective(obj)), m2.objective());
        assertEquals("Model[3 vars, 3 constraints, objective]", m2.toString());
        assertEquals(2, m1.vars().size());          // the copy did not change m1
        assertEquals(1, m1.constraints().size());
        // a constraint added directly keeps its constant (only addLinear moves it): 2^50 has 51 bits
        mb2.add(new Constraint.Linear(obj, Relation.LE, big(0), List.of()));
        assertEquals(51, mb2.build().maxCoefficientBits());
    }

    /** Every adding method returns the builder itself, for chaining. */
    @Test
    void builderCallsChain() {
        ModelBuilder mb = new ModelBuilder();
        Var b = mb.newBool("b");
        Var x = mb.newInt("x", big(0), big(3));
        LinearExpr e = LinearExpr.builder().add(1, x).addConstant(big(1)).build();
        assertSame(mb, mb.addLinear(e, Relation.LE, big(2)));
        assertSame(mb, mb.addLinear(LinearExpr.of(x), Relation.GE, big(0), List.of(b.lit())));
        assertSame(mb, mb.addClause(b.lit()));
        assertSame(mb, mb.addClause(List.of(b.not(), b.lit())));
        assertSame(mb, mb.addProduct(x, x, b));
        assertSame(mb, mb.add(new Constraint.Clause(List.of(b.lit()))));
        assertSame(mb, mb.minimize(LinearExpr.of(x)));
        assertEquals(6, mb.build().constraints().size());
    }

    @Test
    void linearExpressionEqualityAndText() {
        Var x = new Var(0, "x", big(0), big(1), false);
        Var y = new Var(1, "y", big(0), big(1), false);
        LinearExpr a = LinearExpr.builder().add(2, x).addConstant(big(3)).build();
        assertEquals(a, LinearExpr.builder().add(1, x).add(1, x).addConstant(big(3)).build());
        assertEquals(a.hashCode(), LinearExpr.builder().add(2, x).addConstant(big(3)).build().hashCode());
        assertNotEquals(a, LinearExpr.builder().add(2, x).addConstant(big(4)).build());
        assertNotEquals(a, LinearExpr.builder().add(2, y).addConstant(big(3)).build());
        assertNotEquals(a, "2*x + 3");
        assertEquals("2*x + 3", a.toString());
        assertEquals("2*x + -1*y", LinearExpr.builder().add(2, x).add(-1, y).build().toString());
        assertEquals("0", LinearExpr.constant(BigInteger.ZERO).toString());
        assertEquals("-4", LinearExpr.constant(big(-4)).toString());
    }
}
