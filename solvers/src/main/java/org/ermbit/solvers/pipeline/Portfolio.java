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
 * thread's interrupt flag set again, or throws {@link Stopped} when none answered within a grace period.
 */
final class Portfolio {

    /**
     * The decisive value (or, when none was decisive, the first claim, else the last value produced)
     * and every run's reason for not deciding.
     */
    record Winner<T>(T value, List<String> reasons) {
    }

    /** The race was interrupted and no run answered within the grace period; the message gives every run's reason. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String reasons) {
            super(reasons);
        }
    }

    /** How long a cancelled run may take to stop before the race returns without it. */
    private static final long STOP_GRACE_MS = 3_000;

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
        try {
            for (int finished = 0; finished < runs.size(); finished++) {
                Object[] d;
                try {
                    d = interrupted ? done.poll(STOP_GRACE_MS, TimeUnit.MILLISECONDS) : done.take();
                } catch (InterruptedException e) {
                    interrupted = true; // cancel every run and collect what they answer once stopped
                    tokens.forEach(CancelToken::cancel);
                    finished--;
                    continue;
                }
                if (d == null) {
                    reasons.add("interrupted: " + (runs.size() - finished) + " run(s) did not stop within " + STOP_GRACE_MS + " ms");
                    break;
                }
                BackendRun run = (BackendRun) d[0];
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
            if (last == null && interrupted) throw new Stopped(String.join("; ", reasons));
            if (last == null) throw new IllegalStateException("every backend failed: " + String.join("; ", reasons));
            return new Winner<>(last, List.copyOf(reasons));
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
            tokens.forEach(CancelToken::cancel);
            pool.shutdown();
            try {
                pool.awaitTermination(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
