package org.ermbit.solvers.backend;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ermbit.core.spi.Limits;

/**
 * Enforces a {@link Limits} object on a running solve: calls a backend's interrupt action as soon as
 * the cancel token fires (via its listener) and, because a solver may reset its interrupt flag when a
 * search starts, keeps calling it every {@value #POLL_MS} ms while the limits are expired. Close it
 * when the solve returns. One shared daemon thread serves all watchers.
 */
public final class LimitWatcher implements AutoCloseable {
    /** Polling period in milliseconds. */
    public static final long POLL_MS = 50;

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ermbit-limit-watcher");
        t.setDaemon(true);
        return t;
    });

    private final Limits limits;
    private final Runnable listener;
    private final ScheduledFuture<?> poll;
    private final AtomicBoolean fired = new AtomicBoolean();
    private volatile boolean closed;

    private LimitWatcher(Limits limits, Runnable interrupt) {
        this.limits = limits;
        this.listener = () -> fire(interrupt);
        limits.cancel().onCancel(listener);
        this.poll = SCHEDULER.scheduleAtFixedRate(() -> {
            if (limits.expired()) fire(interrupt);
        }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Starts watching; {@code interrupt} must be safe to call from another thread, repeatedly. */
    public static LimitWatcher start(Limits limits, Runnable interrupt) {
        return new LimitWatcher(limits, interrupt);
    }

    private void fire(Runnable interrupt) {
        if (closed) return;
        fired.set(true);
        try {
            interrupt.run();
        } catch (RuntimeException e) {
            // the solver may already be finishing; interrupting is best effort
        }
    }

    /**
     * Cancels {@code token} as soon as {@code thread}'s interrupt flag is seen set (checked now and
     * every {@value #POLL_MS} ms on the shared watcher thread) until the returned handle is closed.
     * This is how an interrupt of a thread that is busy computing (encoding, lowering, enumerating)
     * rather than waiting reaches every stage of a call.
     */
    public static InterruptWatch cancelOnInterrupt(Thread thread, org.ermbit.core.spi.CancelToken token) {
        if (thread.isInterrupted()) token.cancel();
        ScheduledFuture<?> poll = SCHEDULER.scheduleAtFixedRate(() -> {
            if (thread.isInterrupted()) token.cancel();
        }, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        return () -> poll.cancel(false);
    }

    /** The handle of {@link #cancelOnInterrupt}: closing it stops watching (and throws nothing). */
    @FunctionalInterface
    public interface InterruptWatch extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether the interrupt action ran at least once. */
    public boolean fired() {
        return fired.get();
    }

    /** The UNKNOWN reason to report after an interrupted solve: "cancelled" or "timeout". */
    public String reason() {
        return limits.stopReason();
    }

    @Override
    public void close() {
        closed = true;
        poll.cancel(false);
        limits.cancel().removeListener(listener);
    }
}
