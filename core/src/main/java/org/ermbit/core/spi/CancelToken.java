package org.ermbit.core.spi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A cooperative cancellation flag with callbacks (used by portfolios and watchdogs). */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) listeners.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code r} on cancellation (immediately if already cancelled). */
    public void onCancel(Runnable r) {
        listeners.add(r);
        if (cancelled.get()) r.run();
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }
}
