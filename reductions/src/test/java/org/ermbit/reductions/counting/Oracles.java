package org.ermbit.reductions.counting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ermbit.reductions.cnf.Cnf;

/** Brute-force test oracles (independent of the code under test) and tiny formula families. */
final class Oracles {
    private Oracles() {
    }

    /** Number of models by trying all 2^n assignments. */
    static BigInteger bruteForceModels(Cnf cnf) {
        int n = cnf.variables();
        long count = 0;
        boolean[] a = new boolean[n + 1];
        for (long mask = 0; mask < 1L << n; mask++) {
            for (int v = 1; v <= n; v++) a[v] = (mask >>> (v - 1) & 1) == 1;
            if (cnf.isSatisfiedBy(a)) count++;
        }
        return BigInteger.valueOf(count);
    }

    /** Number of index subsets with the target sum, by trying all 2^m subsets. */
    static BigInteger bruteForceSubsets(SubsetSum s) {
        int m = s.items().size();
        long count = 0;
        for (long mask = 0; mask < 1L << m; mask++) {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < m; i++) if ((mask >>> i & 1) == 1) sum = sum.add(s.items().get(i));
            if (sum.equals(s.target())) count++;
        }
        return BigInteger.valueOf(count);
    }

    /** The largest number of subsets sharing one sum (to check the digit width M). */
    static long maxSubsetsPerSum(SubsetSum s) {
        Map<BigInteger, Long> bySum = new HashMap<>();
        int m = s.items().size();
        for (long mask = 0; mask < 1L << m; mask++) {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < m; i++) if ((mask >>> i & 1) == 1) sum = sum.add(s.items().get(i));
            bySum.merge(sum, 1L, Long::sum);
        }
        return bySum.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Every clause over variables 1..2 with 1–3 distinct literals (14 clauses, tautologies included). */
    static List<int[]> allClausesOverTwoVariables() {
        int[] lits = {1, -1, 2, -2};
        List<int[]> out = new ArrayList<>();
        for (int mask = 1; mask < 16; mask++) {
            if (Integer.bitCount(mask) > 3) continue;
            List<Integer> c = new ArrayList<>();
            for (int i = 0; i < 4; i++) if ((mask >>> i & 1) == 1) c.add(lits[i]);
            out.add(c.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** The exhaustive family: every CNF over 2 variables with 0, 1 or 2 clauses from the 14 above (211 formulas). */
    static List<Cnf> exhaustiveTwoVariableFamily() {
        List<int[]> cl = allClausesOverTwoVariables();
        List<Cnf> out = new ArrayList<>();
        out.add(new Cnf(2, List.of()));
        for (int[] c : cl) out.add(new Cnf(2, List.of(c)));
        for (int[] c : cl) for (int[] d : cl) out.add(new Cnf(2, List.of(c, d)));
        return out;
    }

    /** A random CNF with clauses of 1–3 literals (repeats and tautologies possible). */
    static Cnf random(Random rnd, int vars, int clauses) {
        List<int[]> cs = new ArrayList<>();
        for (int c = 0; c < clauses; c++) {
            int k = 1 + rnd.nextInt(3);
            int[] lits = new int[k];
            for (int i = 0; i < k; i++) lits[i] = (1 + rnd.nextInt(vars)) * (rnd.nextBoolean() ? 1 : -1);
            cs.add(lits);
        }
        return new Cnf(vars, cs);
    }
}
