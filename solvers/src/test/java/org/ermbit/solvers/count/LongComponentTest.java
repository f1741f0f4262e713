package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long, thin formulas (implication chains, clauses within a window of consecutive variables): the
 * counts against a closed form and against a dynamic program over the window, and the work — the
 * deterministic decision count, never the time — against the halving that branching in the middle
 * gives. Peeling such a formula from one end took quadratically many decisions on chains and did not
 * finish a 120-variable band of width 5 within 20 s.
 */
class LongComponentTest {
    /**
     * Not a time limit on the test (the assertions are on counts and decisions): a deadline far
     * beyond the milliseconds these take, so that a regression to peeling fails instead of hanging.
     */
    private static Limits stopARegression() {
        return Limits.timeout(Duration.ofMinutes(2));
    }

    @Test
    void anImplicationChainIsCutInTheMiddle() {
        int n = 5_000;
        List<int[]> chain = new ArrayList<>();
        for (int v = 1; v < n; v++) chain.add(new int[] {-v, v + 1});
        CountResult r = new ComponentCounter(1 << 26, 1).count(new Cnf(n, chain), stopARegression());
        // x1 → x2 → … → xn: the models are 0…0 1…1 with the ones starting at any of n+1 places
        assertEquals(BigInteger.valueOf(n + 1), r.exactCount());
        // halving down to pieces that elimination counts takes about n / 31 decisions; peeling took n
        assertTrue(r.stats().decisions() < n / 10, r.stats().summary());
    }

    /** Clauses of 2–6 literals within windows of consecutive variables, random signs and gaps. */
    static Stream<Long> bandSeeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    @ParameterizedTest
    @MethodSource("bandSeeds")
    void bandsAgreeWithADynamicProgramAndSplit(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int width = 2 + rnd.nextInt(5);
        int n = 60 + rnd.nextInt(240);
        Cnf band = randomBand(n, width, rnd);
        CountResult r = new ComponentCounter(1 << 26, 1 + rnd.nextInt(2)).count(band, stopARegression());
        assertEquals(bandCount(band, width), r.exactCount(), "n " + n + ", width " + width);
        assertTrue(r.stats().decisions() < 4_000, "n " + n + ", width " + width + ": " + r.stats().summary());
    }

    /** A 200-variable band of 5-literal windows over every start: peeling it did not finish. */
    @Test
    void aFullBandOfWidthFiveIsCountedWithFewDecisions() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200;
        List<int[]> clauses = new ArrayList<>();
        for (int s = 1; s + 4 <= n; s++) {
            clauses.add(IntStream.range(s, s + 5).map(v -> rnd.nextBoolean() ? v : -v).toArray());
        }
        Cnf band = new Cnf(n, clauses);
        CountResult r = new ComponentCounter(1 << 26, 1).count(band, stopARegression());
        assertEquals(bandCount(band, 5), r.exactCount());
        assertTrue(r.stats().decisions() < 1_000, r.stats().summary());
    }

    /**
     * The same bands under a random renaming of their variables: the count is the band's (dynamic
     * program on the original numbering) and the cuts still fall in the middle. From the lowest-numbered
     * variable, which the renaming puts anywhere in the band, the 200-variable band took ~20,000
     * decisions (here: 108–166) and some 1,000-variable bands did not finish in minutes.
     */
    @ParameterizedTest
    @MethodSource("bandSeeds")
    void renumberedBandsAreStillCutInTheMiddle(long seed) {
        SplittableRandom rnd = new SplittableRandom(1000 + seed);
        int n = 200;
        List<int[]> clauses = new ArrayList<>();
        for (int s = 1; s + 4 <= n; s++) {
            clauses.add(IntStream.range(s, s + 5).map(v -> rnd.nextBoolean() ? v : -v).toArray());
        }
        Cnf band = new Cnf(n, clauses);
        int[] rename = IntStream.rangeClosed(0, n).toArray();
        for (int i = n; i > 1; i--) {
            int j = 1 + rnd.nextInt(i);
            int t = rename[i];
            rename[i] = rename[j];
            rename[j] = t;
        }
        List<int[]> renamed = new ArrayList<>();
        for (int[] c : clauses) renamed.add(Arrays.stream(c).map(l -> l > 0 ? rename[l] : -rename[-l]).toArray());
        CountResult r = new ComponentCounter(1 << 26, 1).count(new Cnf(n, renamed), stopARegression());
        assertEquals(bandCount(band, 5), r.exactCount());
        assertTrue(r.stats().decisions() < 1_000, r.stats().summary());
    }

    private static Cnf randomBand(int n, int width, SplittableRandom rnd) {
        List<int[]> clauses = new ArrayList<>();
        for (int s = 1; s + width - 1 <= n; s++) {
            int clausesHere = rnd.nextInt(3);
            for (int k = 0; k < clausesHere; k++) {
                int from = s;
                int[] c = IntStream.range(from, from + width).filter(v -> v == from || rnd.nextInt(3) > 0)
                        .map(v -> rnd.nextBoolean() ? v : -v).toArray();
                clauses.add(c);
            }
        }
        return new Cnf(n, clauses);
    }

    /**
     * The model count of a CNF each of whose clauses lies within {@code width} consecutive
     * variables: a dynamic program over the variables in order whose state is the values of the
     * last {@code width − 1} of them; each clause is checked when its highest variable is set.
     */
    static BigInteger bandCount(Cnf cnf, int width) {
        Map<Integer, List<int[]>> byLast = new HashMap<>();
        for (int[] c : cnf.clauses()) {
            int last = 0;
            for (int l : c) last = Math.max(last, Math.abs(l));
            byLast.computeIfAbsent(last, k -> new ArrayList<>()).add(c);
        }
        int keep = width - 1;
        int mask = (1 << keep) - 1;
        // state bit i: the value of variable v - i (v the last variable set)
        BigInteger[] counts = new BigInteger[1 << keep];
        Arrays.fill(counts, BigInteger.ZERO);
        counts[0] = BigInteger.ONE; // before any variable: one way, the (absent) history all false
        for (int v = 1; v <= cnf.variables(); v++) {
            BigInteger[] next = new BigInteger[1 << keep];
            Arrays.fill(next, BigInteger.ZERO);
            for (int state = 0; state <= mask; state++) {
                if (counts[state].signum() == 0) continue;
                for (int bit = 0; bit < 2; bit++) {
                    int full = (state << 1) | bit; // bit i: the value of variable v - i
                    if (satisfiesAll(byLast.getOrDefault(v, List.of()), v, full)) {
                        next[full & mask] = next[full & mask].add(counts[state]);
                    }
                }
            }
            counts = next;
        }
        BigInteger total = BigInteger.ZERO;
        for (BigInteger c : counts) total = total.add(c);
        return total;
    }

    private static boolean satisfiesAll(List<int[]> clauses, int v, int full) {
        for (int[] c : clauses) {
            boolean sat = false;
            for (int l : c) {
                boolean value = ((full >> (v - Math.abs(l))) & 1) == 1;
                if (value == (l > 0)) {
                    sat = true;
                    break;
                }
            }
            if (!sat) return false;
        }
        return true;
    }
}
