package org.ermbit.reductions.lower;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;

/**
 * Removes every {@link Constraint.Product} (DESIGN §5). Two forms, chosen at construction:
 * <ul>
 *   <li>{@linkplain #conditional() conditional} (for LIA backends): weight bits and conditional
 *       copies, below;</li>
 *   <li>{@linkplain #bitProducts() bit products} (for pseudo-Boolean backends): both factors are
 *       expanded, x = lo_x + Σ 2^t·β_t, y = lo_y + Σ 2^i·η_i, and
 *       r = lo_x·lo_y + lo_x·Σ 2^i·η_i + lo_y·Σ 2^t·β_t + Σ_(t,i) 2^(t+i)·(β_t ∧ η_i) with AND
 *       auxiliaries defined by three clauses each — r becomes a linear expression over Booleans,
 *       which {@link IntegerToPseudoBoolean} substitutes away, and no big-M constraint remains.</li>
 * </ul>
 * The conditional form:
 * <ul>
 *   <li>r = x·y with x ≠ y: the factor with the smaller range, say x, is expanded in offset binary
 *       x = lo + Σ 2^t·β_t (the bits of one variable are created once and shared by all its
 *       products) and r = lo·y + Σ 2^t·P_t with {@code β_t → P_t = y}, {@code ¬β_t → P_t = 0},
 *       P_t ∈ [min(0, lo_y), max(0, hi_y)];</li>
 *   <li>r = x·x: with x = lo + Σ 2^i·b_i, r = lo² + Σ_i (2^(2i) + 2·lo·2^i)·b_i +
 *       Σ_(i&lt;j) 2^(i+j+1)·(b_i ∧ b_j) with AND auxiliaries defined by three clauses.</li>
 * </ul>
 * Every original variable keeps its index; the x = lo + Σ 2^t·β_t link is an unenforced equality.
 * The result has only linear (possibly enforced) constraints and clauses; the objective is kept.
 */
public final class ProductToBits implements LoweringPass {

    private final boolean bitProducts;

    /** The conditional form (weight bits and conditional copies). */
    public ProductToBits() {
        this(false);
    }

    private ProductToBits(boolean bitProducts) {
        this.bitProducts = bitProducts;
    }

    /** Weight bits β_t with conditional copies {@code β_t → P_t = y}, {@code ¬β_t → P_t = 0}. */
    public static ProductToBits conditional() {
        return new ProductToBits(false);
    }

    /** Both factors in bits, products of bits as AND auxiliaries (for pseudo-Boolean backends). */
    public static ProductToBits bitProducts() {
        return new ProductToBits(true);
    }

    @Override
    public Lowered apply(Model m, Limits limits) {
        ModelBuilder b = new ModelBuilder();
        VarRules rules = new VarRules();
        for (Var v : m.vars()) rules.set(b.newVar(v.name(), v.lower(), v.upper(), v.bool()), (in, low) -> in.value(v));
        Map<Var, BitExpansion> expansions = new HashMap<>();
        Map<List<Var>, Var> conditionals = new HashMap<>();
        Map<List<Var>, Var> ands = new HashMap<>();
        for (Constraint c : m.constraints()) {
            LoweringStopped.check(limits);
            if (!(c instanceof Constraint.Product p)) {
                b.add(c);
                continue;
            }
            if (p.left().equals(p.right())) square(b, p.result(), expansion(b, rules, expansions, p.left()), ands, rules, limits);
            else if (bitProducts) bitProduct(b, p, expansions, ands, rules, limits);
            else product(b, p, expansions, conditionals, rules);
        }
        m.objective().ifPresent(o -> b.minimize(o.expr()));
        int n = m.vars().size();
        return new Lowered(b.build(), a -> prefix(a, n), rules.extension());
    }

    static Assignment prefix(Assignment a, int n) {
        BigInteger[] v = new BigInteger[n];
        for (int i = 0; i < n; i++) v[i] = a.value(i);
        return new Assignment(v);
    }

    private static BitExpansion expansion(ModelBuilder b, VarRules rules, Map<Var, BitExpansion> cache, Var x) {
        BitExpansion e = cache.get(x);
        if (e == null) {
            e = BitExpansion.create(b, x);
            if (!x.bool()) for (int t = 0; t < e.bits().size(); t++) rules.set(e.bits().get(t), VarRules.bitOf(x, e, t));
            if (!x.bool()) {
                // x − Σ 2^t β_t = lo
                b.addLinear(LinearExpr.of(x).toBuilder().add(BigInteger.ONE.negate(), e.sumOfBits()).build(), Relation.EQ, e.offset());
            }
            cache.put(x, e);
        }
        return e;
    }

    private static void product(ModelBuilder b, Constraint.Product p, Map<Var, BitExpansion> cache, Map<List<Var>, Var> conditionals,
                                VarRules rules) {
        Var x = p.left();
        Var y = p.right();
        int cmp = range(x).compareTo(range(y));
        boolean expandX = cmp < 0 || (cmp == 0 && (cache.containsKey(x) || !cache.containsKey(y)));
        Var e = expandX ? x : y;
        Var o = expandX ? y : x;
        BitExpansion bits = expansion(b, rules, cache, e);
        // r − lo·o − Σ 2^t P_t = 0
        LinearExpr.Builder def = LinearExpr.builder().add(BigInteger.ONE, p.result()).add(bits.offset().negate(), o);
        for (int t = 0; t < bits.bits().size(); t++) {
            Var beta = bits.bits().get(t);
            Var pt = conditionals.get(List.of(beta, o));
            if (pt == null) {
                String name = Var.AUX_PREFIX + "cond(" + beta.name() + "," + o.name() + ")";
                pt = o.bool() ? b.newBool(name)
                        : b.newInt(name, o.lower().min(BigInteger.ZERO), o.upper().max(BigInteger.ZERO));
                Var ov = o;
                rules.set(pt, (in, low) -> low[beta.index()].signum() != 0 ? low[ov.index()] : BigInteger.ZERO);
                b.addLinear(LinearExpr.of(pt).toBuilder().add(BigInteger.ONE.negate(), o).build(), Relation.EQ, BigInteger.ZERO, List.of(beta.lit()));
                b.addLinear(LinearExpr.of(pt), Relation.EQ, BigInteger.ZERO, List.of(beta.not()));
                conditionals.put(List.of(beta, o), pt);
            }
            def.add(BigInteger.ONE.shiftLeft(t).negate(), pt);
        }
        b.addLinear(def.build(), Relation.EQ, BigInteger.ZERO);
    }

    private static void bitProduct(ModelBuilder b, Constraint.Product p, Map<Var, BitExpansion> cache, Map<List<Var>, Var> ands,
                                   VarRules rules, Limits limits) {
        BitExpansion x = expansion(b, rules, cache, p.left());
        BitExpansion y = expansion(b, rules, cache, p.right());
        // r − lo_x·lo_y − lo_x·Σ 2^i η_i − lo_y·Σ 2^t β_t − Σ 2^(t+i) (β_t ∧ η_i) = 0
        LinearExpr.Builder def = LinearExpr.builder().add(BigInteger.ONE, p.result());
        def.add(x.offset().negate(), y.sumOfBits());
        def.add(y.offset().negate(), x.sumOfBits());
        for (int t = 0; t < x.bits().size(); t++) {
            LoweringStopped.check(limits); // a product of two w-bit factors adds w² auxiliaries
            for (int i = 0; i < y.bits().size(); i++) {
                Var u = x.bits().get(t);
                Var v = y.bits().get(i);
                Var and = u.equals(v) ? u : u.index() < v.index() ? and(b, u, v, ands, rules) : and(b, v, u, ands, rules);
                def.add(BigInteger.ONE.shiftLeft(t + i).negate(), and);
            }
        }
        b.addLinear(def.build(), Relation.EQ, x.offset().multiply(y.offset()));
    }

    private static void square(ModelBuilder b, Var r, BitExpansion e, Map<List<Var>, Var> ands, VarRules rules, Limits limits) {
        BigInteger lo = e.offset();
        List<Var> bits = e.bits();
        LinearExpr.Builder def = LinearExpr.builder().add(BigInteger.ONE, r);
        for (int i = 0; i < bits.size(); i++) {
            LoweringStopped.check(limits); // a square of a w-bit factor adds w²/2 auxiliaries
            BigInteger coef = BigInteger.ONE.shiftLeft(2 * i).add(lo.shiftLeft(i + 1));
            def.add(coef.negate(), bits.get(i));
            for (int j = i + 1; j < bits.size(); j++) {
                Var and = and(b, bits.get(i), bits.get(j), ands, rules);
                def.add(BigInteger.ONE.shiftLeft(i + j + 1).negate(), and);
            }
        }
        b.addLinear(def.build(), Relation.EQ, lo.multiply(lo));
    }

    private static Var and(ModelBuilder b, Var u, Var v, Map<List<Var>, Var> ands, VarRules rules) {
        Var c = ands.get(List.of(u, v));
        if (c != null) return c;
        c = b.newBool(Var.AUX_PREFIX + "and(" + u.name() + "," + v.name() + ")");
        rules.set(c, (in, low) -> low[u.index()].multiply(low[v.index()]));
        b.addClause(c.not(), u.lit());
        b.addClause(c.not(), v.lit());
        b.addClause(c.lit(), u.not(), v.not());
        ands.put(List.of(u, v), c);
        return c;
    }

    private static BigInteger range(Var v) {
        return v.upper().subtract(v.lower());
    }

    @Override
    public String toString() {
        return bitProducts ? "ProductToBits(bit products)" : "ProductToBits";
    }
}
