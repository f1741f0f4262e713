package org.ermbit.reductions.lower;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;

/**
 * Turns a product-free model into a purely Boolean pseudo-Boolean model:
 * <ul>
 *   <li>an integer x with an unenforced defining equality ±x + Σ c·y = k in which every other
 *       integer y has a smaller index (e.g. the bit link written by {@link ProductToBits}, or an
 *       encoder auxiliary z = Σ K·X + b) is replaced by the substituted expression, with
 *       lo ≤ expr ≤ hi added where the expression's own range is wider than x's bounds;</li>
 *   <li>every other integer x ∈ [lo, hi] becomes offset binary x = lo + Σ 2^t·b_t (plus
 *       Σ 2^t·b_t ≤ hi − lo when hi − lo + 1 is not a power of two);</li>
 *   <li>an enforced constraint e ≤ k under literals l_1..l_m becomes e − M·Σ[¬l_i] ≤ k with the
 *       exact M = ub(e) − k (≥ likewise with M = k − lb(e); an enforced equality is split), and is
 *       dropped when M ≤ 0 because it then always holds;</li>
 *   <li>unenforced equalities are kept; clauses are kept; the objective is substituted.</li>
 * </ul>
 * Requires a model without products ({@link ProductToBits} first).
 */
public final class IntegerToPseudoBoolean implements LoweringPass {

    @Override
    public Lowered apply(Model m, Limits limits) {
        if (m.hasProducts()) {
            throw new IllegalArgumentException("IntegerToPseudoBoolean needs a model without products; apply ProductToBits first");
        }
        ModelBuilder b = new ModelBuilder();
        Map<Var, Var> boolMap = new HashMap<>();
        VarRules rules = new VarRules();
        for (Var v : m.vars()) {
            if (!v.bool()) continue;
            Var nv = b.newVar(v.name(), v.lower(), v.upper(), true);
            rules.set(nv, (in, low) -> in.value(v));
            boolMap.put(v, nv);
        }
        // definitions: an unenforced equality defines its integer of largest index when that has
        // coefficient ±1 (the others are Booleans or integers of smaller index: no cycles)
        Map<Var, Constraint.Linear> definedBy = new HashMap<>();
        Set<Constraint> used = new HashSet<>();
        for (Constraint c : m.constraints()) {
            if (!(c instanceof Constraint.Linear l) || l.relation() != Relation.EQ || !l.enforcement().isEmpty()) continue;
            Var def = null;
            for (Var v : l.expr().terms().keySet()) if (!v.bool() && (def == null || v.index() > def.index())) def = v;
            if (def != null && l.expr().terms().get(def).abs().equals(BigInteger.ONE) && !definedBy.containsKey(def)) {
                definedBy.put(def, l);
                used.add(c);
            }
        }
        Var[] falseVar = new Var[1];
        Map<Var, LinearExpr> value = new HashMap<>();
        boolMap.forEach((v, nv) -> value.put(v, LinearExpr.of(nv)));
        for (Var v : m.vars()) {
            if (v.bool()) continue;
            LoweringStopped.check(limits);
            Constraint.Linear d = definedBy.get(v);
            if (d == null) {
                BitExpansion e = BitExpansion.create(b, v);
                for (int t = 0; t < e.bits().size(); t++) rules.set(e.bits().get(t), VarRules.bitOf(v, e, t));
                value.put(v, e.value());
                continue;
            }
            // c·v + rest = k  ⇒  v = (k − rest)/c with c = ±1
            BigInteger c = d.expr().terms().get(v);
            LinearExpr.Builder e = LinearExpr.builder().addConstant(d.rhs().multiply(c));
            for (Map.Entry<Var, BigInteger> t : d.expr().terms().entrySet()) {
                if (!t.getKey().equals(v)) e.add(t.getValue().multiply(c).negate(), value.get(t.getKey()));
            }
            LinearExpr ve = e.build();
            if (ve.lowerBound().compareTo(v.lower()) < 0) addLinear(b, ve, Relation.GE, v.lower(), List.of(), falseVar, rules);
            if (ve.upperBound().compareTo(v.upper()) > 0) addLinear(b, ve, Relation.LE, v.upper(), List.of(), falseVar, rules);
            value.put(v, ve);
        }
        for (Constraint c : m.constraints()) {
            if (used.contains(c)) continue;
            LoweringStopped.check(limits);
            if (c instanceof Constraint.Clause cl) {
                b.addClause(cl.literals().stream().map(l -> new Literal(boolMap.get(l.var()), l.positive())).toList());
            } else if (c instanceof Constraint.Linear l) {
                LinearExpr e = substitute(l.expr(), value);
                List<Literal> enf = l.enforcement().stream().map(x -> new Literal(boolMap.get(x.var()), x.positive())).toList();
                if (l.relation() != Relation.GE) addLinear(b, e, l.relation() == Relation.EQ && enf.isEmpty() ? Relation.EQ : Relation.LE, l.rhs(), enf, falseVar, rules);
                if (l.relation() == Relation.GE || (l.relation() == Relation.EQ && !enf.isEmpty())) addLinear(b, e, Relation.GE, l.rhs(), enf, falseVar, rules);
            } else {
                throw new AssertionError(c);
            }
        }
        m.objective().ifPresent(o -> b.minimize(substitute(o.expr(), value)));
        List<Var> inputVars = m.vars();
        Model out = b.build();
        AssignmentLift lift = a -> {
            BigInteger[] v = new BigInteger[inputVars.size()];
            for (int i = 0; i < v.length; i++) v[i] = value.get(inputVars.get(i)).evaluate(a::value);
            return new Assignment(v);
        };
        return new Lowered(out, lift, rules.extension());
    }

    private static LinearExpr substitute(LinearExpr e, Map<Var, LinearExpr> value) {
        LinearExpr.Builder s = LinearExpr.builder().addConstant(e.constant());
        e.terms().forEach((v, c) -> s.add(c, value.get(v)));
        return s.build();
    }

    /** Adds e rel k (rel ∈ {≤, ≥, = only when unenforced}) under {@code enf}, removing the enforcement by big-M. */
    private static void addLinear(ModelBuilder b, LinearExpr e, Relation rel, BigInteger k, List<Literal> enf, Var[] falseVar,
                                  VarRules rules) {
        if (e.terms().isEmpty()) {
            if (rel.holds(e.constant(), k)) return;
            if (enf.isEmpty()) {
                // a constant false constraint: state it in a form every PB backend reads
                if (falseVar[0] == null) {
                    falseVar[0] = b.newBool(Var.AUX_PREFIX + "false");
                    rules.set(falseVar[0], (in, low) -> BigInteger.ZERO);
                    b.addLinear(LinearExpr.of(falseVar[0]), Relation.GE, BigInteger.ONE);
                    b.addLinear(LinearExpr.of(falseVar[0]), Relation.LE, BigInteger.ZERO);
                }
                return;
            }
            // some enforcement literal must be false
            b.addClause(enf.stream().map(Literal::negate).toList());
            return;
        }
        if (enf.isEmpty()) {
            b.addLinear(e, rel, k);
            return;
        }
        BigInteger bigM = rel == Relation.LE ? e.upperBound().subtract(k) : k.subtract(e.lowerBound());
        if (bigM.signum() <= 0) return; // holds for every assignment
        BigInteger sign = rel == Relation.LE ? bigM.negate() : bigM;
        LinearExpr.Builder r = e.toBuilder();
        for (Literal l : enf) {
            // [¬l] = 1 − v for l = v, and v for l = ¬v
            if (l.positive()) r.addConstant(sign).add(sign.negate(), l.var());
            else r.add(sign, l.var());
        }
        b.addLinear(r.build(), rel, k);
    }

    @Override
    public String toString() {
        return "IntegerToPseudoBoolean";
    }
}
