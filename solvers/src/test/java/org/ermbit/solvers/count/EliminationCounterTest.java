package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EliminationCounter} against brute force on seeded random formulas and against counts
 * known in closed form, plus the width refusal.
 */
class EliminationCounterTest {
    private static final BruteForceCounter ORACLE = new BruteForceCounter();

    /** A formula in the counter's local encoding: variables 0..nv-1, literal 2v / 2v+1. */
    private record Local(int nv, int[] start, int[] lits) {
        int clauses() {
            return start.length - 1;
        }

        static Local of(int nv, List<int[]> clauses) {
            int[] start = new int[clauses.size() + 1];
            int total = clauses.stream().mapToInt(c -> c.length).sum();
            int[] lits = new int[total];
            int pos = 0;
            for (int i = 0; i < clauses.size(); i++) {
                start[i] = pos;
                for (int l : clauses.get(i)) lits[pos++] = l;
            }
            start[clauses.size()] = pos;
            return new Local(nv, start, lits);
        }

        /** The same formula as a DIMACS-numbered CNF over variables 1..nv. */
        Cnf toCnf() {
            List<int[]> clauses = new ArrayList<>();
            for (int c = 0; c < clauses(); c++) {
                int[] d = new int[start[c + 1] - start[c]];
                for (int k = 0; k < d.length; k++) {
                    int l = lits[start[c] + k];
                    d[k] = (l & 1) == 0 ? (l >> 1) + 1 : -((l >> 1) + 1);
                }
                clauses.add(d);
            }
            return new Cnf(nv, clauses);
        }

        long count(EliminationCounter counter, int maxWidth) {
            return counter.count(nv, start, lits, clauses(), maxWidth);
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 1000);
    }

    /** Random formula: 0..16 variables, clauses of 0..6 distinct variables, density varies. */
    static Local random(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 5);
        int nv = rnd.nextInt(17);
        int m = nv == 0 ? rnd.nextInt(2) : rnd.nextInt(1 + nv * (1 + rnd.nextInt(4)));
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int len = nv == 0 || rnd.nextInt(50) == 0 ? 0 : 1 + rnd.nextInt(Math.min(nv, 6));
            int[] vars = len == 0 ? new int[0] : rnd.ints(0, nv).distinct().limit(len).toArray();
            int[] c = new int[vars.length];
            for (int k = 0; k < c.length; k++) c[k] = 2 * vars[k] + (rnd.nextBoolean() ? 1 : 0);
            clauses.add(c);
        }
        return Local.of(nv, clauses);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithBruteForce(long seed) {
        Local f = random(seed);
        long expected = ORACLE.count(f.toCnf(), Limits.none()).exactCount().longValueExact();
        // one counter reused across seeds, as ComponentSearch reuses it
        assertEquals(expected, SHARED.count(f.nv(), f.start(), f.lits(), f.clauses(), EliminationCounter.MAX_WIDTH),
                () -> "seed " + seed);
    }

    private static final EliminationCounter SHARED = new EliminationCounter();

    @Test
    void chainOf62VariablesCountsFibonacci() {
        // (x_i ∨ x_{i+1}) for i < 61: bit strings of length 62 without two adjacent zeros, F(64)
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i + 1 < 62; i++) clauses.add(new int[] {2 * i, 2 * (i + 1)});
        BigInteger a = BigInteger.ONE;
        BigInteger b = BigInteger.ONE; // F(1), F(2)
        for (int k = 3; k <= 64; k++) {
            BigInteger c = a.add(b);
            a = b;
            b = c;
        }
        assertEquals(new BigInteger("10610209857723"), b);
        assertEquals(b.longValueExact(), Local.of(62, clauses).count(new EliminationCounter(), 1));
    }

    @Test
    void sixtyTwoFreeVariablesCount2To62() {
        assertEquals(1L << 62, Local.of(62, List.of()).count(new EliminationCounter(), 0));
    }

    @Test
    void nearlyAllOf62VariablesFreeWithOneClause() {
        // one clause over 3 of 62 variables: 2^62 · 7/8
        List<int[]> clauses = List.<int[]>of(new int[] {1, 2, 5});
        assertEquals(7L << 59, Local.of(62, clauses).count(new EliminationCounter(), 2));
    }

    @Test
    void emptyClauseCountsZero() {
        List<int[]> clauses = List.of(new int[] {0, 2}, new int[0]);
        assertEquals(0, Local.of(3, clauses).count(new EliminationCounter(), 4));
    }

    @Test
    void refusesWhenTheOrderIsWiderThanTheLimit() {
        // all pairs of 8 variables as binary clauses: a clique, every elimination order has width 7
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < 8; i++) for (int j = i + 1; j < 8; j++) clauses.add(new int[] {2 * i, 2 * j});
        Local clique = Local.of(8, clauses);
        EliminationCounter counter = new EliminationCounter();
        assertEquals(-1, clique.count(counter, 6));
        // at most one variable false: 1 + 8
        assertEquals(9, clique.count(counter, 7));
    }

    @Test
    void rejectsTooManyVariablesAndTooWideALimit() {
        EliminationCounter counter = new EliminationCounter();
        assertThrows(IllegalArgumentException.class, () -> Local.of(63, List.of()).count(counter, 3));
        assertThrows(IllegalArgumentException.class,
                () -> Local.of(3, List.of()).count(counter, EliminationCounter.MAX_WIDTH + 1));
    }

    /** Chain (x_i ∨ x_{i+1}) over n variables: no two adjacent falses, F(n + 2) models; elimination width 1. */
    private static Local chain(int n) {
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) clauses.add(new int[] {2 * i, 2 * (i + 1)});
        return Local.of(n, clauses);
    }

    @Test
    void aReusedCounterForgetsThePreviousFormulaAndWidthOneIsEnoughForAChain() {
        EliminationCounter counter = new EliminationCounter();
        assertEquals(144, chain(10).count(counter, 1)); // F(12) = 144
        // every pair of 10 variables in one clause (x_i ∨ x_j): at most one false variable, 11 models
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) for (int j = i + 1; j < 10; j++) pairs.add(new int[] {2 * i, 2 * j});
        assertEquals(11, Local.of(10, pairs).count(counter, 9));
        assertEquals(-1, Local.of(10, pairs).count(counter, 8));
        assertEquals(144, chain(10).count(counter, 1)); // the complete graph of the previous call is gone
        assertEquals(-1, chain(10).count(counter, 0));
    }

    @Test
    void aVariableInManyFactorsIsEliminatedWithAllOfThem() {
        // star: (x0 ∨ x_i) for i = 1..20. x0 true: 2^20 models; x0 false: every x_i true, 1 model.
        // The leaves go first, each leaving a factor over x0: x0's bucket holds 20 factors.
        List<int[]> star = new ArrayList<>();
        for (int i = 1; i <= 20; i++) star.add(new int[] {0, 2 * i});
        assertEquals((1L << 20) + 1, Local.of(21, star).count(new EliminationCounter(), 1));
    }
}
