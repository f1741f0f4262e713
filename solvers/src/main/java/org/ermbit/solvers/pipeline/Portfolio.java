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
 * Races several backend runs in parallel and takes the first decisive value; the others are
 * cancelled through their own cancel tokens (linked to the caller's). A single run executes in the
 * calling thread. An {@link ExactnessViolation} in any run is never swallowed: it cancels the rest
 * and is rethrown. Any other exception of a run becomes that run's reason and the race goes on.
 */
final class Portfolio {

    /** The decisive value (or, when none was decisive, the last value produced) and every run's reason for not deciding. */
    record Winner<T>(T value, List<String> reasons) {
    }

    /** How long a cancelled run may take to stop before the race returns without it. */
    private static final long STOP_GRACE_MS = 3_000;

    private Portfolio() {
    }

    static <T> Winner<T> race(List<BackendRun> runs, BiFunction<BackendRun, Limits, T> task, Predicate<T> decisive, Limits limits) {
        if (runs.size() == 1) {
            BackendRun run = runs.get(0);
            T value = task.apply(run, limits);
            return new Winner<>(value, decisive.test(value) ? List.of() : List.of(run.label() + ": " + reason(value)));
        }
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
                } catch (RuntimeException e) {
                    done.add(new Object[] {run, null, e});
                }
            }));
        }
        List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        T last = null;
        try {
            for (int finished = 0; finished < runs.size(); finished++) {
                Object[] d = done.take();
                BackendRun run = (BackendRun) d[0];
                RuntimeException error = (RuntimeException) d[2];
                if (error instanceof ExactnessViolation) throw error;
                if (error != null) {
                    reasons.add(run.label() + ": failed: " + error);
                    continue;
                }
                @SuppressWarnings("unchecked")
                T value = (T) d[1];
                last = value;
                if (decisive.test(value)) return new Winner<>(value, List.copyOf(reasons));
                reasons.add(run.label() + ": " + reason(value));
            }
            if (last == null) throw new IllegalStateException("every backend failed: " + String.join("; ", reasons));
            return new Winner<>(last, List.copyOf(reasons));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the portfolio", e);
        } finally {
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
