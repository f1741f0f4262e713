package org.ermbit.reductions.cnf;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.ermbit.core.spi.Limits;

/**
 * The pseudo-Boolean axioms of a {@link DratChecker} formula under slack-based unit propagation, for
 * the {@link DratClauseDatabase} that owns the assignment. Constraints are saturated (aᵢ := min(aᵢ, d),
 * which keeps the solutions and hence what propagation derives) and those with d ≤ 0 dropped; then,
 * with slack = Σ{aᵢ : ℓᵢ not false} − d, slack &lt; 0 is a conflict and every unassigned ℓᵢ with
 * aᵢ &gt; slack is forced true (the constraint cannot be satisfied without it).
 *
 * <p>All arithmetic is in long: a constraint whose saturated coefficient sum reaches 2^62 is refused
 * ({@link #fits}); with smaller sums slack stays within ±2^62. A constraint whose sum is below its degree
 * cannot be satisfied ({@link #unsatisfiable()}) and is not stored. The slack of each constraint is kept
 * up to date by the owner ({@link #falsified} when a literal becomes false, {@link #restored} when it is
 * unassigned); the literals of a constraint are stored by decreasing coefficient, so that
 * {@link #propagate} scans only the prefix with coefficients above the slack. Literals are encoded
 * as in {@link DratClauseDatabase} ({@code 2*variable + (negative ? 1 : 0)}).
 */
final class DratPbConstraints {

    /** How the owner assigns a forced literal; {@code reason} is {@link #reason} of the constraint. */
    interface Assigner {
        void assign(int literal, int reason);
    }

    /** Saturated coefficient sums from here on do not fit the long arithmetic. */
    static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(62);
    /** Occurrence visits between two looks at the limits (about 100k). */
    private static final int TICK_MASK = (1 << 17) - 1;

    private final Limits limits;
    private long ticks;
    /** Constraint c owns positions start[c] .. start[c+1]-1 of lits and coefs, by decreasing coefficient. */
    private final int[] start;
    private final int[] lits;
    private final long[] coefs;
    private final long[] slack;
    /** Per literal: the positions where it occurs. */
    /** Per literal: the constraints it occurs in, and its (saturated) coefficient in each. */
    private final int[][] occurrences;
    private final long[][] occurrenceCoefficients;
    private final String unsatisfiable;
    /** The constraint of the last {@link DratClauseDatabase#CONFLICT} of {@link #propagate}. */
    private int conflict = -1;
    /** The largest variable of the constraints: literals beyond occur in none. */
    private final int variables;

    /** @throws IllegalArgumentException when a constraint does not {@link #fits fit} */
    DratPbConstraints(List<PbConstraint> constraints, Limits limits) {
        this.limits = limits;
        this.variables = maxVariable(constraints);
        int n = constraints.size();
        int[] startOf = new int[n + 1];
        int total = 0;
        for (PbConstraint p : constraints) total += p.size();
        int[] l = new int[total];
        long[] a = new long[total];
        int[] own = new int[total];
        long[] s = new long[n];
        int[] counts = new int[2 * variables + 2];
        String unsat = null;
        int kept = 0;
        int at = 0;
        for (int k = 0; k < n; k++) {
            PbConstraint p = constraints.get(k);
            if (p.degree().signum() <= 0) continue; // trivially true
            if (!fits(p)) {
                throw new IllegalArgumentException("pseudo-Boolean constraint " + k + " (" + p
                        + ") has a saturated coefficient sum of 2^62 or more: it cannot be checked in long arithmetic");
            }
            BigInteger sum = saturatedSum(p);
            if (sum.compareTo(p.degree()) < 0) {
                if (unsat == null) unsat = "pseudo-Boolean constraint " + k + " cannot be satisfied";
                continue;
            }
            long d = p.degree().longValueExact(); // d ≤ sum < 2^62
            Integer[] order = new Integer[p.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (x, y) -> p.coefficient(y).compareTo(p.coefficient(x)));
            startOf[kept] = at;
            for (int i : order) {
                int lit = p.literal(i);
                l[at] = lit > 0 ? lit << 1 : (-lit << 1) | 1;
                a[at] = p.coefficient(i).min(p.degree()).longValueExact();
                own[at] = kept;
                counts[l[at]]++;
                at++;
            }
            s[kept] = sum.longValueExact() - d;
            kept++;
        }
        startOf[kept] = at;
        this.start = Arrays.copyOf(startOf, kept + 1);
        this.lits = Arrays.copyOf(l, at);
        this.coefs = Arrays.copyOf(a, at);
        this.slack = Arrays.copyOf(s, kept);
        this.unsatisfiable = unsat;
        occurrences = new int[counts.length][];
        occurrenceCoefficients = new long[counts.length][];
        for (int lit = 0; lit < counts.length; lit++) {
            occurrences[lit] = new int[counts[lit]];
            occurrenceCoefficients[lit] = new long[counts[lit]];
        }
        Arrays.fill(counts, 0);
        for (int pos = 0; pos < at; pos++) {
            int lit = lits[pos];
            occurrences[lit][counts[lit]] = own[pos];
            occurrenceCoefficients[lit][counts[lit]++] = coefs[pos];
        }
    }

    /** Whether {@code p} can be checked in long arithmetic: d ≤ 0, or its saturated coefficient sum is below 2^62. */
    static boolean fits(PbConstraint p) {
        return p.degree().signum() <= 0 || saturatedSum(p).compareTo(LIMIT) < 0;
    }

    private static BigInteger saturatedSum(PbConstraint p) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < p.size(); i++) sum = sum.add(p.coefficient(i).min(p.degree()));
        return sum;
    }

    /** The largest variable of {@code constraints} (0 when there is none). */
    static int maxVariable(List<PbConstraint> constraints) {
        int max = 0;
        for (PbConstraint p : constraints) {
            for (int i = 0; i < p.size(); i++) max = Math.max(max, Math.abs(p.literal(i)));
        }
        return max;
    }

    /** The largest variable the constraints use. */
    int variables() {
        return variables;
    }

    /** Why the constraints cannot all be satisfied whatever the assignment, or null. */
    String unsatisfiable() {
        return unsatisfiable;
    }

    /** The reason code of constraint {@code c} on the owner's trail: negative, so no clause reference. */
    static int reason(int c) {
        return -1 - c;
    }

    /** Literal {@code lit} has become false: the slack of every constraint containing it drops. */
    void falsified(int lit) {
        if (lit >= occurrences.length) return;
        int[] cs = occurrences[lit];
        long[] as = occurrenceCoefficients[lit];
        for (int k = 0; k < cs.length; k++) slack[cs[k]] -= as[k];
    }

    /** Literal {@code lit}, false until now, is unassigned: undoes {@link #falsified}. */
    void restored(int lit) {
        if (lit >= occurrences.length) return;
        int[] cs = occurrences[lit];
        long[] as = occurrenceCoefficients[lit];
        for (int k = 0; k < cs.length; k++) slack[cs[k]] += as[k];
    }

    /**
     * Forces through {@code out} what every constraint forces under the current slacks (at the start:
     * the literals whose coefficient exceeds Σa − d). The owner propagates the new assignments.
     */
    void propagateAll(byte[] values, Assigner out) {
        for (int c = 0; c + 1 < start.length; c++) force(c, values, out);
    }

    /**
     * After {@code falseLit} became false (and {@link #falsified} ran): {@link DratClauseDatabase#CONFLICT}
     * when a constraint containing it has a negative slack, else forces through {@code out} the literals
     * the constraints containing it now force and returns {@link DratClauseDatabase#OK};
     * {@link DratClauseDatabase#STOPPED} when the limits expired.
     */
    int propagate(int falseLit, byte[] values, Assigner out) {
        if (falseLit >= occurrences.length) return DratClauseDatabase.OK;
        for (int c : occurrences[falseLit]) {
            if ((++ticks & TICK_MASK) == 0 && limits.expired()) return DratClauseDatabase.STOPPED;
            if (slack[c] < 0) {
                conflict = c;
                return DratClauseDatabase.CONFLICT;
            }
            force(c, values, out);
        }
        return DratClauseDatabase.OK;
    }

    /** The constraint whose negative slack was the last conflict {@link #propagate} reported. */
    int conflict() {
        return conflict;
    }

    /** Constraint {@code c}'s literals are at positions {@code first(c) .. first(c + 1) - 1} ({@link #literalAt}). */
    int first(int c) {
        return start[c];
    }

    /** The literal at {@code position} of the constraints' literal table. */
    int literalAt(int position) {
        return lits[position];
    }

    /** Assigns every unassigned literal of constraint c whose coefficient exceeds its slack (which stays the same). */
    private void force(int c, byte[] values, Assigner out) {
        long s = slack[c];
        for (int k = start[c], end = start[c + 1]; k < end && coefs[k] > s; k++) {
            int lit = lits[k];
            if (values[lit] == 0) out.assign(lit, reason(c));
        }
    }
}
