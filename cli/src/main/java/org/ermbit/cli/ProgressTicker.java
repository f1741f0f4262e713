package org.ermbit.cli;

import java.io.PrintWriter;

/**
 * Shows "still working (N s)" on stderr every few seconds while a long run goes on — only when
 * stderr is a terminal, so scripts and pipes see nothing.
 */
final class ProgressTicker implements AutoCloseable {

    private static final long PERIOD_MS = 2_000;

    private final Thread thread;

    private ProgressTicker(Thread thread) {
        this.thread = thread;
    }

    static ProgressTicker start(PrintWriter err, String what) {
        if (System.console() == null) return new ProgressTicker(null);
        long start = System.nanoTime();
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PERIOD_MS);
                    long s = (System.nanoTime() - start) / 1_000_000_000L;
                    err.print("\rermbit " + what + ": working (" + s + " s)");
                    err.flush();
                }
            } catch (InterruptedException done) {
                err.print("\r\033[K");
                err.flush();
            }
        }, "ermbit-progress");
        t.setDaemon(true);
        t.start();
        return new ProgressTicker(t);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
