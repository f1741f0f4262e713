package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;

/** The small contracts around the counters: results, statistics, the registry, argument checks, the cache. */
class CountingContractsTest {

    private static final CountStats NO_STATS = CountStats.elapsedOnly(Duration.ZERO);

    /**
     * ModelCounter's contract: an interrupt of the calling thread cancels the count (CANCELLED, the
     * flag kept), for every counter and for the component counter's sequential path as well as its
     * cubes. wff.3.100.150 needs far more than the 60 s deadline without elimination (docs/COUNTING.md),
     * and LogicNG's DNNF compilation of it is slow too, so only the interrupt can end these counts early.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"component, 1 thread", "component, 2 threads", "logicng"})
    void anInterruptOfTheCallerCancelsTheCount(String which) {
        ModelCounter counter = switch (which) {
            case "component, 1 thread" -> new ComponentCounter(1 << 20, 1, -1);
            case "component, 2 threads" -> new ComponentCounter(1 << 20, 2, -1);
            default -> new LogicNgCounter();
        };
        Cnf cnf = org.ermbit.reductions.cnf.DimacsReader.parse(Resources.text("counting/sharpsat/ijcai07_random_wff.3.100.150.cnf"), "wff");
        Limits limits = Limits.timeout(Duration.ofSeconds(60));
        Thread.currentThread().interrupt();
        CountResult r;
        try {
            r = counter.count(cnf, limits);
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag is kept (and cleared here)");
        }
        assertEquals(CountStatus.CANCELLED, r.status(), which);
        assertTrue(r.count().isEmpty());
    }

    @Test
    void aCountIsPresentExactlyWhenCountedAndNeverNegative() {
        assertEquals(BigInteger.TEN, CountResult.counted(BigInteger.TEN, "c", NO_STATS).exactCount());
        assertEquals(BigInteger.ZERO, CountResult.counted(BigInteger.ZERO, "c", NO_STATS).exactCount());
        assertThrows(IllegalArgumentException.class, () -> CountResult.counted(BigInteger.valueOf(-1), "c", NO_STATS));
        assertThrows(IllegalArgumentException.class,
                () -> new CountResult(CountStatus.COUNTED, Optional.empty(), "c", NO_STATS));
        assertThrows(IllegalArgumentException.class,
                () -> new CountResult(CountStatus.TIMEOUT, Optional.of(BigInteger.ONE), "c", NO_STATS));
        CountResult stopped = CountResult.stopped(CountStatus.CANCELLED, "c", NO_STATS);
        assertTrue(stopped.count().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, stopped::exactCount);
        assertEquals("no count: CANCELLED", e.getMessage());
    }

    @Test
    void statisticsSummaryNamesEveryCounter() {
        CountStats s = new CountStats(1, 2, 3, 4, 5, 6, 7, Duration.ofSeconds(8));
        assertEquals("decisions 1, conflicts 2, components 5 (6 by elimination), cache hits 4/3, cache entries 7", s.summary());
        assertEquals(new CountStats(0, 0, 0, 0, 0, 0, 0, Duration.ofSeconds(8)), CountStats.elapsedOnly(Duration.ofSeconds(8)));
    }

    @Test
    void registryListsTheDocumentedIdsDefaultFirst() {
        // docs/CLI.md: ermbit count FILE.cnf [--counter component|logicng]; the component counter is the default
        assertEquals(List.of("component", "logicng"), ModelCounters.ids());
        for (String id : ModelCounters.ids()) assertEquals(id, ModelCounters.byId(id).orElseThrow().id());
        assertInstanceOf(ComponentCounter.class, ModelCounters.byId("component").orElseThrow());
        assertInstanceOf(LogicNgCounter.class, ModelCounters.byId("logicng").orElseThrow());
        assertTrue(ModelCounters.byId("sharpsat").isEmpty());
    }

    @Test
    void componentCounterRejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ComponentCounter(-1));
        assertThrows(IllegalArgumentException.class, () -> new ComponentCounter(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new ComponentCounter(0, 1, -2));
        assertThrows(IllegalArgumentException.class, () -> new ComponentCounter(0, 1, EliminationCounter.MAX_WIDTH + 1));
        // the limits themselves are allowed: no cache, one thread, no elimination or the widest
        assertEquals("component", new ComponentCounter(0, 1, -1).id());
        assertEquals("component", new ComponentCounter(0, 1, EliminationCounter.MAX_WIDTH).id());
    }

    @Test
    void cacheKeepsCountsWithinItsBudget() {
        ComponentCache none = new ComponentCache(0);
        none.put("k", 1, BigInteger.ONE);
        assertEquals(0, none.size());
        assertNull(none.get("k"));
        // entries with 1000-int keys are estimated at ≥ 4000 bytes: a 10 000-byte cache holds at most two
        ComponentCache small = new ComponentCache(10_000);
        small.put("a", 1000, BigInteger.TWO);
        assertEquals(1, small.size());
        assertEquals(BigInteger.TWO, small.get("a"));
        int largest = 0;
        for (int i = 0; i < 20; i++) {
            small.put("k" + i, 1000, BigInteger.valueOf(i));
            assertTrue(small.size() <= 2, "size " + small.size());
            assertEquals(BigInteger.valueOf(i), small.get("k" + i)); // the newest entry is always kept
            if (i > 2) largest = Math.max(largest, small.size());
        }
        assertEquals(2, largest, "after emptying, the cache fills up again");
        ComponentCache tooBig = new ComponentCache(10_000);
        tooBig.put("huge", 3000, BigInteger.ONE); // ≥ 12 000 bytes: never stored
        assertEquals(0, tooBig.size());
    }

    @Test
    void repeatedLiteralsAndTautologiesInAnyOrder() {
        // (x1 ∨ x2 ∨ x1): x1 ∨ x2, 3 of 4; (x3 ∨ ¬x1 ∨ x2 ∨ ¬x3) is always true; x3 free: 3 · 2 = 6
        Cnf cnf = new Cnf(3, List.of(new int[] {1, 2, 1}, new int[] {3, -1, 2, -3}));
        for (ModelCounter counter : List.of(new ComponentCounter(), new LogicNgCounter())) {
            assertEquals(BigInteger.valueOf(6), counter.count(cnf, Limits.none()).exactCount(), counter.id());
        }
    }
}
