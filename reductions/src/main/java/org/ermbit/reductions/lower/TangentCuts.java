package org.ermbit.reductions.lower;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/**
 * Lazy integer tangent cuts, the third squared-loss path of DESIGN §5. A square P = A·A with A ≥ 0
 * whose P the model only bounds from above (positive coefficients on the small side of ≤
 * constraints and in a minimised objective) is dropped from the model and replaced by cuts
 * P ≥ (2t+1)·A − t(t+1) for a growing set of integers t. For integer A the cut at t equals A² at
 * A = t and A = t + 1 and lies below A² elsewhere, so the relaxed model keeps every model of the
 * original: UNSAT of the relaxation is UNSAT of the original, and its optimum is a lower bound.
 * A model of the relaxation is {@linkplain #completed completed} by setting every P to A²; where
 * some P was below A² and the completion fails, {@link #refine} adds the cut at t = A and the
 * caller solves again. Each refinement adds a cut not present before, and A is bounded, so the loop
 * ends.
 *
 * <p>Squares of other shapes (a factor that can be negative, a P that is used in an equation, a
 * clause, another product or with the wrong sign) stay products, for the ordinary lowering.
 */
public final class TangentCuts {
    private final Model original;
    /** The original constraints without the relaxed squares, in their order. */
    private final List<Constraint> kept;
    /** Relaxed squares by their result P, in model order, with the t of their cuts. */
    private final Map<Var, TreeSet<BigInteger>> cuts = new LinkedHashMap<>();
    private final Map<Var, Var> factorOf = new LinkedHashMap<>();

    private TangentCuts(Model original, List<Constraint.Product> squares, Map<String, Set<BigInteger>> known) {
        this.original = original;
        Set<Constraint> relaxed = new HashSet<>(squares);
        this.kept = original.constraints().stream().filter(c -> !relaxed.contains(c)).toList();
        for (Constraint.Product p : squares) {
            Var a = p.left();
            factorOf.put(p.result(), a);
            TreeSet<BigInteger> ts = new TreeSet<>();
            // exact at both ends of A's range (and at lo + 1, hi − 1)
            ts.add(a.lower());
            if (a.upper().compareTo(a.lower()) > 0) ts.add(a.upper().subtract(BigInteger.ONE));
            for (BigInteger t : known.getOrDefault(p.result().name(), Set.of())) {
                if (t.compareTo(a.lower()) >= 0 && t.compareTo(a.upper()) < 0) ts.add(t);
            }
            cuts.put(p.result(), ts);
        }
    }

    /** The relaxation of {@code m}, or empty when no square of {@code m} can be relaxed. */
    public static Optional<TangentCuts> of(Model m) {
        return of(m, Map.of());
    }

    /**
     * The relaxation of {@code m} whose squares also start with the cuts at the points {@code known}
     * gives for their result's name (those inside the factor's range) — the {@link #cutPoints()} of
     * an earlier relaxation of a model with the same squares. Every cut holds wherever P = A·A, so
     * cuts learned on one question about an encoding are valid for every other.
     */
    public static Optional<TangentCuts> of(Model m, Map<String, Set<BigInteger>> known) {
        List<Constraint.Product> squares = relaxableSquares(m);
        return squares.isEmpty() ? Optional.empty() : Optional.of(new TangentCuts(m, squares, known));
    }

    /** The squares of {@code m} whose result is only bounded from above and whose factor is non-negative. */
    static List<Constraint.Product> relaxableSquares(Model m) {
        Map<Var, Constraint.Product> candidates = new LinkedHashMap<>();
        for (Constraint c : m.constraints()) {
            if (c instanceof Constraint.Product p && p.left().equals(p.right()) && p.left().lower().signum() >= 0
                    && p.left().upper().pow(2).compareTo(p.result().upper()) <= 0
                    && p.left().lower().pow(2).compareTo(p.result().lower()) >= 0) {
                candidates.put(p.result(), p);
            }
        }
        for (Constraint c : m.constraints()) {
            if (c instanceof Constraint.Linear l) {
                for (Map.Entry<Var, BigInteger> t : l.expr().terms().entrySet()) {
                    int sign = t.getValue().signum() * (l.relation() == Relation.GE ? -1 : 1);
                    if (l.relation() == Relation.EQ || sign < 0) candidates.remove(t.getKey());
                }
            } else if (c instanceof Constraint.Clause cl) {
                cl.literals().forEach(lit -> candidates.remove(lit.var()));
            } else if (c instanceof Constraint.Product p) {
                if (candidates.get(p.result()) != p) candidates.remove(p.result());
                candidates.remove(p.left());
                candidates.remove(p.right());
            }
        }
        m.objective().ifPresent(o -> o.expr().terms().forEach((v, k) -> {
            if (k.signum() < 0) candidates.remove(v);
        }));
        return new ArrayList<>(candidates.values());
    }

    /** How many squares are relaxed. */
    public int squares() {
        return cuts.size();
    }

    /** How many cuts the relaxation has now. */
    public int cutCount() {
        return cuts.values().stream().mapToInt(TreeSet::size).sum();
    }

    /** The points t of the current cuts, by the name of each relaxed square's result P. */
    public Map<String, Set<BigInteger>> cutPoints() {
        Map<String, Set<BigInteger>> out = new LinkedHashMap<>();
        cuts.forEach((p, ts) -> out.put(p.name(), Set.copyOf(ts)));
        return out;
    }

    /** The relaxed model: the original without the relaxed squares, plus the current cuts (same variables, same indices). */
    public Model relaxed() {
        ModelBuilder b = new ModelBuilder();
        for (Var v : original.vars()) b.newVar(v.name(), v.lower(), v.upper(), v.bool());
        for (Constraint c : kept) b.add(c);
        cuts.forEach((p, ts) -> {
            Var a = factorOf.get(p);
            for (BigInteger t : ts) b.addLinear(cut(p, a, t), Relation.GE, t.multiply(t.add(BigInteger.ONE)).negate());
        });
        original.objective().ifPresent(o -> b.minimize(o.expr()));
        return b.build();
    }

    /** P − (2t+1)·A, which the cut at t bounds below by −t(t+1). */
    private static LinearExpr cut(Var p, Var a, BigInteger t) {
        return LinearExpr.builder().add(BigInteger.ONE, p).add(t.shiftLeft(1).add(BigInteger.ONE).negate(), a).build();
    }

    /** {@code a} (an assignment of the relaxed model) with every relaxed P set to A². */
    public Assignment completed(Assignment a) {
        BigInteger[] v = a.values().clone();
        factorOf.forEach((p, x) -> v[p.index()] = a.value(x).pow(2));
        return new Assignment(v);
    }

    /**
     * Adds the cut at t = A for every relaxed square whose P is below A² in {@code a}; returns how
     * many were added (0 when every P is at least A²).
     */
    public int refine(Assignment a) {
        int added = 0;
        for (Map.Entry<Var, TreeSet<BigInteger>> e : cuts.entrySet()) {
            BigInteger x = a.value(factorOf.get(e.getKey()));
            if (a.value(e.getKey()).compareTo(x.pow(2)) < 0 && e.getValue().add(x)) added++;
        }
        return added;
    }
}
