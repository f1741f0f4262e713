package org.ermbit.solvers.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;

/**
 * Races backend runs in parallel worker threads and takes the first decisive value; the others are
 * cancelled through their own cancel tokens (linked to the caller's). A value that is a claim but not
 * an answer on its own (a floating-point backend's UNSAT) does not end the race: it is returned only
 * when no run decides. An {@link ExactnessViolation}
 * in any run is never swallowed: it cancels the rest and is rethrown. Any other exception or error of
 * a run (out of memory included) becomes that run's reason and the race goes on. Interrupting the calling thread cancels every run;
 * the race then returns what the runs answer once stopped (normally UNKNOWN "cancelled"), with the
 * thread's interrupt flag set again. The same grace period follows the deadline and a cancellation: a
 * run that ignores them (Sat4j propagating constraints with thousand-bit coefficients checks its
 * timeout only at conflicts) is left behind, named in the reasons, and the race throws {@link Stopped}
 * when no run answered at all.
 */
final class Portfolio {

    /**
     * The decisive value (or, when none was decisive, the first claim, else the last value produced)
     * and every run's reason for not deciding.
     */
    record Winner<T>(T value, List<String> reasons) {
    }

    /**
     * The race was stopped (deadline, cancellation, interrupt) and no run answered within the grace
     * period: {@link #reason()} is "timeout" or "cancelled", the message gives every run's reason.
     */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        Stopped(String reason, String reasons) {
            super(reasons);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }

    /** How long a run may take to stop, after the deadline, a cancellation or an interrupt, before the race returns without it. */
    private static final long STOP_GRACE_MS = 3_000;
    /** How often the race looks at the limits while it waits. */
    private static final long POLL_MS = 50;

    private Portfolio() {
    }

    /**
     * Runs {@code task} for every run; a value {@code decisive} accepts ends the race, one {@code claim}
     * accepts is kept (the first such) in case none does.
     */
    static <T> Winner<T> race(List<BackendRun> runs, BiFunction<BackendRun, Limits, T> task, Predicate<T> decisive,
                              Predicate<T> claim, Limits limits) {
        List<CancelToken> tokens = new ArrayList<>();
        LinkedBlockingQueue<Object[]> done = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(runs.size(), r -> {
            Thread t = new Thread(r, "ermbit-portfolio");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (BackendRun run : runs) {
            CancelToken token = new CancelToken();
            limits.cancel().onCancel(token::cancel);
            tokens.add(token);
            Limits child = new Limits(limits.deadline(), token);
            futures.add(pool.submit(() -> {
                try {
                    done.add(new Object[] {run, task.apply(run, child), null});
                } catch (RuntimeException | Error e) { // an Error (say, out of memory) fails this run only
                    done.add(new Object[] {run, null, e});
                }
            }));
        }
        List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        T last = null;
        T firstClaim = null;
        boolean interrupted = false;
        boolean gaveUp = false;
        List<BackendRun> pending = new ArrayList<>(runs); // in the order given, for the message
        long stopBy = Long.MAX_VALUE; // System.nanoTime() by which every run must have answered, once stopped
        try {
            for (int finished = 0; finished < runs.size(); ) {
                if (stopBy == Long.MAX_VALUE && (interrupted || limits.expired())) {
                    // the deadline, a cancellation or an interrupt: every run stops now (each sees the deadline
                    // and the caller's cancellation itself; an interrupt cancels their tokens), or is left behind
                    stopBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MS);
                }
                Object[] d;
                try {
                    d = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true; // cancel every run and collect what they answer once stopped
                    tokens.forEach(CancelToken::cancel);
                    continue;
                }
                if (d == null) {
                    if (System.nanoTime() - stopBy >= 0) {
                        reasons.add((interrupted ? "interrupted" : limits.stopReason()) + ": "
                                + pending.stream().map(BackendRun::label).collect(java.util.stream.Collectors.joining(", "))
                                + " did not stop within " + STOP_GRACE_MS + " ms and " + (pending.size() == 1 ? "was" : "were") + " left behind");
                        gaveUp = true;
                        break;
                    }
                    continue;
                }
                finished++;
                BackendRun run = (BackendRun) d[0];
                pending.remove(run);
                Throwable error = (Throwable) d[2];
                if (error instanceof ExactnessViolation violation) throw violation;
                if (error != null) {
                    reasons.add(run.label() + ": failed: " + error);
                    continue;
                }
                @SuppressWarnings("unchecked")
                T value = (T) d[1];
                last = value;
                if (decisive.test(value)) return new Winner<>(value, List.copyOf(reasons));
                if (firstClaim == null && claim.test(value)) {
                    firstClaim = value;
                    continue;
                }
                reasons.add(run.label() + ": " + reason(value));
            }
            if (firstClaim != null) return new Winner<>(firstClaim, List.copyOf(reasons));
            if (last == null && gaveUp) throw new Stopped(interrupted ? "cancelled" : limits.stopReason(), String.join("; ", reasons));
            if (last == null) throw new IllegalStateException("every backend failed: " + String.join("; ", reasons));
            return new Winner<>(last, List.copyOf(reasons));
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
            tokens.forEach(CancelToken::cancel);
            pool.shutdown();
            if (!gaveUp) { // runs left behind would only keep the caller waiting again
                try {
                    pool.awaitTermination(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Future<?> f : futures) f.cancel(true);
        }
    }

    private static String reason(Object value) {
        if (value instanceof BackendRun.Answer a) return a.status() + (a.reason().isEmpty() ? "" : " (" + a.reason() + ")");
        if (value instanceof LossDescent.Result r) return r.reason();
        return String.valueOf(value);
    }

}
