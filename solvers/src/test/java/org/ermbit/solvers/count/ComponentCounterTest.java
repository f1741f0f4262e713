package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
}
