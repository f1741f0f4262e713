package org.ermbit.reductions.lower;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/**
 * Test oracle: every satisfying assignment of a small model, by depth-first enumeration of variable
 * values. Pruning only discards partial assignments that no completion can repair (a constraint
 * already violated on its assigned part, judged by exact interval bounds of the unassigned part),
 * and values forced by a single constraint (the last variable of an active equality or product, the
 * last literal of a clause, a Boolean whose other value breaks an active linear constraint) are
 * assigned directly. Every complete assignment is re-checked with {@link Model#isSatisfiedBy}.
 * Independent of the lowering passes under test.
 */
public final class ModelEnumerator {

    /** Largest domain the enumeration branches over. */
    static final int MAX_BRANCH = 4096;

    private final Model model;
    private final Set<List<BigInteger>> out = new LinkedHashSet<>();
    private final int limit;

    private ModelEnumerator(Model model, int limit) {
        this.model = model;
        this.limit = limit;
    }

    /** All satisfying assignments, as value lists; throws when more than {@code limit} exist. */
    public static Set<List<BigInteger>> solutions(Model m, int limit) {
        ModelEnumerator e = new ModelEnumerator(m, limit);
        e.dfs(new BigInteger[m.vars().size()]);
        return e.out;
    }

    private void dfs(BigInteger[] val) {
        if (!propagate(val)) return;
        Var pick = null;
        BigInteger best = null;
        for (Var v : model.vars()) {
            if (val[v.index()] != null) continue;
            BigInteger size = v.upper().subtract(v.lower()).add(BigInteger.ONE);
            if (best == null || size.compareTo(best) < 0) {
                best = size;
                pick = v;
            }
        }
        if (pick == null) {
            Assignment a = new Assignment(val);
            if (!model.isSatisfiedBy(a)) throw new AssertionError("enumerator bug: propagation accepted a violating assignment");
            out.add(List.of(val));
            if (out.size() > limit) throw new IllegalStateException("more than " + limit + " solutions");
            return;
        }
        if (best.compareTo(BigInteger.valueOf(MAX_BRANCH)) > 0) {
            throw new IllegalStateException("enumeration would branch over " + best + " values of " + pick.name());
        }
        for (BigInteger x = pick.lower(); x.compareTo(pick.upper()) <= 0; x = x.add(BigInteger.ONE)) {
            BigInteger[] next = val.clone();
            next[pick.index()] = x;
            dfs(next);
        }
    }

    /** Assigns forced values to a fixpoint; false when some constraint can no longer hold. */
    private boolean propagate(BigInteger[] val) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Constraint c : model.constraints()) {
                int r = step(c, val);
                if (r < 0) return false;
                if (r > 0) changed = true;
            }
        }
        return true;
    }

    /** −1: violated; 1: assigned something; 0: nothing to do. */
    private int step(Constraint c, BigInteger[] val) {
        if (c instanceof Constraint.Clause cl) {
            Literal open = null;
            int unassigned = 0;
            for (Literal l : cl.literals()) {
                BigInteger v = val[l.var().index()];
                if (v == null) {
                    unassigned++;
                    open = l;
                } else if ((v.signum() != 0) == l.positive()) {
                    return 0;
                }
            }
            if (unassigned == 0) return -1;
            if (unassigned == 1) return assign(val, open.var(), open.positive() ? BigInteger.ONE : BigInteger.ZERO);
            return 0;
        }
        if (c instanceof Constraint.Product p) {
            BigInteger x = val[p.left().index()];
            BigInteger y = val[p.right().index()];
            if (x == null || y == null) return 0;
            BigInteger r = x.multiply(y);
            BigInteger have = val[p.result().index()];
            if (have != null) return have.equals(r) ? 0 : -1;
            return assign(val, p.result(), r);
        }
        Constraint.Linear l = (Constraint.Linear) c;
        Literal openLit = null;
        int openLits = 0;
        for (Literal lit : l.enforcement()) {
            BigInteger v = val[lit.var().index()];
            if (v == null) {
                openLits++;
                openLit = lit;
            } else if ((v.signum() != 0) != lit.positive()) {
                return 0; // inactive
            }
        }
        BigInteger lo = l.expr().constant();
        BigInteger hi = l.expr().constant();
        Var open = null;
        int openVars = 0;
        for (Map.Entry<Var, BigInteger> t : l.expr().terms().entrySet()) {
            BigInteger v = val[t.getKey().index()];
            BigInteger k = t.getValue();
            if (v != null) {
                lo = lo.add(k.multiply(v));
                hi = hi.add(k.multiply(v));
            } else {
                openVars++;
                open = t.getKey();
                lo = lo.add(k.multiply(k.signum() > 0 ? open.lower() : open.upper()));
                hi = hi.add(k.multiply(k.signum() > 0 ? open.upper() : open.lower()));
            }
        }
        boolean impossible = !possible(l.relation(), lo, hi, l.rhs());
        if (openLits > 0) {
            if (impossible && openLits == 1) return assign(val, openLit.var(), openLit.positive() ? BigInteger.ZERO : BigInteger.ONE);
            return 0;
        }
        if (impossible) return -1;
        if (openVars == 1 && l.relation() == Relation.EQ) {
            BigInteger k = l.expr().terms().get(open);
            BigInteger rest = lo.subtract(k.multiply(k.signum() > 0 ? open.lower() : open.upper()));
            BigInteger[] qr = l.rhs().subtract(rest).divideAndRemainder(k);
            if (qr[1].signum() != 0) return -1;
            return assign(val, open, qr[0]);
        }
        // a Boolean whose value 1 (or 0) makes the interval infeasible is forced to the other value
        for (Map.Entry<Var, BigInteger> t : l.expr().terms().entrySet()) {
            Var v = t.getKey();
            if (!v.bool() || val[v.index()] != null) continue;
            BigInteger k = t.getValue();
            BigInteger lo0 = k.signum() > 0 ? lo : lo.subtract(k);
            BigInteger hi0 = k.signum() > 0 ? hi.subtract(k) : hi;
            BigInteger lo1 = lo0.add(k);
            BigInteger hi1 = hi0.add(k);
            boolean can0 = possible(l.relation(), lo0, hi0, l.rhs());
            boolean can1 = possible(l.relation(), lo1, hi1, l.rhs());
            if (!can0 && !can1) return -1;
            if (!can0) return assign(val, v, BigInteger.ONE);
            if (!can1) return assign(val, v, BigInteger.ZERO);
        }
        return 0;
    }

    private static boolean possible(Relation rel, BigInteger lo, BigInteger hi, BigInteger rhs) {
        return switch (rel) {
            case LE -> lo.compareTo(rhs) <= 0;
            case GE -> hi.compareTo(rhs) >= 0;
            case EQ -> lo.compareTo(rhs) <= 0 && hi.compareTo(rhs) >= 0;
        };
    }

    private static int assign(BigInteger[] val, Var v, BigInteger x) {
        if (x.compareTo(v.lower()) < 0 || x.compareTo(v.upper()) > 0) return -1;
        val[v.index()] = x;
        return 1;
    }
}
