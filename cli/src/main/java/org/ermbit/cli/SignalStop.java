package org.ermbit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT and SIGTERM into an interrupt of the running command, so that it stops its solvers
 * and reports what it knows (optimize: the best verified loss and its witness file; bench: the rows
 * already in the CSV) before the JVM exits with the signal's status (130, 143).
 *
 * <p>The JVM runs shutdown hooks on these signals; this hook interrupts the command's thread and
 * waits at most {@link #GRACE} for the command to finish. On a normal exit the command has finished
 * before the hook runs, and the hook does nothing.
 */
final class SignalStop implements AutoCloseable {

    /** How long a signalled command may take to stop and report before the JVM exits anyway. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final Thread command;
    private final PrintWriter err;
    private final CountDownLatch finished = new CountDownLatch(1);

    private SignalStop(Thread command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /** Installs the hook for a command running on {@code command}; close it when the command has reported. */
    static SignalStop install(Thread command, PrintWriter err) {
        SignalStop stop = new SignalStop(command, err);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::onShutdown, "ermbit-signal-stop"));
        return stop;
    }

    private void onShutdown() {
        if (finished.getCount() == 0) return;
        err.println("ermbit: interrupted; stopping and reporting what is known");
        err.flush();
        command.interrupt();
        try {
            finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has finished and reported: a later shutdown is a normal exit. */
    @Override
    public void close() {
        finished.countDown();
    }
}
