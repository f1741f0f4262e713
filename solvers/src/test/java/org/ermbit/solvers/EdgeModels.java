package org.ermbit.solvers;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/**
 * Hand-made models for the corners of a backend's translation that the random models never reach:
 * Booleans fixed by their bounds, empty and tautological clauses, constants inside constraint
 * expressions (which {@link ModelBuilder#addLinear} moves to the right-hand side, but a
 * {@link Constraint.Linear} may carry), constant-only expressions and objectives, unit and negative
 * coefficients, integers with negative or single-point domains, several enforcement literals, products
 * of negative numbers, and the empty model. The expected answers come from {@link BruteForce}.
 */
public final class EdgeModels {
    private EdgeModels() {
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static LinearExpr expr(long constant, Object... coefficientVarPairs) {
        LinearExpr.Builder e = LinearExpr.builder();
        for (int k = 0; k < coefficientVarPairs.length; k += 2) e.add((Integer) coefficientVarPairs[k], (Var) coefficientVarPairs[k + 1]);
        e.addConstant(big(constant));
        return e.build();
    }

    /** A linear constraint kept exactly as given, constant included. */
    private static void raw(ModelBuilder b, LinearExpr e, Relation rel, long rhs, org.ermbit.core.ir.Literal... enforcement) {
        b.add(new Constraint.Linear(e, rel, big(rhs), List.of(enforcement)));
    }

    /** Models over 0/1 variables with unconditional linear constraints and clauses, by name. */
    public static Map<String, Model> pseudoBoolean() {
        Map<String, Model> out = new LinkedHashMap<>();
        for (boolean withObjective : new boolean[] {false, true}) {
            String suffix = withObjective ? " min" : "";
            {
                ModelBuilder b = new ModelBuilder();
                Var t = b.newVar("t", BigInteger.ONE, BigInteger.ONE, true);
                Var p = b.newBool("p");
                Var q = b.newBool("q");
                b.addLinear(expr(0, 1, t, 1, p), Relation.LE, BigInteger.ONE); // t fixed true forces ¬p
                b.addClause(p.lit(), q.lit());
                if (withObjective) b.minimize(expr(0, -3, p, 2, q, -1, t));
                out.put("fixed true" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var f = b.newVar("f", BigInteger.ZERO, BigInteger.ZERO, true);
                Var p = b.newBool("p");
                b.addClause(f.lit(), p.lit()); // f fixed false forces p
                if (withObjective) b.minimize(expr(0, 5, f, 1, p));
                out.put("fixed false" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var t = b.newVar("t", BigInteger.ONE, BigInteger.ONE, true);
                b.newBool("p");
                b.addClause(t.not());
                if (withObjective) b.minimize(expr(1));
                out.put("fixed true contradicted" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var f = b.newVar("f", BigInteger.ZERO, BigInteger.ZERO, true);
                b.addLinear(expr(0, 1, f), Relation.GE, BigInteger.ONE);
                if (withObjective) b.minimize(expr(0, 1, f));
                out.put("fixed false contradicted" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                b.newBool("p");
                b.addClause(List.of());
                if (withObjective) b.minimize(expr(2));
                out.put("empty clause" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var p = b.newBool("p");
                Var q = b.newBool("q");
                b.addClause(p.lit(), p.not());
                b.addClause(q.lit(), q.lit());
                if (withObjective) b.minimize(expr(0, 1, p, 1, q));
                out.put("tautology and repeated literal" + suffix, b.build());
            }
            {
                // x + y + 2 ≤ 3, x + z − 1 ≥ 0, y + z + 1 = 2 (constants kept inside the expressions)
                ModelBuilder b = new ModelBuilder();
                Var x = b.newBool("x");
                Var y = b.newBool("y");
                Var z = b.newBool("z");
                raw(b, expr(2, 1, x, 1, y), Relation.LE, 3);
                raw(b, expr(-1, 1, x, 1, z), Relation.GE, 0);
                raw(b, expr(1, 1, y, 1, z), Relation.EQ, 2);
                if (withObjective) b.minimize(expr(4, -1, x, 2, y, 1, z));
                out.put("constants inside expressions" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                b.newBool("p");
                raw(b, expr(1), Relation.LE, 0); // 1 ≤ 0
                out.put("constant-only false" + suffix, b.build());
                ModelBuilder c = new ModelBuilder();
                c.newBool("p");
                raw(c, expr(0), Relation.LE, 0); // 0 ≤ 0
                raw(c, expr(3), Relation.EQ, 3);
                raw(c, expr(-2), Relation.GE, -5);
                if (withObjective) c.minimize(expr(7));
                out.put("constant-only true" + suffix, c.build());
                ModelBuilder d = new ModelBuilder();
                Var r = d.newBool("r");
                Var s = d.newBool("s");
                d.addClause(r.lit(), s.lit());
                if (withObjective) d.minimize(expr(-4, 3, r, 2, s));
                out.put("objective with a constant" + suffix, d.build());
            }
            {
                // 2x − 3y + z ≥ 1, −x − y ≥ −1, with x, y, z Boolean: negative coefficients on both sides
                ModelBuilder b = new ModelBuilder();
                Var x = b.newBool("x");
                Var y = b.newBool("y");
                Var z = b.newBool("z");
                b.addLinear(expr(0, 2, x, -3, y, 1, z), Relation.GE, BigInteger.ONE);
                b.addLinear(expr(0, -1, x, -1, y), Relation.GE, big(-1));
                b.addLinear(expr(0, 1, x, 1, y, 1, z), Relation.EQ, BigInteger.TWO);
                if (withObjective) b.minimize(expr(0, -2, x, -1, z, 4, y));
                out.put("negative coefficients" + suffix, b.build());
            }
        }
        {
            out.put("no variables", new ModelBuilder().build());
            ModelBuilder b = new ModelBuilder();
            b.minimize(expr(-3));
            out.put("no variables, constant objective", b.build());
        }
        return out;
    }

    /** Models with integers, enforced constraints and clauses (no products), by name. */
    public static Map<String, Model> lia() {
        Map<String, Model> out = new LinkedHashMap<>();
        for (boolean withObjective : new boolean[] {false, true}) {
            String suffix = withObjective ? " min" : "";
            {
                // x ∈ [−5, −2], y ∈ [3, 3]: x + y ≥ −1 and x − 2y ≤ −9; minimise −x + y (or decide)
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(-5), big(-2));
                Var y = b.newInt("y", big(3), big(3));
                b.addLinear(expr(0, 1, x, 1, y), Relation.GE, big(-1));
                b.addLinear(expr(0, 1, x, -2, y), Relation.LE, big(-9));
                if (withObjective) b.minimize(expr(0, -1, x, 1, y));
                out.put("negative and single-point domains" + suffix, b.build());
            }
            {
                // (¬a ∧ b) → x ≥ 2; (a ∧ b) → x ≤ −2; b; x ∈ [−3, 3]; constants kept inside expressions
                ModelBuilder b = new ModelBuilder();
                Var a = b.newBool("a");
                Var bb = b.newBool("b");
                Var x = b.newInt("x", big(-3), big(3));
                raw(b, expr(1, 1, x), Relation.GE, 3, a.not(), bb.lit());
                raw(b, expr(-1, 1, x), Relation.LE, -3, a.lit(), bb.lit());
                b.addClause(bb.lit());
                if (withObjective) b.minimize(expr(2, 3, a, 1, x));
                out.put("two enforcement literals" + suffix, b.build());
            }
            {
                // 3x − 2y = 1 with unit and non-unit coefficients on integers and Booleans; p → x ≥ y
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(-4), big(4));
                Var y = b.newInt("y", big(-4), big(4));
                Var p = b.newBool("p");
                b.addLinear(expr(0, 3, x, -2, y), Relation.EQ, BigInteger.ONE);
                b.addLinear(expr(0, 1, x, -1, y, 5, p), Relation.GE, BigInteger.ZERO, List.of(p.lit()));
                b.addLinear(expr(0, 1, x, 2, p), Relation.LE, big(-1));
                if (withObjective) b.minimize(expr(0, 1, x, -1, y, -4, p));
                out.put("unit and non-unit coefficients" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(-2), big(2));
                Var t = b.newVar("t", BigInteger.ONE, BigInteger.ONE, true);
                b.addLinear(expr(0, 1, x), Relation.LE, big(-3), List.of(t.lit())); // t is fixed true
                if (withObjective) b.minimize(expr(0, 1, x));
                out.put("fixed enforcement contradicted" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(-2), big(2));
                Var f = b.newVar("f", BigInteger.ZERO, BigInteger.ZERO, true);
                b.addLinear(expr(0, 1, x), Relation.LE, big(-3), List.of(f.lit())); // f is fixed false: never enforced
                b.addClause(f.not());
                if (withObjective) b.minimize(expr(0, -1, x, 2, f));
                out.put("fixed false enforcement" + suffix, b.build());
            }
            {
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(0), big(2));
                b.addClause(List.of());
                b.addLinear(expr(0, 1, x), Relation.GE, BigInteger.ONE);
                if (withObjective) b.minimize(expr(0, 1, x));
                out.put("empty clause with integers" + suffix, b.build());
            }
        }
        return out;
    }

    /** Models with products (for NIA backends), by name. */
    public static Map<String, Model> nia() {
        Map<String, Model> out = new LinkedHashMap<>();
        for (boolean withObjective : new boolean[] {false, true}) {
            String suffix = withObjective ? " min" : "";
            {
                // r = x·y with x ∈ [−3, 2], y ∈ [−2, 3], r ∈ [−9, 9]; r ≥ 4 and x + y ≤ 0: x = y = −2 or (−3, −2)…
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(-3), big(2));
                Var y = b.newInt("y", big(-2), big(3));
                Var r = b.newInt("r", big(-9), big(9));
                b.addProduct(r, x, y);
                b.addLinear(expr(0, 1, r), Relation.GE, big(4));
                b.addLinear(expr(0, 1, x, 1, y), Relation.LE, BigInteger.ZERO);
                if (withObjective) b.minimize(expr(0, 1, x, -2, r));
                out.put("product of negatives" + suffix, b.build());
            }
            {
                // s = p·x with p Boolean, x ∈ [−3, 3]; q = p·p2 over Booleans; s ≤ −2, q = 0 forced by ¬p2
                ModelBuilder b = new ModelBuilder();
                Var p = b.newBool("p");
                Var p2 = b.newBool("p2");
                Var q = b.newBool("q");
                Var x = b.newInt("x", big(-3), big(3));
                Var s = b.newInt("s", big(-3), big(3));
                b.addProduct(s, p, x);
                b.addProduct(q, p, p2);
                b.addLinear(expr(0, 1, s), Relation.LE, big(-2));
                b.addClause(p2.not());
                if (withObjective) b.minimize(expr(0, -1, s, 1, x, 3, q));
                out.put("products with Booleans" + suffix, b.build());
            }
            {
                // x·x = 2 has no integer solution
                ModelBuilder b = new ModelBuilder();
                Var x = b.newInt("x", big(-3), big(3));
                Var sq = b.newInt("sq", big(0), big(9));
                b.addProduct(sq, x, x);
                b.addLinear(expr(0, 1, sq), Relation.EQ, BigInteger.TWO);
                out.put("square equal to two" + suffix, b.build());
            }
        }
        return out;
    }

    /** All of {@link #pseudoBoolean()}, {@link #lia()} and, when {@code products}, {@link #nia()}. */
    public static Map<String, Model> upTo(boolean products) {
        Map<String, Model> out = new LinkedHashMap<>(pseudoBoolean());
        out.putAll(lia());
        if (products) out.putAll(nia());
        return out;
    }
}
