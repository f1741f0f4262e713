package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Hand-checked counts and limit handling, for every counter. */
class ComponentCounterTest {

    static Stream<ModelCounter> counters() {
        return Stream.of(new ComponentCounter(), new LogicNgCounter());
    }

    @ParameterizedTest
    @MethodSource("counters")
    void noClausesMeansAllAssignments(ModelCounter counter) {
        assertEquals(BigInteger.ONE, counter.count(new Cnf(0, List.of()), Limits.none()).exactCount());
        assertEquals(BigInteger.valueOf(8), counter.count(new Cnf(3, List.of()), Limits.none()).exactCount());
        assertEquals(BigInteger.TWO.pow(200), counter.count(new Cnf(200, List.of()), Limits.none()).exactCount());
    }

    @ParameterizedTest
    @MethodSource("counters")
    void longClauseMostlyFalsifiedLeavesANarrowComponent(ModelCounter counter) {
        // units ¬x1..¬x980; one clause over x1..x1000; chain (x_i ∨ x_{i+1}) over x981..x1000. The
        // residual component (20 variables, a 1000-literal clause with 980 false literals) goes to the
        // elimination path; no two adjacent falses among 20 variables: F(22) = 17711, and each such
        // string has a true variable, so the long clause is implied.
        List<int[]> clauses = new ArrayList<>();
        for (int v = 1; v <= 980; v++) clauses.add(new int[] {-v});
        clauses.add(java.util.stream.IntStream.rangeClosed(1, 1000).toArray());
        for (int v = 981; v < 1000; v++) clauses.add(new int[] {v, v + 1});
        CountResult r = counter.count(new Cnf(1000, clauses), Limits.none());
        assertEquals(BigInteger.valueOf(17711), r.exactCount());
        if (counter instanceof ComponentCounter) assertTrue(r.stats().eliminated() > 0, r.stats().summary());
    }

    /**
     * Variables in no clause are renumbered away before the search (whose memory grows with its
     * variables) and give a factor 2 each at the end.
     */
    @Test
    void variablesInNoClauseAreLeftOutOfTheSearchAndDoubleTheCount() {
        Cnf cnf = new Cnf(6, List.of(new int[] {2, -5}, new int[] {5, 6}));
        Cnf used = ComponentCounter.withoutUnusedVariables(cnf);
        assertEquals(3, used.variables());
        assertEquals(List.of("[1, -2]", "[2, 3]"), used.clauses().stream().map(Arrays::toString).toList());
        // over x2, x5, x6: x5 false forces x6 (x2 free: 2), x5 true forces x2 (x6 free: 2); x1, x3, x4 free: 4·2^3
        assertEquals(BigInteger.valueOf(32), new ComponentCounter(1 << 20, 2).count(cnf, Limits.none()).exactCount());
        Cnf full = new Cnf(2, List.of(new int[] {1, -2}));
        assertTrue(ComponentCounter.withoutUnusedVariables(full) == full, "a formula using every variable is kept as it is");
        // the DIMACS cap, 10^7 declared variables, one clause (x1 ∨ x2): 3·2^(10^7 − 2)
        Cnf wide = new Cnf(10_000_000, List.of(new int[] {1, 2}));
        assertEquals(BigInteger.valueOf(3).shiftLeft(10_000_000 - 2), new ComponentCounter(1 << 20, 2).count(wide, Limits.none()).exactCount());
    }

    /** The cube split needs 40 variables in clauses: 39 of them declared among 60 are one search, as with one thread. */
    @Test
    void theCubeSplitCountsOnlyVariablesInClauses() {
        List<int[]> cs = new ArrayList<>();
        for (int v = 1; v < 39; v++) cs.add(new int[] {v, -(v + 1)});
        cs.add(new int[] {1, 39, 20});
        Cnf cnf = new Cnf(60, cs);
        CountResult two = new ComponentCounter(0, 2).count(cnf, Limits.none());
        CountResult one = new ComponentCounter(0, 1).count(cnf, Limits.none());
        assertEquals(one.exactCount(), two.exactCount());
        assertEquals(one.stats().decisions(), two.stats().decisions());
        assertEquals(one.stats().components(), two.stats().components());
        assertEquals(one.exactCount(), new LogicNgCounter().count(cnf, Limits.none()).exactCount());
    }

    @ParameterizedTest
    @MethodSource("counters")
    void contradictionHasNoModels(ModelCounter counter) {
        Cnf cnf = new Cnf(30, List.of(new int[] {1, 2}, new int[] {-1}, new int[] {-2, 5}, new int[] {-5, -2}, new int[] {2, 7}));
        // -1 forces 2, 2 forces 5, then (-5 or -2) is false: 0 models
        assertEquals(BigInteger.ZERO, counter.count(cnf, Limits.none()).exactCount());
        assertEquals(BigInteger.ZERO, counter.count(new Cnf(4, List.of(new int[0])), Limits.none()).exactCount());
    }

    @ParameterizedTest
    @MethodSource("counters")
    void handCountedFormulas(ModelCounter counter) {
        // (x1 or x2): 3 of 4; times 2^8 for the 8 unused variables
        assertEquals(BigInteger.valueOf(3 * 256),
                counter.count(new Cnf(10, List.of(new int[] {1, 2})), Limits.none()).exactCount());
        // two independent copies of (x or y) and a chain x3 -> x4 -> x5 (4 of 8): 3 * 3 * 4
        Cnf cnf = new Cnf(7, List.of(new int[] {1, 2}, new int[] {6, 7}, new int[] {-3, 4}, new int[] {-4, 5}));
        assertEquals(BigInteger.valueOf(36), counter.count(cnf, Limits.none()).exactCount());
        // exactly-one of 4 variables: 4 models
        List<int[]> eo = new ArrayList<>();
        eo.add(new int[] {1, 2, 3, 4});
        for (int i = 1; i <= 4; i++) for (int j = i + 1; j <= 4; j++) eo.add(new int[] {-i, -j});
        assertEquals(BigInteger.valueOf(4), counter.count(new Cnf(4, eo), Limits.none()).exactCount());
    }

    @ParameterizedTest
    @MethodSource("counters")
    void largeIndependentProductNeedsBigInteger(ModelCounter counter) {
        // 40 disjoint clauses (a or b): 3^40, far beyond a long
        List<int[]> cs = new ArrayList<>();
        for (int i = 0; i < 40; i++) cs.add(new int[] {2 * i + 1, -(2 * i + 2)});
        assertEquals(BigInteger.valueOf(3).pow(40), counter.count(new Cnf(80, cs), Limits.none()).exactCount());
    }

    static Cnf hardish() {
        return DimacsReader.parse(Resources.text("counting/sharpsat/pmc_random_wff.3.75.315.cnf"), "wff");
    }

    @ParameterizedTest
    @MethodSource("counters")
    void pastDeadlineGivesTimeoutWithoutCount(ModelCounter counter) {
        Limits past = new Limits(Optional.of(Instant.now().minus(Duration.ofSeconds(1))), new CancelToken());
        CountResult r = counter.count(hardish(), past);
        assertEquals(CountStatus.TIMEOUT, r.status());
        assertTrue(r.count().isEmpty());
    }

    @Test
    void cancelledTokenGivesCancelled() {
        CancelToken token = new CancelToken();
        token.cancel();
        CountResult r = new ComponentCounter().count(hardish(), new Limits(Optional.empty(), token));
        assertEquals(CountStatus.CANCELLED, r.status());
    }

    @Test
    void progressIsReportedWithStatistics() {
        List<CountStats> reports = new ArrayList<>();
        CountResult r = new ComponentCounter().count(hardish(), Limits.none(), reports::add);
        assertEquals(CountStatus.COUNTED, r.status());
        assertTrue(r.stats().decisions() > 0 && r.stats().components() > 0, r.stats().summary());
    }

    /**
     * A 40-variable formula (the smallest that is split) whose three most frequent variables in
     * clauses of two or more literals are x1 (in 12 clauses of 3 literals), x2 (11) and the last
     * variable x40 (10 clauses of 2 literals), all with x3..x27; every other variable is in at most
     * 9 such clauses, x5 also in 20 unit clauses (units do not count for the choice). A separate
     * chain (x_i ∨ ¬x_{i+1}) over x28..x39 is the same component in every cube.
     */
    static Cnf fortyVariablesWithClearFavourites() {
        SplittableRandom rnd = new SplittableRandom(40);
        List<int[]> cs = new ArrayList<>();
        int next = 0; // round robin over x3..x27 (25 variables)
        for (int i = 0; i < 50; i++) {
            int[] c = new int[3];
            for (int k = 0; k < 3; k++, next++) c[k] = (rnd.nextBoolean() ? 1 : -1) * (3 + next % 25);
            cs.add(c);
        }
        int[] hubs = {1, 2, 40};
        int[] hubClauses = {12, 11, 10};
        for (int h = 0; h < 3; h++) {
            for (int i = 0; i < hubClauses[h]; i++) {
                int[] c = new int[h < 2 ? 3 : 2];
                c[0] = (rnd.nextBoolean() ? 1 : -1) * hubs[h];
                for (int k = 1; k < c.length; k++, next++) c[k] = (rnd.nextBoolean() ? 1 : -1) * (3 + next % 25);
                cs.add(c);
            }
        }
        for (int v = 28; v < 39; v++) cs.add(new int[] {v, -(v + 1)});
        for (int i = 0; i < 20; i++) cs.add(new int[] {5});
        return new Cnf(ComponentCounter.PARALLEL_MIN_VARIABLES, cs);
    }

    /**
     * With two threads the formula is split into the 8 cubes over x1, x2, x40 and the statistics are
     * the sums of the 8 searches; with one thread it is one search. A cache of 0 bytes stores
     * nothing, so every search is deterministic and can be repeated alone.
     */
    @Test
    void cubeSplitCountsAndStatisticsAreTheSumsOverTheCubes() {
        Cnf cnf = fortyVariablesWithClearFavourites();
        int[] occurrences = new int[41];
        for (int[] c : cnf.clauses()) if (c.length >= 2) for (int lit : c) occurrences[Math.abs(lit)]++;
        assertEquals(List.of(12, 11, 10), List.of(occurrences[1], occurrences[2], occurrences[40]));
        for (int v = 3; v < 40; v++) assertTrue(occurrences[v] <= 9, "x" + v);
        for (int width : new int[] {-1, ComponentSearch.ELIMINATION_WIDTH}) {
            BigInteger total = BigInteger.ZERO;
            int satisfiable = 0;
            long[] sums = new long[6];
            for (int cube = 0; cube < 8; cube++) {
                int[] assumptions = new int[3];
                int[] vars = {1, 2, 40};
                for (int i = 0; i < 3; i++) assumptions[i] = ((cube >> i) & 1) == 1 ? -vars[i] : vars[i];
                CountResult r = new ComponentSearch(cnf, assumptions, Limits.none(), CountProgress.NONE,
                        new ComponentCache(0), width).run();
                total = total.add(r.exactCount());
                if (r.exactCount().signum() > 0) satisfiable++;
                add(sums, r.stats());
            }
            CountResult single = new ComponentSearch(cnf, new int[0], Limits.none(), CountProgress.NONE,
                    new ComponentCache(0), width).run();
            assertEquals(single.exactCount(), total);
            assertTrue(satisfiable >= 3, "satisfiable cubes: " + satisfiable);

            long before = System.nanoTime();
            CountResult split = new ComponentCounter(0, 2, width).count(cnf, Limits.none());
            long after = System.nanoTime();
            assertEquals(total, split.exactCount());
            long[] got = new long[6];
            add(got, split.stats());
            assertEquals(Arrays.toString(sums), Arrays.toString(got), "width " + width);
            // branching: decisions, conflicts, lookups, components; elimination: lookups, components, eliminations
            if (width < 0) assertTrue(sums[0] > 0 && sums[1] > 0 && sums[2] > 0 && sums[4] > 0, Arrays.toString(sums));
            else assertTrue(sums[2] > 0 && sums[4] > 0 && sums[5] > 0, Arrays.toString(sums));
            assertEquals(0, split.stats().cacheEntries());
            assertTrue(!split.stats().elapsed().isNegative() && split.stats().elapsed().toNanos() <= after - before,
                    split.stats().elapsed().toString());

            CountResult one = new ComponentCounter(0, 1, width).count(cnf, Limits.none());
            assertEquals(total, one.exactCount());
            long[] oneStats = new long[6];
            add(oneStats, one.stats());
            long[] singleStats = new long[6];
            add(singleStats, single.stats());
            assertEquals(Arrays.toString(singleStats), Arrays.toString(oneStats));
        }
        // with a shared cache, which search counts the chain first depends on timing; but every
        // satisfiable cube counts the chain at its root (and stores it, or finds it), and when the
        // third of them starts, at most one other cube is running on the two threads, so one of the
        // first two has finished and stored the chain: at least one hit
        BigInteger expected = new ComponentCounter(0, 1, -1).count(cnf, Limits.none()).exactCount();
        CountResult shared = new ComponentCounter(1 << 24, 2, -1).count(cnf, Limits.none());
        assertEquals(expected, shared.exactCount());
        CountStats st = shared.stats();
        assertTrue(0 < st.cacheHits() && st.cacheHits() <= st.cacheLookups() && st.cacheEntries() > 0, st.summary());
    }

    private static void add(long[] sums, CountStats s) {
        sums[0] += s.decisions();
        sums[1] += s.conflicts();
        sums[2] += s.cacheLookups();
        sums[3] += s.cacheHits();
        sums[4] += s.components();
        sums[5] += s.eliminated();
    }

    /**
     * A caller interrupted while it waits for the cubes cancels the count: the result is CANCELLED
     * (not a count, not an exception), every cube has ended, and the caller keeps its interrupt flag.
     * The cubes of wff.3.100.150 without elimination cannot finish before their deadline of 60 s
     * (branching alone needs some 10^8 decisions, docs/COUNTING.md), so only the cancellation ends them.
     */
    @Test
    void anInterruptedCallerGetsCancelledAndKeepsItsInterruptFlag() {
        Cnf cnf = DimacsReader.parse(Resources.text("counting/sharpsat/ijcai07_random_wff.3.100.150.cnf"), "wff");
        Limits later = new Limits(Optional.of(Instant.now().plus(Duration.ofSeconds(60))), new CancelToken());
        Thread.currentThread().interrupt();
        CountResult r;
        try {
            r = new ComponentCounter(1 << 20, 2, -1).count(cnf, later);
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag is kept (and cleared here)");
        }
        assertEquals(CountStatus.CANCELLED, r.status());
        assertTrue(later.cancel().isCancelled(), "the interrupt cancelled the caller's limits");
    }
}
