package org.ermbit.cli;

import java.io.PrintWriter;

/**
 * Shows "working (N s)" on stderr every few seconds while a long run goes on, with a short status
 * such as the best loss so far when the run reports one — only when stderr is a terminal, so
 * scripts and pipes see nothing.
 */
final class ProgressTicker implements AutoCloseable {

    private static final long PERIOD_MS = 2_000;

    private final Thread thread;
    private volatile String status = "";

    private ProgressTicker(Thread thread) {
        this.thread = thread;
    }

    static ProgressTicker start(PrintWriter err, String what) {
        if (!StandardError.isTerminal()) return new ProgressTicker(null);
        long start = System.nanoTime();
        ProgressTicker[] self = new ProgressTicker[1];
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PERIOD_MS);
                    long s = (System.nanoTime() - start) / 1_000_000_000L;
                    err.print("\r\033[K" + line(what, s, self[0].status));
                    err.flush();
                }
            } catch (InterruptedException done) {
                err.print("\r\033[K");
                err.flush();
            }
        }, "ermbit-progress");
        t.setDaemon(true);
        self[0] = new ProgressTicker(t);
        t.start();
        return self[0];
    }

    /** The ticker's line: {@code ermbit WHAT: working (S s)}, with {@code ; STATUS} inside the parentheses when there is one. */
    static String line(String what, long seconds, String status) {
        return "ermbit " + what + ": working (" + seconds + " s" + (status.isEmpty() ? "" : "; " + status) + ")";
    }

    /** Replaces the status shown after the elapsed time (e.g. "best loss so far 12"). */
    void status(String s) {
        status = s;
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
