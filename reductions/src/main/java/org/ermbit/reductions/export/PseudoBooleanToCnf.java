package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;

/**
 * Exact translation of a purely Boolean model into CNF with the <b>adder-network</b> encoding of
 * pseudo-Boolean constraints (Eén and Sörensson, "Translating Pseudo-Boolean Constraints into SAT",
 * JSAT 2006, §5.3).
 *
 * <p>A row is first normalised to {@code Σ a_i·l_i (≥ | =) K} with every {@code a_i > 0} over
 * literals (a negative coefficient is moved onto the negated literal). The binary sum
 * {@code S = Σ a_i·l_i} is computed by a network of full and half adders: bit b of every
 * coefficient puts its literal into bucket b; each bucket is reduced with full adders (3 → sum in
 * the same bucket, carry into bucket b+1) and half adders (2 → 1 + carry) until one literal, the
 * sum bit {@code s_b}, is left. Each adder output is an auxiliary variable defined by
 * <em>equivalence</em> clauses (Tseitin, both directions), so auxiliaries are functions of the
 * inputs and every model of the row extends to exactly one CNF model (model counts are preserved).
 * The size is O(Σ_i bitlength(a_i)) adders — polynomial and independent of the coefficients'
 * magnitude, which is why adders are used rather than BDDs or sorting networks.
 *
 * <p>{@code S ≥ K} is then the clause set { s_i ∨ ⋁_{j>i, K_j=0} s_j : K_i = 1 } (no further
 * auxiliaries); {@code S = K} is one unit clause per bit. Enforcement literals {@code e_1..e_k}
 * (an implication {@code e_1 ∧ … ∧ e_k → row}) are added as {@code ¬e_1 ∨ … ∨ ¬e_k} to each
 * comparator clause; the adder definitions stay unconditional. Clauses are copied; a Boolean
 * product {@code r = x·y} becomes {@code r ↔ x ∧ y}. Integer variables or products over integers
 * are refused ("not supported: … lower first").
 */
public final class PseudoBooleanToCnf {
    /** Constant-false pseudo literal (never written). */
    private static final int FALSE = 0;
    /** How many constraints are translated between two looks at the limits. */
    private static final int LIMITS_POLL = 256;

    /** How many auxiliary variables are made between two looks at the limits (one row can need millions). */
    private static final int FRESH_POLL = 1 << 12;

    private final List<int[]> clauses = new ArrayList<>();
    private final Limits limits;
    private int nextVar;

    private PseudoBooleanToCnf(int originals, Limits limits) {
        this.nextVar = originals;
        this.limits = limits;
    }

    /** Thrown inside the translation when the limits have expired; {@link #encode(Model, Limits)} returns empty. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Null if {@code model} can be translated, else the reason. */
    public static String refusal(Model model) {
        for (Var v : model.vars()) {
            if (!v.bool()) return "not supported: integer variable " + v.name() + " in CNF; lower first";
        }
        return null;
    }

    /** The CNF encoding of {@code model} (its objective, if any, is ignored here; see CnfWriter#wcnf). */
    public static CnfEncoding encode(Model model) {
        return encode(model, Limits.none()).orElseThrow();
    }

    /**
     * {@link #encode(Model)}, looking at {@code limits} first, every few hundred constraints and every few
     * thousand auxiliary variables (a large model, or one row of a large sum, takes seconds); empty when they
     * stopped it.
     */
    public static Optional<CnfEncoding> encode(Model model, Limits limits) {
        String why = refusal(model);
        if (why != null) throw new IllegalArgumentException(why);
        PseudoBooleanToCnf enc = new PseudoBooleanToCnf(model.vars().size(), limits);
        try {
            return Optional.of(enc.translate(model));
        } catch (Stopped stopped) {
            return Optional.empty();
        }
    }

    private CnfEncoding translate(Model model) {
        if (limits.expired()) throw new Stopped();
        for (Var v : model.vars()) {
            if (v.lower().signum() > 0) clauses.add(new int[] {v.index() + 1});
            if (v.upper().signum() == 0) clauses.add(new int[] {-(v.index() + 1)});
        }
        int done = 0;
        for (Constraint c : model.constraints()) {
            if (++done % LIMITS_POLL == 0 && limits.expired()) throw new Stopped();
            if (c instanceof Constraint.Clause cl) {
                int[] out = new int[cl.literals().size()];
                for (int i = 0; i < out.length; i++) out[i] = lit(cl.literals().get(i));
                clauses.add(out);
            } else if (c instanceof Constraint.Product p) {
                int r = p.result().index() + 1, x = p.left().index() + 1, y = p.right().index() + 1;
                clauses.add(new int[] {-r, x});
                clauses.add(new int[] {-r, y});
                clauses.add(new int[] {r, -x, -y});
            } else {
                row(PbRow.of((Constraint.Linear) c));
            }
        }
        return new CnfEncoding(model, new Cnf(nextVar, clauses));
    }

    private static int lit(Literal l) {
        return l.positive() ? l.var().index() + 1 : -(l.var().index() + 1);
    }

    private void row(PbRow r) {
        int[] guard = new int[r.enforcement().size()];
        for (int i = 0; i < guard.length; i++) guard[i] = -lit(r.enforcement().get(i));
        List<Integer> lits = new ArrayList<>();
        List<BigInteger> coeffs = new ArrayList<>();
        BigInteger k = r.rhs();
        BigInteger total = BigInteger.ZERO;
        for (Map.Entry<Var, BigInteger> t : r.coefficients().entrySet()) {
            int x = t.getKey().index() + 1;
            BigInteger a = t.getValue();
            if (a.signum() > 0) {
                lits.add(x);
                coeffs.add(a);
            } else {
                // a·x = a − a·¬x = a + |a|·¬x
                lits.add(-x);
                coeffs.add(a.negate());
                k = k.add(a.negate());
            }
            total = total.add(coeffs.get(coeffs.size() - 1));
        }
        boolean eq = r.relation() == Relation.EQ;
        if (!eq && k.signum() <= 0) return; // always true
        if (k.signum() < 0 || k.compareTo(total) > 0) { // always false
            clauses.add(guard.clone());
            return;
        }
        List<Integer> s = sumBits(lits, coeffs);
        int width = Math.max(s.size(), k.bitLength());
        for (int i = 0; i < width; i++) {
            int si = i < s.size() ? s.get(i) : FALSE;
            if (eq) {
                int want = k.testBit(i) ? si : negate(si);
                addGuarded(guard, List.of(want));
            } else if (k.testBit(i)) {
                List<Integer> cl = new ArrayList<>();
                cl.add(si);
                for (int j = i + 1; j < width; j++) if (!k.testBit(j)) cl.add(j < s.size() ? s.get(j) : FALSE);
                addGuarded(guard, cl);
            }
        }
    }

    /** Negation that maps the constant FALSE to a marker for TRUE. */
    private static int negate(int l) {
        return l == FALSE ? Integer.MAX_VALUE : -l;
    }

    private void addGuarded(int[] guard, List<Integer> lits) {
        List<Integer> out = new ArrayList<>();
        for (int g : guard) out.add(g);
        for (int l : lits) {
            if (l == Integer.MAX_VALUE) return; // contains TRUE: satisfied
            if (l != FALSE) out.add(l);
        }
        int[] a = new int[out.size()];
        for (int i = 0; i < a.length; i++) a[i] = out.get(i);
        clauses.add(a);
    }

    /** Sum bits (least significant first) of Σ coeffs[i]·lits[i]; FALSE for an empty bucket. */
    private List<Integer> sumBits(List<Integer> lits, List<BigInteger> coeffs) {
        List<ArrayDeque<Integer>> buckets = new ArrayList<>();
        for (int i = 0; i < lits.size(); i++) {
            BigInteger a = coeffs.get(i);
            for (int b = 0; b < a.bitLength(); b++) {
                if (a.testBit(b)) bucket(buckets, b).add(lits.get(i));
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int b = 0; b < buckets.size(); b++) {
            ArrayDeque<Integer> q = buckets.get(b);
            while (q.size() >= 2) {
                if (q.size() >= 3) {
                    int x = q.poll(), y = q.poll(), z = q.poll();
                    q.add(fullAdderSum(x, y, z));
                    bucket(buckets, b + 1).add(carry3(x, y, z));
                } else {
                    int x = q.poll(), y = q.poll();
                    q.add(xor(x, y));
                    bucket(buckets, b + 1).add(and(x, y));
                }
            }
            out.add(q.isEmpty() ? FALSE : q.poll());
        }
        return out;
    }

    private static ArrayDeque<Integer> bucket(List<ArrayDeque<Integer>> buckets, int b) {
        while (buckets.size() <= b) buckets.add(new ArrayDeque<>());
        return buckets.get(b);
    }

    private int fresh() {
        if ((nextVar & (FRESH_POLL - 1)) == 0 && limits.expired()) throw new Stopped();
        return ++nextVar;
    }

    /** s ↔ x ⊕ y ⊕ z. */
    private int fullAdderSum(int x, int y, int z) {
        int s = fresh();
        int[] in = {x, y, z};
        for (int m = 0; m < 8; m++) {
            int[] c = new int[4];
            int parity = 0;
            for (int i = 0; i < 3; i++) {
                boolean val = (m >> i & 1) == 1;
                parity ^= val ? 1 : 0;
                c[i] = val ? -in[i] : in[i]; // falsified exactly by this input pattern
            }
            c[3] = parity == 1 ? s : -s;
            clauses.add(c);
        }
        return s;
    }

    /** c ↔ majority(x, y, z). */
    private int carry3(int x, int y, int z) {
        int c = fresh();
        clauses.add(new int[] {-x, -y, c});
        clauses.add(new int[] {-x, -z, c});
        clauses.add(new int[] {-y, -z, c});
        clauses.add(new int[] {x, y, -c});
        clauses.add(new int[] {x, z, -c});
        clauses.add(new int[] {y, z, -c});
        return c;
    }

    /** s ↔ x ⊕ y. */
    private int xor(int x, int y) {
        int s = fresh();
        clauses.add(new int[] {-x, -y, -s});
        clauses.add(new int[] {x, y, -s});
        clauses.add(new int[] {-x, y, s});
        clauses.add(new int[] {x, -y, s});
        return s;
    }

    /** c ↔ x ∧ y. */
    private int and(int x, int y) {
        int c = fresh();
        clauses.add(new int[] {-x, -y, c});
        clauses.add(new int[] {x, -c});
        clauses.add(new int[] {y, -c});
        return c;
    }
}
