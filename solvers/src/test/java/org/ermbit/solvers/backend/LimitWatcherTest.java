package org.ermbit.solvers.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * The watcher's contract: the interrupt runs as soon as the token is cancelled (the token calls its
 * listeners on the cancelling thread), repeatedly while a deadline has passed, never after close, and
 * an interrupt that throws does not escape. No test has a time limit; the deadline cases wait on latches.
 */
class LimitWatcherTest {

    @Test
    void cancellationInterruptsAtOnceAndSaysCancelled() {
        Limits limits = Limits.none();
        AtomicInteger calls = new AtomicInteger();
        try (LimitWatcher w = LimitWatcher.start(limits, calls::incrementAndGet)) {
            assertFalse(w.fired());
            assertEquals(0, calls.get());
            limits.cancel().cancel();
            assertTrue(calls.get() >= 1, "the listener runs inside cancel()");
            assertTrue(w.fired());
            assertEquals("cancelled", w.reason());
        }
    }

    @Test
    void anAlreadyCancelledTokenInterruptsAtStart() {
        Limits limits = Limits.none();
        limits.cancel().cancel();
        AtomicInteger calls = new AtomicInteger();
        try (LimitWatcher w = LimitWatcher.start(limits, calls::incrementAndGet)) {
            assertTrue(w.fired());
            assertTrue(calls.get() >= 1);
        }
    }

    @Test
    void afterCloseNothingIsInterrupted() {
        Limits limits = Limits.none();
        AtomicInteger calls = new AtomicInteger();
        LimitWatcher w = LimitWatcher.start(limits, calls::incrementAndGet);
        w.close();
        limits.cancel().cancel();
        assertEquals(0, calls.get());
        assertFalse(w.fired());
    }

    @Test
    void aPassedDeadlineInterruptsRepeatedlyAndSaysTimeout() throws InterruptedException {
        Limits limits = new Limits(Optional.of(Instant.EPOCH), new CancelToken());
        CountDownLatch three = new CountDownLatch(3);
        try (LimitWatcher w = LimitWatcher.start(limits, three::countDown)) {
            three.await(); // a solver may reset its interrupt flag, so the watcher keeps calling
            assertTrue(w.fired());
            assertEquals("timeout", w.reason());
        }
    }

    @Test
    void anInterruptThatThrowsIsContained() {
        Limits limits = Limits.none();
        AtomicInteger calls = new AtomicInteger();
        try (LimitWatcher w = LimitWatcher.start(limits, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("solver already finished");
        })) {
            limits.cancel().cancel(); // no exception reaches the cancelling thread
            assertTrue(calls.get() >= 1);
            assertTrue(w.fired());
        }
    }
}
