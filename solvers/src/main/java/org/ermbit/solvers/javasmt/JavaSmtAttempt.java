package org.ermbit.solvers.javasmt;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.backend.ResultFactory;
import org.sosy_lab.common.ShutdownManager;
import org.sosy_lab.java_smt.api.BooleanFormula;
import org.sosy_lab.java_smt.api.ProverEnvironment;
import org.sosy_lab.java_smt.api.SolverContext;
import org.sosy_lab.java_smt.api.SolverContext.ProverOptions;
import org.sosy_lab.java_smt.api.SolverException;

/**
 * One java-smt solve on its own worker thread, which owns the context from creation to close.
 * The caller waits with {@link #await}; {@link #stop()} asks the solver to stop (java-smt's shutdown
 * request, and for Princess — which does not listen to it — {@code SimpleAPI.stop} on its prover).
 * If the worker has not finished {@value #GRACE_MS} ms after the limits expired, the caller stops
 * waiting and returns UNKNOWN; the worker is abandoned and closes its context whenever it ends.
 */
final class JavaSmtAttempt implements Runnable {
    /** How long after the deadline or cancellation the caller still waits for the worker. */
    static final long GRACE_MS = 500;

    private final JavaSmtBackend backend;
    private final Model model;
    private final Limits limits;
    private final ResultFactory results;
    private final ShutdownManager shutdown = ShutdownManager.create();
    private final java.util.concurrent.atomic.AtomicBoolean shutdownRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private final CompletableFuture<SolveResult> outcome = new CompletableFuture<>();
    private volatile ProverEnvironment prover;

    JavaSmtAttempt(JavaSmtBackend backend, Model model, Limits limits, ResultFactory results) {
        this.backend = backend;
        this.model = model;
        this.limits = limits;
        this.results = results;
    }

    /** Starts the worker, waits for its answer within the limits (plus grace) and returns it. */
    SolveResult runWithin() {
        Thread worker = new Thread(this, "ermbit-" + backend.id());
        worker.setDaemon(true);
        worker.start();
        try (LimitWatcher watcher = LimitWatcher.start(limits, this::stop)) {
            return await();
        }
    }

    @Override
    public void run() {
        try {
            outcome.complete(solve());
        } catch (Throwable e) { // a solver bug or a native failure: an ERROR value, never a lost thread
            outcome.complete(results.error(backend.id() + " failed: " + e));
        }
    }

    private SolveResult solve() throws Exception {
        if (backend != JavaSmtBackend.CVC5) return solveInContext();
        try {
            if (!Cvc5Contexts.acquire(limits)) {
                return results.unknown(limits.stopReason() + " waiting for another cvc5 solve to end (one CVC5 context at a time per JVM)");
            }
        } catch (InterruptedException e) {
            return results.unknown(limits.stopReason());
        }
        try {
            return solveInContext();
        } finally {
            Cvc5Contexts.release();
        }
    }

    private SolveResult solveInContext() throws Exception {
        Optional<Duration> remaining = limits.remaining();
        try (SolverContext ctx = JavaSmtProvider.newContext(backend, shutdown, remaining);
             ProverEnvironment p = ctx.newProverEnvironment(ProverOptions.GENERATE_MODELS)) {
            JavaSmtEncoding enc = new JavaSmtEncoding(ctx, model);
            for (BooleanFormula f : enc.assertions()) p.addConstraint(f);
            prover = p;
            if (limits.expired()) return results.unknown(limits.stopReason());
            Map<String, String> stats = new LinkedHashMap<>();
            boolean unsat;
            try {
                unsat = p.isUnsat();
            } catch (InterruptedException | SolverException e) {
                if (limits.expired()) return results.unknown(limits.stopReason());
                return results.unknown(backend.id() + ": " + e.getMessage());
            } finally {
                prover = null;
            }
            if (unsat) return results.unsat(stats);
            try (org.sosy_lab.java_smt.api.Model m = p.getModel()) {
                return results.sat(model, enc.decode(m), Optional.empty(), stats);
            }
        } catch (InterruptedException e) {
            return results.unknown(limits.stopReason());
        }
    }

    private SolveResult await() {
        long expiredAt = -1;
        while (true) {
            try {
                return outcome.get(LimitWatcher.POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                return results.unknown("cancelled");
            } catch (ExecutionException e) {
                return results.error(backend.id() + " failed: " + e.getCause());
            }
            if (limits.expired()) {
                long now = System.nanoTime();
                if (expiredAt < 0) expiredAt = now;
                else if (now - expiredAt > TimeUnit.MILLISECONDS.toNanos(GRACE_MS)) return abandoned();
            }
        }
    }

    private SolveResult abandoned() {
        return new SolveResult(Status.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), limits.stopReason(),
                Map.of("abandoned", backend.id() + " did not stop within " + GRACE_MS + " ms; its worker thread was left to finish"),
                backend.id(), results.version(), results.elapsed());
    }

    /**
     * Asks the running solve to stop; safe to call repeatedly from any thread, and never blocks the
     * caller: java-smt's shutdown request waits (sleeping in its {@code ShutdownHook}) until a native
     * solver acknowledges it, which took OpenSMT 18–27 s on a hard instance, so it is made once, on a
     * helper thread. The caller — a cancelling embedding thread or the shared limit watcher — goes on,
     * and {@link #await} abandons a worker that has not stopped {@value #GRACE_MS} ms later.
     */
    void stop() {
        if (shutdownRequested.compareAndSet(false, true)) {
            Thread t = new Thread(() -> shutdown.requestShutdown(limits.stopReason()), "ermbit-" + backend.id() + "-stop");
            t.setDaemon(true);
            t.start();
        }
        if (backend == JavaSmtBackend.PRINCESS) stopPrincess(prover);
    }

    /**
     * Princess ignores java-smt's shutdown request: call {@code SimpleAPI.stop(false)} on the prover
     * behind java-smt's wrappers (fields {@code delegate} → {@code api}), best effort, on a helper
     * thread so the shared watcher never blocks on Princess's lock.
     */
    private static void stopPrincess(ProverEnvironment p) {
        if (p == null) return;
        Thread t = new Thread(() -> {
            try {
                Object api = field(field(p, "delegate").orElse(p), "api").orElse(null);
                if (api != null) api.getClass().getMethod("stop", boolean.class).invoke(api, false);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the watchdog abandons the worker after the grace period instead
            }
        }, "ermbit-princess-stop");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<Object> field(Object o, String name) throws IllegalAccessException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return Optional.ofNullable(f.get(o));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return Optional.empty();
    }
}
