package org.ermbit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.ModelBuilder;
import org.junit.jupiter.api.Test;

/**
 * The solver SPI's value types and their contracts as their Javadoc states them. Deadlines are
 * placed an hour in the past or a century in the future (or at "now", which is already expired), so no test depends on
 * how fast it runs.
 */
class SpiTest {

    @Test
    void cancellationRunsEachListenerOnce() {
        CancelToken t = new CancelToken();
        AtomicInteger first = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        Runnable r = removed::incrementAndGet;
        t.onCancel(first::incrementAndGet);
        t.onCancel(r);
        t.removeListener(r);
        assertFalse(t.isCancelled());
        assertEquals(0, first.get());
        t.cancel();
        assertTrue(t.isCancelled());
        assertEquals(1, first.get());
        assertEquals(0, removed.get());
        t.cancel();   // a second cancel notifies nobody again
        assertEquals(1, first.get());
        AtomicInteger late = new AtomicInteger();
        t.onCancel(late::incrementAndGet);   // already cancelled: runs at once
        assertEquals(1, late.get());
    }

    @Test
    void limitsWithoutADeadline() {
        Limits none = Limits.none();
        assertEquals(Optional.empty(), none.deadline());
        assertEquals(Optional.empty(), none.remaining());
        assertFalse(none.expired());
        assertEquals("timeout", none.stopReason());
        none.cancel().cancel();
        assertTrue(none.expired());
        assertEquals("cancelled", none.stopReason());
    }

    @Test
    void limitsWithADeadline() {
        Limits past = new Limits(Optional.of(Instant.now().minus(Duration.ofHours(1))), new CancelToken());
        assertTrue(past.expired());
        assertEquals(Optional.of(Duration.ZERO), past.remaining());   // never negative
        assertEquals("timeout", past.stopReason());

        Duration century = Duration.ofDays(36_500);
        Limits future = Limits.timeout(century);
        assertFalse(future.expired());
        Duration left = future.remaining().orElseThrow();
        assertTrue(left.compareTo(century) <= 0 && left.compareTo(century.minusDays(1)) > 0, left.toString());
        future.cancel().cancel();
        assertTrue(future.expired());
        assertEquals("cancelled", future.stopReason());

        // a deadline of now has passed (expired means "not before the deadline")
        Limits now = Limits.timeout(Duration.ZERO);
        assertTrue(now.expired());
    }

    /** Timeouts up to a thousand years are deadlines; beyond, no deadline (so no clock arithmetic overflows). */
    @Test
    void hugeTimeoutsAreNoDeadline() {
        assertTrue(Limits.timeout(Limits.UNLIMITED_BEYOND).deadline().isPresent());
        assertEquals(Optional.empty(), Limits.timeout(Limits.UNLIMITED_BEYOND.plusNanos(1)).deadline());
        assertEquals(Optional.empty(), Limits.timeout(Duration.ofSeconds(Long.MAX_VALUE)).deadline());
        assertFalse(Limits.timeout(Duration.ofSeconds(Long.MAX_VALUE)).expired());
    }

    @Test
    void solveResults() {
        Assignment m = new Assignment(new BigInteger[] {BigInteger.ONE});
        Map<String, String> stats = new HashMap<>(Map.of("conflicts", "3"));
        SolveResult sat = SolveResult.sat(m, Optional.of(BigInteger.TEN), "b", "1.0", Duration.ofMillis(5), stats);
        stats.put("later", "x");   // the result keeps its own copy
        assertEquals(Map.of("conflicts", "3"), sat.stats());
        assertEquals(Status.SAT, sat.status());
        assertEquals(Optional.of(m), sat.model());
        assertEquals(Optional.of(BigInteger.TEN), sat.objective());
        assertEquals(Optional.empty(), sat.bound());
        assertEquals("", sat.reason());
        assertEquals(List.of("b", "1.0", Duration.ofMillis(5)), List.of(sat.backend(), sat.backendVersion(), sat.time()));

        SolveResult opt = SolveResult.optimal(m, BigInteger.TWO, "b", "1.0", Duration.ZERO, Map.of());
        assertEquals(Status.OPTIMAL, opt.status());
        assertEquals(Optional.of(BigInteger.TWO), opt.objective());
        assertEquals(Optional.of(BigInteger.TWO), opt.bound());   // optimal: the bound is the objective
        assertEquals(Optional.of(m), opt.model());

        SolveResult unsat = SolveResult.unsat("b", "1.0", Duration.ZERO, Map.of("k", "v"));
        assertEquals(Status.UNSAT, unsat.status());
        assertEquals(Optional.empty(), unsat.model());
        assertEquals(Map.of("k", "v"), unsat.stats());
        assertEquals(Optional.empty(), unsat.certificate());
        UnsatCertificate drat = new UnsatCertificate("DRAT", "DRAT proof of its CNF checked: 3 lemmas");
        SolveResult certified = SolveResult.unsat("b", "1.0", Duration.ZERO, Map.of(), drat);
        assertEquals(Status.UNSAT, certified.status());
        assertEquals(Optional.of(drat), certified.certificate());

        SolveResult unknown = SolveResult.unknown("timeout", "b", "1.0", Duration.ZERO);
        assertEquals(Status.UNKNOWN, unknown.status());
        assertEquals("timeout", unknown.reason());
        assertEquals(Optional.empty(), unknown.model());
        SolveResult error = SolveResult.error("crashed", "b", "1.0", Duration.ZERO);
        assertEquals(Status.ERROR, error.status());
        assertEquals("crashed", error.reason());
        assertEquals(Optional.empty(), error.objective());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SolveResult(Status.SAT, Optional.empty(),
                Optional.empty(), Optional.empty(), "", Map.of(), "b", "1", Duration.ZERO));
        assertEquals("SAT result without a model", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SolveResult(Status.OPTIMAL, Optional.empty(),
                Optional.empty(), Optional.empty(), "", Map.of(), "b", "1", Duration.ZERO));
        // only an UNSAT can carry a proof of unsatisfiability
        IllegalArgumentException cert = assertThrows(IllegalArgumentException.class, () -> new SolveResult(Status.UNKNOWN, Optional.empty(),
                Optional.empty(), Optional.empty(), "timeout", Map.of(), "b", "1", Duration.ZERO, Optional.of(drat)));
        assertEquals("UNKNOWN result with an unsatisfiability certificate", cert.getMessage());
    }

    @Test
    void availabilityAndTheDefaultRefusal() {
        assertEquals(new Availability(true, "4.2", "ok"), Availability.ok("4.2"));
        assertEquals(new Availability(false, "", "library not found"), Availability.missing("library not found"));
        SolverProvider p = new SolverProvider() {
            public String id() {
                return "p";
            }

            public String description() {
                return "";
            }

            public Set<Capability> capabilities() {
                return Set.of();
            }

            public Availability probe() {
                return Availability.missing("test");
            }

            public Solver create() {
                throw new UnsupportedOperationException();
            }
        };
        assertNull(p.refusal(new ModelBuilder().build()));   // by default a provider takes every model
    }
}
