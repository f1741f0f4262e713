package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;
import org.ermbit.reductions.cnf.DimacsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search of the component counter ({@link ComponentSearch}), fast enough for mutation testing
 * (docs/TESTING.md):
 * seeded random CNFs of up to 20 variables (large enough for branching, caching and elimination;
 * counted by every path: elimination on or off, a large or a tiny cache, and as cubes over
 * assumptions sharing one cache) against brute-force enumeration, and hand-counted structures for
 * the documented special paths and statistics (docs/COUNTING.md). States that only a longer run
 * reaches (the visit stamp wrapping around after 2^31 decompositions, a progress report due after
 * 3 s) are set by reflection, so that no test waits.
 */
class ComponentSearchTest {
    private static final long BIG_CACHE = 1L << 24;

    // ---------------------------------------------------------------- oracle

    /**
     * Models of {@code cnf} that also satisfy the DIMACS literals {@code assumptions}, by enumerating
     * all 2^n assignments as bit masks (n at most 22). Independent of the search.
     */
    static long bruteForce(Cnf cnf, int... assumptions) {
        int n = cnf.variables();
        if (n > 22) throw new IllegalArgumentException("brute force is for tiny formulas only");
        List<int[]> all = new ArrayList<>(cnf.clauses());
        for (int a : assumptions) all.add(new int[] {a});
        long[] pos = new long[all.size()];
        long[] neg = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            for (int lit : all.get(i)) {
                if (lit > 0) pos[i] |= 1L << (lit - 1);
                else neg[i] |= 1L << (-lit - 1);
            }
        }
        long models = 0;
        for (long a = 0; a < 1L << n; a++) {
            boolean ok = true;
            for (int i = 0; i < pos.length && ok; i++) ok = (a & pos[i]) != 0 || (~a & neg[i]) != 0;
            if (ok) models++;
        }
        return models;
    }

    static CountResult count(Cnf cnf, int width, long cacheBytes) {
        return new ComponentCounter(cacheBytes, 1, width).count(cnf, Limits.none());
    }

    static CountResult search(Cnf cnf, int[] assumptions, ComponentCache cache, int width) {
        return new ComponentSearch(cnf, assumptions, Limits.none(), CountProgress.NONE, cache, width).run();
    }

    static Cnf cnf(int n, int[]... clauses) {
        return new Cnf(n, List.of(clauses));
    }

    /** The clauses (x_i ∨ x_{i+1}) for i = from..to-1: no two adjacent false variables. */
    static List<int[]> chain(int from, int to) {
        List<int[]> cs = new ArrayList<>();
        for (int v = from; v < to; v++) cs.add(new int[] {v, v + 1});
        return cs;
    }

    /** Fibonacci: F(1) = F(2) = 1. A chain over k variables has F(k + 2) models. */
    static BigInteger fib(int k) {
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            BigInteger t = a.add(b);
            a = b;
            b = t;
        }
        return a;
    }

    // ---------------------------------------------------------------- random formulas

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    /**
     * A random CNF over 0..20 variables: mostly 3-literal clauses at ratios 0.5..5 (so that
     * components of more than 10 variables, branching, conflicts and cache hits occur), with unit,
     * long and empty clauses, duplicate literals, tautologies and unused variables now and then.
     */
    static Cnf randomCnf(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 12345);
        int n = rnd.nextInt(4) == 0 ? rnd.nextInt(11) : 11 + rnd.nextInt(10);
        int m = n == 0 ? rnd.nextInt(3) : (int) (n * (0.5 + 4.5 * rnd.nextDouble()));
        int range = n == 0 ? 0 : rnd.nextInt(5) == 0 ? Math.max(1, n - 1 - rnd.nextInt(3)) : n;
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int len;
            if (n == 0 || rnd.nextInt(150) == 0) len = 0;
            else if (rnd.nextInt(12) == 0) len = 1;
            else if (rnd.nextInt(6) == 0) len = 2;
            else if (rnd.nextInt(8) == 0) len = 4 + rnd.nextInt(4);
            else len = 3;
            int[] c = new int[len];
            for (int k = 0; k < len; k++) {
                int v = 1 + rnd.nextInt(range);
                c[k] = rnd.nextBoolean() ? v : -v;
            }
            if (len >= 2 && rnd.nextInt(10) == 0) c[len - 1] = c[0]; // duplicate literal
            if (len >= 2 && rnd.nextInt(12) == 0) c[len - 1] = -c[0]; // tautology
            clauses.add(c);
        }
        return new Cnf(n, clauses);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyPathAgreesWithBruteForce(long seed) {
        Cnf cnf = randomCnf(seed);
        BigInteger expected = BigInteger.valueOf(bruteForce(cnf));
        // branching only (the search proper); elimination of narrow components; width 1 (most
        // components refused by elimination after trying); a cache emptied all the time
        int[][] configs = {{-1, 0}, {ComponentSearch.ELIMINATION_WIDTH, 0}, {1, 0}, {-1, 1}, {2, 1}};
        for (int[] config : configs) {
            long budget = config[1] == 0 ? BIG_CACHE : 300;
            CountResult r = count(cnf, config[0], budget);
            assertEquals(CountStatus.COUNTED, r.status());
            assertEquals(expected, r.exactCount(),
                    () -> "seed " + seed + " width " + config[0] + " cache " + budget + "\n" + DimacsWriter.write(cnf));
        }
    }

    /**
     * The cubes over three variables counted one after another by searches sharing one cache (as the
     * parallel split does): each cube's count equals brute force under the same assumptions, so
     * entries stored by one cube's search are right for the others; the cubes sum to the total.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void cubesSharingACacheAgreeWithBruteForce(long seed) {
        if (seed % 3 != 0) return;
        Cnf cnf = randomCnf(seed);
        if (cnf.variables() < 3) return;
        int n = cnf.variables();
        int[] cubeVars = {1, 1 + n / 2, n};
        int[][] cubes = new int[8][3];
        long[] expected = new long[8];
        long total = 0;
        for (int cube = 0; cube < 8; cube++) {
            for (int i = 0; i < 3; i++) cubes[cube][i] = ((cube >> i) & 1) == 1 ? -cubeVars[i] : cubeVars[i];
            expected[cube] = bruteForce(cnf, cubes[cube]);
            total += expected[cube];
        }
        assertEquals(bruteForce(cnf), total);
        for (int width : new int[] {-1, ComponentSearch.ELIMINATION_WIDTH}) {
            ComponentCache shared = new ComponentCache(BIG_CACHE);
            for (int round = 0; round < 2; round++) { // the second round finds the first round's entries
                for (int cube = 0; cube < 8; cube++) {
                    int[] assumptions = cubes[cube];
                    CountResult r = search(cnf, assumptions, shared, width);
                    assertEquals(BigInteger.valueOf(expected[cube]), r.exactCount(),
                            () -> "seed " + seed + " width " + width + " cube " + Arrays.toString(assumptions)
                                    + "\n" + DimacsWriter.write(cnf));
                }
            }
        }
    }

    // ---------------------------------------------------------------- structural cases

    @Test
    void emptyFormulaHasOneModelAndUnusedVariablesDoubleIt() {
        assertEquals(BigInteger.ONE, count(cnf(0), -1, BIG_CACHE).exactCount());
        assertEquals(BigInteger.valueOf(32), count(cnf(5), -1, BIG_CACHE).exactCount());
        // (x1 ∨ x2) and 8 variables in no clause: 3 · 2^8
        assertEquals(BigInteger.valueOf(3 * 256), count(cnf(10, new int[] {1, 2}), -1, BIG_CACHE).exactCount());
        // 100 variables, one clause over two of them: 3 · 2^98
        assertEquals(BigInteger.valueOf(3).shiftLeft(98), count(cnf(100, new int[] {-7, 90}), -1, BIG_CACHE).exactCount());
    }

    @Test
    void anEmptyClauseMeansNoModels() {
        assertEquals(BigInteger.ZERO, count(cnf(3, new int[0]), -1, BIG_CACHE).exactCount());
        assertEquals(BigInteger.ZERO, count(cnf(0, new int[0]), -1, BIG_CACHE).exactCount());
        assertEquals(BigInteger.ZERO, count(cnf(3, new int[] {1, 2}, new int[0], new int[] {3}), -1, BIG_CACHE).exactCount());
        // also when assumptions are given
        assertEquals(BigInteger.ZERO, search(cnf(3, new int[] {1}, new int[0]), new int[] {2}, new ComponentCache(BIG_CACHE), -1).exactCount());
    }

    @Test
    void unitClausesAreAssignedAndContradictoryUnitsGiveZero() {
        // x1, ¬x2, x3 fixed; x4, x5 free
        assertEquals(BigInteger.valueOf(4), count(cnf(5, new int[] {1}, new int[] {-2}, new int[] {3}), -1, BIG_CACHE).exactCount());
        // the same unit three times: one model of x1
        assertEquals(BigInteger.ONE, count(cnf(1, new int[] {1}, new int[] {1}, new int[] {1}), -1, BIG_CACHE).exactCount());
        assertEquals(BigInteger.ZERO, count(cnf(2, new int[] {1}, new int[] {-1}), -1, BIG_CACHE).exactCount());
        assertEquals(BigInteger.ZERO, count(cnf(2, new int[] {1}, new int[] {2}, new int[] {-1}), -1, BIG_CACHE).exactCount());
        // seven units (past the initial unit buffer of four), each twice, and (¬x1 ∨ x8 ∨ x9) left:
        // x8 ∨ x9 with x10 free: 3 · 2
        List<int[]> cs = new ArrayList<>();
        for (int v = 1; v <= 7; v++) {
            cs.add(new int[] {v % 2 == 0 ? -v : v});
            cs.add(new int[] {v % 2 == 0 ? -v : v});
        }
        cs.add(new int[] {-1, 8, 9});
        assertEquals(BigInteger.valueOf(6), count(new Cnf(10, cs), -1, BIG_CACHE).exactCount());
        cs.add(new int[] {-7});
        assertEquals(BigInteger.ZERO, count(new Cnf(10, cs), -1, BIG_CACHE).exactCount());
    }

    @Test
    void unitsPropagateAtTheRoot() {
        // x1 forces x2 forces x3; (¬x3 ∨ ¬x4 ∨ x5); x6 free: x4 → x5 gives 3, times 2
        Cnf cnf = cnf(6, new int[] {1}, new int[] {-1, 2}, new int[] {-2, 3}, new int[] {-3, -4, 5});
        assertEquals(BigInteger.valueOf(6), count(cnf, -1, BIG_CACHE).exactCount());
        // a conflict found by propagation at the root
        Cnf conflict = cnf(4, new int[] {-1}, new int[] {1, 2}, new int[] {-2, 3}, new int[] {-2, -3}, new int[] {3, 4});
        assertEquals(BigInteger.ZERO, count(conflict, -1, BIG_CACHE).exactCount());
        assertEquals(0, count(conflict, -1, BIG_CACHE).stats().decisions());
    }

    @Test
    void duplicateLiteralsAndTautologiesAreNormalised() {
        // (x1 ∨ x1) is the unit x1
        assertEquals(BigInteger.valueOf(4), count(cnf(3, new int[] {1, 1}), -1, BIG_CACHE).exactCount());
        // (¬x2 ∨ x1 ∨ ¬x2 ∨ x1) is (x1 ∨ ¬x2): 3 · 2
        assertEquals(BigInteger.valueOf(6), count(cnf(3, new int[] {-2, 1, -2, 1}), -1, BIG_CACHE).exactCount());
        // tautologies in any position and with repeats are dropped: all 2^3
        assertEquals(BigInteger.valueOf(8), count(cnf(3, new int[] {1, -1}, new int[] {2, 3, -2}, new int[] {-3, 1, 3, -3}), -1, BIG_CACHE).exactCount());
        // a tautology next to a unit and a normal clause
        assertEquals(BigInteger.valueOf(3), count(cnf(3, new int[] {3, -3, 3}, new int[] {-1}, new int[] {2, 3}), -1, BIG_CACHE).exactCount());
    }

    @Test
    void pureLiteralsAreCountedNotFixed() {
        // x1 occurs only positively: (x1 ∨ x2)(x1 ∨ ¬x3)(x2 ∨ x3 ∨ x4): counting must not set x1
        Cnf cnf = cnf(4, new int[] {1, 2}, new int[] {1, -3}, new int[] {2, 3, 4});
        assertEquals(BigInteger.valueOf(bruteForce(cnf)), count(cnf, -1, BIG_CACHE).exactCount());
        assertEquals(BigInteger.valueOf(9), count(cnf, -1, BIG_CACHE).exactCount());
    }

    @Test
    void aSingleOpenClauseCounts2ToTheKMinus1WithoutSearch() {
        int[] clause = IntStream.rangeClosed(1, 70).map(v -> v % 3 == 0 ? -v : v).toArray();
        CountResult r = count(cnf(70, clause), -1, BIG_CACHE);
        assertEquals(BigInteger.ONE.shiftLeft(70).subtract(BigInteger.ONE), r.exactCount());
        assertEquals(0, r.stats().decisions());
        assertEquals(0, r.stats().cacheLookups());
        // a clause and an independent pair of clauses: (2^12 - 1) · 3
        List<int[]> cs = new ArrayList<>();
        cs.add(IntStream.rangeClosed(1, 12).toArray());
        cs.add(new int[] {13, 14});
        cs.add(new int[] {13, -14});
        assertEquals(BigInteger.valueOf(4095 * 2), count(new Cnf(14, cs), -1, BIG_CACHE).exactCount());
    }

    @Test
    void disconnectedComponentsMultiply() {
        // 20 disjoint copies of (a ∨ b)(¬a ∨ b ∨ c): 5 models each (b, or ¬b with a ∧ ... : 4 + 1)
        List<int[]> cs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int a = 3 * i + 1;
            cs.add(new int[] {a, a + 1});
            cs.add(new int[] {-a, a + 1, a + 2});
        }
        Cnf one = new Cnf(3, cs.subList(0, 2));
        long each = bruteForce(one);
        assertEquals(5, each);
        for (int width : new int[] {-1, ComponentSearch.ELIMINATION_WIDTH}) {
            CountResult r = count(new Cnf(61, cs), width, BIG_CACHE);
            assertEquals(BigInteger.valueOf(each).pow(20).shiftLeft(1), r.exactCount());
            assertEquals(20, r.stats().components());
        }
    }

    /**
     * A hub x1 in (x1 ∨ a_i ∨ b_i) for 12 pairs, with (a_i ∨ ¬b_i): after x1 := false the pairs are 12
     * components (more than the initial 8 child slots). x1 true: each pair 3 models; x1 false: a_i
     * forced, b_i free: 2 each. Total 3^12 + 2^12.
     */
    @Test
    void manyComponentsBelowADecision() {
        List<int[]> cs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int a = 2 * i + 2;
            cs.add(new int[] {1, a, a + 1});
            cs.add(new int[] {a, -(a + 1)});
        }
        BigInteger expected = BigInteger.valueOf(3).pow(12).add(BigInteger.TWO.pow(12));
        for (int width : new int[] {-1, ComponentSearch.ELIMINATION_WIDTH}) {
            CountResult r = count(new Cnf(25, cs), width, BIG_CACHE);
            assertEquals(expected, r.exactCount(), "width " + width);
        }
        CountResult branched = count(new Cnf(25, cs), -1, BIG_CACHE);
        assertTrue(branched.stats().components() >= 1 + 12 + 12, branched.stats().summary());
    }

    /**
     * x1 and x2 in (x1 ∨ x2 ∨ b_i) for the 12 variables of a chain (b_i ∨ ¬b_{i+1}) (13 models: the
     * true b's are a prefix). x1 true leaves the chain alone; x1 false, x2 true leaves the same chain
     * with the same (untouched) clauses: the same component twice, the second time from the cache.
     * x1, x2 false force every b_i: 1 model. Total 3 · 13 + 1.
     */
    @Test
    void theSameComponentReachedTwiceIsACacheHit() {
        List<int[]> cs = new ArrayList<>();
        for (int i = 0; i < 12; i++) cs.add(new int[] {1, 2, 3 + i});
        for (int i = 0; i < 11; i++) cs.add(new int[] {3 + i, -(4 + i)});
        Cnf cnf = new Cnf(14, cs);
        assertEquals(40, bruteForce(cnf));
        CountResult r = count(cnf, -1, BIG_CACHE);
        assertEquals(BigInteger.valueOf(40), r.exactCount());
        assertTrue(r.stats().cacheHits() >= 1, r.stats().summary());
        assertTrue(r.stats().cacheEntries() >= 1, r.stats().summary());
        // the hit saves the search: the chain is branched on once, not twice (x1 and x2 take two
        // decisions each, x1 false x2 false propagates)
        List<int[]> alone = new ArrayList<>();
        for (int i = 1; i < 12; i++) alone.add(new int[] {i, -(i + 1)});
        CountResult chain = count(new Cnf(12, alone), -1, BIG_CACHE);
        assertEquals(BigInteger.valueOf(13), chain.exactCount());
        assertTrue(chain.stats().decisions() >= 2, chain.stats().summary());
        assertTrue(r.stats().decisions() < 4 + 2 * chain.stats().decisions(), r.stats().summary() + " / " + chain.stats().summary());
        // without room in the cache: no entries, no hits, the same count
        CountResult tiny = count(cnf, -1, 10);
        assertEquals(BigInteger.valueOf(40), tiny.exactCount());
        assertEquals(0, tiny.stats().cacheHits());
        assertEquals(0, tiny.stats().cacheEntries());
    }

    /** x1 true forces a and ¬a: a conflict; x1 false forces every b_i, a free. */
    @Test
    void aRefutedBranchIsAConflictAndAddsNothing() {
        List<int[]> cs = new ArrayList<>();
        cs.add(new int[] {-1, 2});
        cs.add(new int[] {-1, -2});
        for (int i = 0; i < 12; i++) cs.add(new int[] {1, 3 + i});
        for (int i = 0; i < 11; i++) cs.add(new int[] {3 + i, -(4 + i)});
        Cnf cnf = new Cnf(14, cs);
        assertEquals(2, bruteForce(cnf));
        CountResult r = count(cnf, -1, BIG_CACHE);
        assertEquals(BigInteger.TWO, r.exactCount());
        assertTrue(r.stats().conflicts() >= 1, r.stats().summary());
        assertTrue(r.stats().decisions() >= 2, r.stats().summary());
    }

    // ---------------------------------------------------------------- the size boundaries

    /** Components of at most 10 variables are counted by truth table and never looked up in the cache. */
    @Test
    void truthTableUpToTenVariablesThenTheCache() {
        for (int k = 2; k <= 12; k++) {
            Cnf cnf = new Cnf(k, chain(1, k));
            for (int width : new int[] {-1, ComponentSearch.ELIMINATION_WIDTH}) {
                CountResult r = count(cnf, width, BIG_CACHE);
                assertEquals(fib(k + 2), r.exactCount(), "chain of " + k);
                if (k == 2) continue; // one clause: 2^2 - 1
                if (k <= 10) {
                    assertEquals(0, r.stats().cacheLookups(), "chain of " + k + ": " + r.stats().summary());
                    assertEquals(0, r.stats().decisions());
                } else {
                    assertTrue(r.stats().cacheLookups() >= 1, "chain of " + k + ": " + r.stats().summary());
                }
            }
        }
    }

    /** Truth tables of every size 2..10 with negative literals and touched clauses. */
    @Test
    void truthTablesOfEverySizeAgreeWithBruteForce() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 2; k <= 10; k++) {
            for (int t = 0; t < 30; t++) {
                // a random connected formula over x2..x_{k+1}, with x1 in some clauses; x1 := true or
                // false by assumption leaves a component of k variables with touched clauses
                List<int[]> cs = new ArrayList<>();
                for (int v = 2; v <= k; v++) cs.add(new int[] {rnd.nextBoolean() ? v : -v, rnd.nextBoolean() ? v + 1 : -(v + 1)});
                for (int extra = rnd.nextInt(2 * k); extra > 0; extra--) {
                    int[] c = new int[3];
                    for (int i = 0; i < 3; i++) {
                        int v = 1 + rnd.nextInt(k + 1);
                        c[i] = rnd.nextBoolean() ? v : -v;
                    }
                    cs.add(c);
                }
                Cnf cnf = new Cnf(k + 1, cs);
                for (int a : new int[] {1, -1}) {
                    CountResult r = search(cnf, new int[] {a}, new ComponentCache(BIG_CACHE), -1);
                    assertEquals(BigInteger.valueOf(bruteForce(cnf, a)), r.exactCount(),
                            () -> "assume " + a + "\n" + DimacsWriter.write(cnf));
                }
                assertEquals(BigInteger.valueOf(bruteForce(cnf)), count(cnf, -1, BIG_CACHE).exactCount(), () -> DimacsWriter.write(cnf));
            }
        }
    }

    /**
     * A narrow component of up to 62 variables is eliminated without a decision; one of 63 is not
     * (it is branched on, and its parts eliminated). The chain with extra clauses (x_i ∨ ¬x_{i+2})
     * has more than 64 clauses and 256 literals, past the first local buffers of the elimination.
     */
    @Test
    void eliminationTakesComponentsOfUpTo62Variables() {
        CountResult c62 = count(new Cnf(62, chain(1, 62)), ComponentSearch.ELIMINATION_WIDTH, BIG_CACHE);
        assertEquals(fib(64), c62.exactCount());
        assertEquals(1, c62.stats().eliminated());
        assertEquals(0, c62.stats().decisions());
        CountResult c63 = count(new Cnf(63, chain(1, 63)), ComponentSearch.ELIMINATION_WIDTH, BIG_CACHE);
        assertEquals(fib(65), c63.exactCount());
        assertTrue(c63.stats().decisions() >= 1, c63.stats().summary());
        assertTrue(c63.stats().eliminated() >= 1, c63.stats().summary());

        List<int[]> cs = chain(1, 62);
        for (int v = 1; v + 2 <= 62; v++) cs.add(new int[] {v, -(v + 2), v + 1});
        for (int v = 1; v + 3 <= 62; v++) cs.add(new int[] {-v, v + 3, v + 1, v + 2});
        Cnf dense = new Cnf(62, cs);
        CountResult eliminated = count(dense, ComponentSearch.ELIMINATION_WIDTH, BIG_CACHE);
        CountResult branched = count(dense, -1, BIG_CACHE);
        assertEquals(1, eliminated.stats().eliminated());
        assertEquals(0, branched.stats().eliminated());
        assertEquals(branched.exactCount(), eliminated.exactCount());
        // the same 62-variable formula below a false variable x63 that touches every clause
        List<int[]> touched = new ArrayList<>();
        for (int[] c : cs) {
            int[] t = Arrays.copyOf(c, c.length + 1);
            t[c.length] = 63;
            touched.add(t);
        }
        touched.add(new int[] {-63});
        CountResult below = count(new Cnf(63, touched), ComponentSearch.ELIMINATION_WIDTH, BIG_CACHE);
        assertEquals(branched.exactCount(), below.exactCount());
        assertEquals(1, below.stats().eliminated());
    }

    /**
     * Components of exactly 64 and 65 clauses go to the elimination first (the local clause starts
     * need nc + 1 entries, one more than the initial 64).
     */
    @Test
    void eliminatedComponentsOf64And65Clauses() {
        for (int extra = 3; extra <= 4; extra++) {
            List<int[]> cs = chain(1, 62);
            for (int v = 1; v <= extra; v++) cs.add(new int[] {v, -(v + 2), v + 1});
            assertEquals(61 + extra, cs.size());
            Cnf cnf = new Cnf(62, cs);
            CountResult eliminated = count(cnf, ComponentSearch.ELIMINATION_WIDTH, BIG_CACHE);
            assertEquals(1, eliminated.stats().eliminated());
            assertEquals(count(cnf, -1, BIG_CACHE).exactCount(), eliminated.exactCount());
        }
    }

    /** An unsatisfiable narrow component (no unit to propagate) has count 0, by elimination too. */
    @Test
    void anUnsatisfiableComponentWithoutUnitsCountsZero() {
        // x1..x12 all equal (a cycle of implications) and (¬x1 ∨ ¬x12), (x1 ∨ x12): no model
        List<int[]> cs = new ArrayList<>();
        for (int v = 1; v < 12; v++) {
            cs.add(new int[] {-v, v + 1});
            cs.add(new int[] {v, -(v + 1)});
        }
        cs.add(new int[] {-1, -12});
        cs.add(new int[] {1, 12});
        Cnf cnf = new Cnf(12, cs);
        assertEquals(0, bruteForce(cnf));
        CountResult eliminated = count(cnf, ComponentSearch.ELIMINATION_WIDTH, BIG_CACHE);
        assertEquals(BigInteger.ZERO, eliminated.exactCount());
        assertEquals(1, eliminated.stats().eliminated());
        assertEquals(BigInteger.ZERO, count(cnf, -1, BIG_CACHE).exactCount());
    }

    // ---------------------------------------------------------------- assumptions

    @Test
    void assumptionsRestrictTheCount() {
        Cnf cnf = cnf(4, new int[] {1, 2}, new int[] {-2, 3});
        ComponentCache cache = new ComponentCache(BIG_CACHE);
        for (int[] as : new int[][] {{}, {1}, {-1}, {2}, {-2, 4}, {1, -3}, {-1, -2}, {3, -3}, {4, 4}}) {
            assertEquals(BigInteger.valueOf(bruteForce(cnf, as)), search(cnf, as, cache, -1).exactCount(), Arrays.toString(as));
        }
        // five unit clauses and three assumptions, one of them contradicting a unit
        List<int[]> cs = new ArrayList<>();
        for (int v = 1; v <= 5; v++) cs.add(new int[] {v});
        cs.add(new int[] {-6, 7, 8});
        Cnf units = new Cnf(9, cs);
        assertEquals(BigInteger.valueOf(3), search(units, new int[] {6, -9, 1}, cache, -1).exactCount());
        assertEquals(BigInteger.ZERO, search(units, new int[] {6, -9, -1}, cache, -1).exactCount());
    }

    // ---------------------------------------------------------------- cache keys

    /**
     * Two root components over the same variables y1..y12 (a chain, clause ids 0..10) whose touched
     * clauses are {12, 50} and {13, 19}: their keys [12, 1..12, 12, 50] and [12, 1..12, 13, 19] have
     * the same Arrays.hashCode (31·12 + 50 = 31·13 + 19) but different residual formulas. Clause 11 + j
     * is (z_j ∨ ¬y_p ∨ ¬y_q) with z_j = x(13 + j); the assumptions make z_j false (clause touched,
     * open) for the chosen clauses and true (satisfied) for the others. A search sharing the cache
     * with the first must not take the first count for the second.
     */
    @Test
    void componentsWhoseKeysShareAHashAreToldApart() {
        List<int[]> cs = chain(1, 12);
        List<int[]> yParts = new ArrayList<>();
        for (int j = 0; j < 40; j++) {
            int[] y = {-(1 + j % 12), -(1 + (j + 5) % 12)};
            yParts.add(y);
            cs.add(new int[] {13 + j, y[0], y[1]});
        }
        Cnf cnf = new Cnf(52, cs);
        int[][] touched = {{12, 50}, {13, 19}};
        int[] vars = IntStream.rangeClosed(1, 12).toArray();
        int[] key0 = IntStream.concat(IntStream.of(12), IntStream.concat(IntStream.of(vars), IntStream.of(touched[0]))).toArray();
        int[] key1 = IntStream.concat(IntStream.of(12), IntStream.concat(IntStream.of(vars), IntStream.of(touched[1]))).toArray();
        assertEquals(Arrays.hashCode(key0), Arrays.hashCode(key1));
        int[][] assumptions = new int[2][40];
        long[] expected = new long[2];
        for (int t = 0; t < 2; t++) {
            List<int[]> residual = chain(1, 12);
            for (int j = 0; j < 40; j++) {
                int id = 11 + j;
                boolean isTouched = id == touched[t][0] || id == touched[t][1];
                assumptions[t][j] = isTouched ? -(13 + j) : 13 + j;
                if (isTouched) residual.add(yParts.get(j));
            }
            expected[t] = bruteForce(new Cnf(12, residual));
        }
        assertNotEquals(expected[0], expected[1]);
        for (int order = 0; order < 2; order++) {
            ComponentCache shared = new ComponentCache(BIG_CACHE);
            for (int k = 0; k < 2; k++) {
                int t = order == 0 ? k : 1 - k;
                CountResult r = search(cnf, assumptions[t], shared, -1);
                assertEquals(BigInteger.valueOf(expected[t]), r.exactCount(), "touched " + Arrays.toString(touched[t]));
                assertTrue(r.stats().decisions() > 0 && r.stats().cacheLookups() > 0, r.stats().summary());
            }
        }
    }

    // ---------------------------------------------------------------- state a long run reaches

    private static Field field(String name) throws ReflectiveOperationException {
        Field f = ComponentSearch.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /**
     * After 2^31 decompositions (a run of some hours) the visit stamp wraps around and the stamp
     * arrays must be cleared. The state just before the wrap is set by reflection: stamp
     * Integer.MAX_VALUE and every variable and clause marked with the old stamp 1, which the first
     * decomposition (at the root) reuses after the wrap.
     */
    @Test
    void theVisitStampWrapsAroundWithoutMistakingOldMarksForNewOnes() throws ReflectiveOperationException {
        List<Cnf> formulas = new ArrayList<>();
        List<int[]> hub = new ArrayList<>();
        for (int i = 0; i < 12; i++) hub.add(new int[] {1, 2, 3 + i});
        for (int i = 0; i < 11; i++) hub.add(new int[] {3 + i, -(4 + i)});
        formulas.add(new Cnf(14, hub));
        for (long seed = 0; formulas.size() < 6; seed++) {
            Cnf cnf = randomCnf(seed);
            if (count(cnf, -1, BIG_CACHE).stats().decisions() >= 2 && bruteForce(cnf) > 0) formulas.add(cnf);
        }
        for (Cnf cnf : formulas) {
            ComponentSearch search = new ComponentSearch(cnf, new int[0], Limits.none(), CountProgress.NONE,
                    new ComponentCache(BIG_CACHE), -1);
            field("stamp").setInt(search, Integer.MAX_VALUE);
            Arrays.fill((int[]) field("varStamp").get(search), 1);
            Arrays.fill((int[]) field("clauseStamp").get(search), 1);
            CountResult r = search.run();
            assertTrue(r.stats().decisions() >= 2, r.stats().summary());
            assertEquals(BigInteger.valueOf(bruteForce(cnf)), r.exactCount(), () -> DimacsWriter.write(cnf));
        }
    }

    /**
     * Progress is reported at a limit check once 3 s have passed since the last report (set back by
     * reflection, so no test waits), and not before.
     */
    @Test
    void progressIsReportedWhenTheIntervalHasPassedAndNotBefore() throws ReflectiveOperationException {
        Cnf cnf = randomCnf(3);
        List<CountStats> reports = new ArrayList<>();
        ComponentSearch due = new ComponentSearch(cnf, new int[0], Limits.none(), reports::add, new ComponentCache(BIG_CACHE), -1);
        field("lastProgressNanos").setLong(due, System.nanoTime() - 4_000_000_000L);
        assertEquals(BigInteger.valueOf(bruteForce(cnf)), due.run().exactCount());
        assertFalse(reports.isEmpty());
        assertEquals(0, reports.get(0).decisions()); // the first check is at the root

        List<CountStats> early = new ArrayList<>();
        ComponentSearch notDue = new ComponentSearch(cnf, new int[0], Limits.none(), early::add, new ComponentCache(BIG_CACHE), -1);
        field("lastProgressNanos").setLong(notDue, System.nanoTime() + 10_000_000_000L);
        assertEquals(BigInteger.valueOf(bruteForce(cnf)), notDue.run().exactCount());
        assertEquals(List.of(), early);
    }

    /**
     * The limits are checked before each component of the root, so a stop is noticed even when no
     * component needs a decision: the listener cancels at the first report (due at once, set by
     * reflection), which comes from the first check, before the first of 20 small components.
     */
    @Test
    void aCancelIsNoticedBetweenTheComponentsOfTheRoot() throws ReflectiveOperationException {
        List<int[]> cs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cs.add(new int[] {3 * i + 1, 3 * i + 2});
            cs.add(new int[] {-(3 * i + 1), 3 * i + 2, 3 * i + 3});
        }
        Cnf cnf = new Cnf(60, cs);
        CancelToken token = new CancelToken();
        List<CountStats> reports = new ArrayList<>();
        CountProgress cancelling = stats -> {
            reports.add(stats);
            token.cancel();
        };
        ComponentSearch search = new ComponentSearch(cnf, new int[0], new Limits(Optional.empty(), token), cancelling,
                new ComponentCache(BIG_CACHE), -1);
        field("lastProgressNanos").setLong(search, System.nanoTime() - 4_000_000_000L);
        CountResult r = search.run();
        assertEquals(CountStatus.CANCELLED, r.status());
        assertEquals(1, reports.size());
        // without the cancel the same search counts 5^20
        assertEquals(BigInteger.valueOf(5).pow(20), count(cnf, -1, BIG_CACHE).exactCount());
    }

    /** The elapsed time of the statistics lies within the call that counted. */
    @Test
    void elapsedTimeLiesWithinTheCall() {
        long before = System.nanoTime();
        CountResult r = count(randomCnf(5), -1, BIG_CACHE);
        long after = System.nanoTime();
        assertFalse(r.stats().elapsed().isNegative(), r.stats().elapsed().toString());
        assertTrue(r.stats().elapsed().toNanos() <= after - before, r.stats().elapsed().toString());
    }

    // ---------------------------------------------------------------- limits

    static Cnf hard() {
        return DimacsReader.parse(Resources.text("counting/sharpsat/ijcai07_random_wff.3.100.150.cnf"), "wff");
    }

    @Test
    void aPastDeadlineOrACancelledTokenStopsBeforeCounting() {
        Limits past = new Limits(Optional.of(Instant.now().minusSeconds(1)), new CancelToken());
        CountResult r = ComponentSearch.count(cnf(3, new int[0]), new int[0], past, CountProgress.NONE,
                new ComponentCache(BIG_CACHE), -1);
        assertEquals(CountStatus.TIMEOUT, r.status());
        assertTrue(r.count().isEmpty());
        CancelToken token = new CancelToken();
        token.cancel();
        Limits both = new Limits(Optional.of(Instant.now().minusSeconds(1)), token);
        CountResult c = ComponentSearch.count(cnf(3, new int[] {1, 2}), new int[0], both, CountProgress.NONE,
                new ComponentCache(BIG_CACHE), -1);
        assertEquals(CountStatus.CANCELLED, c.status());
        assertEquals(0, c.stats().decisions());
    }

    /**
     * A deadline reached during the search stops it at the next check (every 256 decisions).
     * Branching alone needs some 10^8 decisions on this file (docs/COUNTING.md), so the count
     * cannot finish before the deadline; the test asserts the stop, not a time.
     */
    @Test
    void aDeadlineDuringTheSearchStopsItAtADecisionCheck() {
        Cnf cnf = hard();
        Limits soon = new Limits(Optional.of(Instant.now().plus(Duration.ofMillis(300))), new CancelToken());
        CountResult r = new ComponentCounter(BIG_CACHE, 1, -1).count(cnf, soon);
        assertEquals(CountStatus.TIMEOUT, r.status());
        assertTrue(r.stats().decisions() > 0, r.stats().summary());
        assertEquals(0, r.stats().decisions() % 256, r.stats().summary());
    }
}
