package org.ermbit.reductions.counting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ermbit.reductions.cnf.Cnf;

/**
 * Parsimonious reduction #SAT → #SubsetSum (DESIGN §8): the number of subsets hitting the target
 * equals the number of models of the CNF (over all its declared variables).
 *
 * <p><b>Normalisation.</b> Each clause is read as the <em>set</em> of its literals (duplicates
 * removed); a clause containing x and ¬x is always true and is dropped; identical clauses are kept
 * once. None of this changes the set of models.
 *
 * <p><b>Digits.</b> Numbers are written in a mixed radix: one digit per variable (least
 * significant first), then one per remaining clause. Items:
 * <ul>
 * <li>per variable v: T_v with a 1 in v's digit and in the digit of every clause containing v;
 *     F_v likewise for ¬v;</li>
 * <li>per clause c with k ≥ 1 distinct literals: s = ⌈log₂ k⌉ slack items 1, 2, …, 2^(s−1) in c's
 *     digit (for 3-clauses: 1 and 2);</li>
 * <li>target digit 1 for a variable, 2^s for a clause (4 for a 3-clause). An empty clause gets
 *     target digit 1 and no items, so nothing reaches the target.</li>
 * </ul>
 *
 * <p><b>Radices (smallest possible, no carries).</b> A digit's radix must exceed the largest sum
 * any subset can put into it. Variable digit: T_v + F_v = 2, radix 3. Clause digit with k literals:
 * each literal lies in exactly one variable item, so at most k from literals plus
 * 1 + 2 + … + 2^(s−1) = 2^s − 1 from slack: radix k + 2^s (7 for k = 3, 4 for k = 2, 2 for k = 1).
 * With no digit overflowing, a subset sum equals T iff every digit sum equals its target digit.
 *
 * <p><b>Parsimony.</b> The variable digits force exactly one of T_v, F_v per variable: a bijection
 * between choices and assignments. Given an assignment, clause c's digit receives t_c = number of
 * true literals of c (0 ≤ t_c ≤ k ≤ 2^s) from the literal items, and needs 2^s − t_c from slack.
 * Subsets of {1, 2, …, 2^(s−1)} realise each of 0 … 2^s − 1 exactly once (binary notation), so
 * the slack completion exists iff t_c ≥ 1 (c satisfied) and is then unique. Hence each model
 * extends to exactly one subset and non-models to none. (The uniform slacks {1, 2} with target 4 of
 * DESIGN §8 are also correct for k ≤ 3 but waste radix — 5 and 6 instead of 2 and 4 for k = 1, 2 —
 * and fail for k ≥ 5, where t_c = 5 would need slack −1.)
 *
 * <p><b>Minimality.</b> For a 3-clause the slack must realise the three values 2^s − 1, …, 2^s − 3
 * uniquely; slack multisets summing to ≤ 2 ({2}, {1,1}, {1}) cannot, so 3 = 1 + 2 is the least
 * total slack and 7 the least radix. For k = 2, slack {1} is least; for k = 1 none is needed.
 * Since every digit's radix is one more than its maximal digit sum, Σ a_i = Π radices − 1.
 */
public final class Sharp3SatToSubsetSum {

    /** The reduction's name. */
    public static final String NAME = "sharp3sat-subsetsum";

    private Sharp3SatToSubsetSum() {
    }

    /** The reduced instance with its digit layout. */
    public record Output(SubsetSum instance, List<Integer> radices, int variableDigits, List<int[]> clauses) {
        /** Π radices = Σ items + 1. */
        public BigInteger radixProduct() {
            return radices.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
        }
    }

    /** The normalised clauses: literal sets, tautologies dropped, duplicates removed (order kept). */
    static List<int[]> normalise(Cnf cnf) {
        Set<List<Integer>> seen = new LinkedHashSet<>();
        for (int[] c : cnf.clauses()) {
            TreeSet<Integer> lits = new TreeSet<>();
            for (int l : c) lits.add(l);
            boolean tautology = lits.stream().anyMatch(l -> lits.contains(-l));
            if (!tautology) seen.add(List.copyOf(lits));
        }
        List<int[]> out = new ArrayList<>();
        for (List<Integer> c : seen) out.add(c.stream().mapToInt(Integer::intValue).toArray());
        return out;
    }

    /** s = ⌈log₂ k⌉ for k ≥ 1 (number of slack items of a clause with k literals). */
    static int slackCount(int k) {
        return k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
    }

    public static Output reduce(Cnf cnf) {
        int n = cnf.variables();
        List<int[]> clauses = normalise(cnf);
        List<Integer> radices = new ArrayList<>();
        for (int v = 1; v <= n; v++) radices.add(3);
        for (int[] c : clauses) {
            int k = c.length;
            radices.add(k == 0 ? 2 : k + (1 << slackCount(k)));
        }
        BigInteger[] place = new BigInteger[radices.size()];
        BigInteger p = BigInteger.ONE;
        for (int d = 0; d < radices.size(); d++) {
            place[d] = p;
            p = p.multiply(BigInteger.valueOf(radices.get(d)));
        }
        List<BigInteger> items = new ArrayList<>();
        BigInteger target = BigInteger.ZERO;
        for (int v = 1; v <= n; v++) {
            BigInteger pos = place[v - 1];
            BigInteger neg = place[v - 1];
            for (int ci = 0; ci < clauses.size(); ci++) {
                for (int l : clauses.get(ci)) {
                    if (l == v) pos = pos.add(place[n + ci]);
                    if (l == -v) neg = neg.add(place[n + ci]);
                }
            }
            items.add(pos);
            items.add(neg);
            target = target.add(place[v - 1]);
        }
        for (int ci = 0; ci < clauses.size(); ci++) {
            int k = clauses.get(ci).length;
            BigInteger pl = place[n + ci];
            if (k == 0) {
                target = target.add(pl);
                continue;
            }
            int s = slackCount(k);
            for (int j = 0; j < s; j++) items.add(pl.shiftLeft(j));
            target = target.add(pl.shiftLeft(s));
        }
        return new Output(new SubsetSum(items, target), List.copyOf(radices), n,
                clauses.stream().map(c -> Arrays.copyOf(c, c.length)).toList());
    }
}
