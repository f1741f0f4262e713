package org.ermbit.solvers.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.EncodingStopped;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.encode.UnsupportedInstanceException;
import org.ermbit.solvers.pipeline.BackendRun.Answer;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.ermbit.solvers.baseline.Baselines;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.baseline.InstanceSolver;
import org.ermbit.solvers.registry.SolverRegistry;

/**
 * The embedding API: decides ("is there a parameter vector with loss ≤ threshold?") and optimises
 * (minimum loss with a proof) ERM_bit instances exactly.
 *
 * <p>Piecewise-linear instances go to the NP route (encoder → lowering → backend → decode → exact
 * verification); instances with a polynomial activation of degree ≥ 2 go to the exhaustive route
 * and never reach the encoder. Several solver ids race as a portfolio; the first checked answer wins.
 * Instances of this class are immutable and thread-safe, and hold no resources between calls (nothing
 * to close). Interrupting the calling thread cancels a call in any stage: it returns UNKNOWN
 * "cancelled" (optimize: possibly an unproved SAT) with the interrupt flag set again. Null arguments
 * are {@link NullPointerException}s naming the argument; expected outcomes (timeouts, refusals) are
 * results, never exceptions (docs/EMBEDDING.md). An exception thrown by a {@link Progress} listener
 * cancels the call and is rethrown to the caller.
 *
 * <pre>{@code
 * ErmResult r = new ErmSolver(ErmOptions.defaults()).decide(instance);
 * if (r.outcome() == ErmResult.Outcome.SAT) use(r.witness().get());
 * }</pre>
 */
public final class ErmSolver {

    /**
     * Receives strictly better exact losses, each checked by the exact verifier, in decreasing order:
     * while optimising, of every improved witness; while deciding, of the vectors the local search
     * meets above the threshold (so a long run can show how close it is). Called from a pipeline
     * thread; it should return quickly.
     */
    public interface Progress extends Consumer<Rational> {
        /**
         * While optimising on the NP or the exhaustive route: an improved witness, already accepted by
         * the exact verifier, with its exact loss (the comparison baselines report losses alone, through
         * {@link #accept}). Override it to keep the best parameters during a long run, e.g. on disk; the
         * default passes the loss to {@link #accept}.
         */
        default void improved(Rational loss, NetworkParameters witness) {
            accept(loss);
        }
    }

    private static final String CONFIRMED = " (confirmed)";

    private final ErmOptions options;
    private final SolverRegistry registry;
    private final List<SolverProvider> backends;
    private final List<SolverProvider> crossCheckers;
    private final Optional<InstanceSolver> baseline;

    /**
     * A solver using the backends of the service registry.
     *
     * @throws IllegalArgumentException if a solver id is unknown or its backend is unavailable here
     */
    public ErmSolver(ErmOptions options) {
        this(options, SolverRegistry.load());
    }

    /**
     * A solver using the backends of {@code registry}.
     *
     * @throws IllegalArgumentException if a solver id is unknown or its backend is unavailable here
     */
    public ErmSolver(ErmOptions options, SolverRegistry registry) {
        this.options = Objects.requireNonNull(options, "options");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.baseline = baseline(options.solvers());
        this.backends = baseline.isPresent() ? List.of() : expand(options.solvers()).stream().map(this::available).toList();
        this.crossCheckers = options.crossCheck().stream().distinct().map(this::crossChecker).toList();
        if (baseline.isPresent() && !crossCheckers.isEmpty()) {
            throw new IllegalArgumentException("not supported: cross-checking the baseline '" + options.solvers().get(0)
                    + "' (baselines are comparisons, not part of the exact pipeline)");
        }
        if (backends.isEmpty() && baseline.isEmpty()) throw new IllegalArgumentException("no solver of the portfolio is available here");
    }

    /** "NP" for piecewise-linear networks, "exhaustive" for polynomial activations of degree ≥ 2. */
    public static String route(ErmInstance inst) {
        return inst.architecture().isPiecewiseLinear() ? Routes.NP : Routes.EXHAUSTIVE;
    }

    /** Is there a parameter vector in the domain with loss ≤ the instance's threshold? */
    public ErmResult decide(ErmInstance inst) {
        return decide(inst, loss -> { });
    }

    /**
     * {@link #decide(ErmInstance)}, with {@code progress} hearing the exact loss of every better vector
     * the local search meets while no witness is known (nothing with the local search off, and nothing
     * under data refinement, whose rounds see only part of the data).
     */
    public ErmResult decide(ErmInstance inst, Progress progress) {
        return call(inst, progress, this::decide);
    }

    /** One call of a route: its own limits, interrupts of the caller watched, the listener guarded. */
    private interface Call {
        ErmResult run(ErmInstance inst, Progress progress, Limits limits, Instant start);
    }

    private ErmResult call(ErmInstance inst, Progress progress, Call call) {
        Objects.requireNonNull(inst, "instance");
        Objects.requireNonNull(progress, "progress");
        Instant start = Instant.now();
        Limits limits = limits();
        GuardedProgress guarded = new GuardedProgress(progress, limits);
        // while open, an interrupt of the calling thread cancels the call's limits, so that it reaches
        // every stage (encoding, lowering, the exhaustive route, baselines, cross-checks), not only the wait for the backends
        try (LimitWatcher.InterruptWatch watch = LimitWatcher.cancelOnInterrupt(Thread.currentThread(), limits.cancel())) {
            ErmResult r = call.run(inst, guarded, limits, start);
            guarded.close();
            guarded.rethrow();
            return r;
        } catch (RuntimeException e) {
            guarded.close();
            guarded.rethrow();
            throw e;
        }
    }

    private ErmResult decide(ErmInstance inst, Progress progress, Limits limits, Instant start) {
        Rational gamma = inst.threshold();
        if (baseline.isPresent()) return new BaselineRoute(baseline.get()).decide(inst, limits, start);
        if (gamma.signum() < 0) {
            // no backend needed (they can spend their whole timeout on huge data before seeing it)
            return new ErmResult(Outcome.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), route(inst),
                    List.of(LossDescent.NON_NEGATIVE + " (the threshold is negative)"), "", "", Duration.between(start, Instant.now()));
        }
        if (route(inst).equals(Routes.EXHAUSTIVE)) return new ExhaustiveRoute(options).decide(inst, gamma, limits, start);
        try {
            if (options.refinement() && DataRefinement.applies(inst)) {
                return DataRefinement.decide(inst, subset -> decideEncoded(subset, limits, start, loss -> { }), start);
            }
            return decideEncoded(inst, limits, start, progress);
        } catch (UnsupportedInstanceException e) {
            return refused(e, start);
        }
    }

    /** UNKNOWN for an instance the NP encoder refuses ("not supported: …"): an expected outcome, not an error. */
    private static ErmResult refused(UnsupportedInstanceException e, Instant start) {
        return new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Routes.NP, List.of(), e.getMessage(), "",
                Duration.between(start, Instant.now()));
    }

    /**
     * The NP route on all points of {@code inst}: encode, race the backends (and the local search for
     * witnesses, when on), verify, cross-check an UNSAT.
     */
    private ErmResult decideEncoded(ErmInstance inst, Limits limits, Instant start, Progress progress) {
        Rational gamma = inst.threshold();
        Encoding enc;
        try {
            enc = ErmEncoder.encode(inst, new EncoderOptions(options.symmetryBreaking()), limits);
        } catch (EncodingStopped stopped) {
            return unknown(List.of(stopped.getMessage() + " while encoding"), "", Duration.between(start, Instant.now()));
        }
        List<BackendRun> runs = runs(enc);
        Limits race = childOf(limits);
        Optional<WitnessSearch> search = options.localSearch()
                ? WitnessSearch.forThreshold(inst, limits, options.seed(), race.cancel()::cancel, progress) : Optional.empty();
        Answer a;
        List<String> reasons;
        try {
            // one model of "loss ≤ γ" for every backend, built under the caller's limits while the local search runs
            Model question;
            try {
                question = enc.withLossAtMost(gamma, limits);
            } catch (EncodingStopped stopped) {
                return unknown(List.of(stopped.getMessage() + " while encoding the loss bound"), enc.sizeSummary(),
                        Duration.between(start, Instant.now()));
            }
            // a floating-point backend's UNSAT is a claim: the race goes on for an exact answer
            Portfolio.Winner<Answer> w;
            try {
                w = Portfolio.race(runs, (run, l) -> run.solve(question, Optional.of(gamma), l),
                        x -> x.status() == Status.SAT || x.status() == Status.OPTIMAL
                                || x.status() == Status.UNSAT && !floatingPoint(backends, x.backend()),
                        x -> x.status() == Status.UNSAT, race);
            } catch (Portfolio.Stopped stopped) {
                return unknown(List.of(stopped.reason(), stopped.getMessage()), enc.sizeSummary(), Duration.between(start, Instant.now()));
            }
            a = w.value();
            reasons = w.reasons();
            Optional<Answer> local = search.flatMap(WitnessSearch::answer);
            if (a.status() == Status.UNSAT && local.isPresent()) {
                throw new ExactnessViolation(a.backend() + " answered UNSAT but " + WitnessSearch.SOURCE
                        + " found a witness the exact verifier accepts (loss " + local.get().loss().orElseThrow() + ")");
            }
            if (a.status() != Status.SAT && a.status() != Status.OPTIMAL && local.isPresent()) a = local.get();
        } finally {
            search.ifPresent(WitnessSearch::close);
        }
        Duration t = Duration.between(start, Instant.now());
        if (a.status() == Status.SAT || a.status() == Status.OPTIMAL) {
            return new ErmResult(Outcome.SAT, a.witness(), a.loss(), a.pattern(), Routes.NP, List.of(a.backend()), "", enc.sizeSummary(), t);
        }
        if (a.status() == Status.UNSAT) {
            List<String> provenance = new ArrayList<>(List.of(a.prover()));
            List<String> checks = crossCheck(enc, gamma, a.backend(), limits);
            provenance.addAll(checks);
            if (!exactlyConfirmed(a.backend(), checks)) {
                // a floating-point infeasibility verdict is no answer: CBC says "infeasible" for feasible 33-bit data
                return unknown(List.of(a.backend().split(" ", 2)[0] + " answered UNSAT, but" + FLOATING_POINT_CLAIM + "; it is not reported as UNSAT"
                        + CONFIRM_HINT), enc.sizeSummary(), Duration.between(start, Instant.now()));
            }
            return new ErmResult(Outcome.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), Routes.NP, provenance,
                    "", enc.sizeSummary(), Duration.between(start, Instant.now()), a.certificate());
        }
        List<String> why = new ArrayList<>(reasons);
        search.flatMap(WitnessSearch::bestLossAboveThreshold).ifPresent(l -> why.add(WitnessSearch.SOURCE
                + ": best loss found " + l + " on " + inst.data().size() + " points, above the threshold " + gamma));
        return unknown(why, enc.sizeSummary(), t);
    }

    /** Limits with the same deadline and a cancel token of their own that the parent's cancellation also fires. */
    private static Limits childOf(Limits limits) {
        CancelToken token = new CancelToken();
        limits.cancel().onCancel(token::cancel);
        return new Limits(limits.deadline(), token);
    }

    /**
     * The minimum loss over the domain, with the witness at it and a proof that nothing smaller
     * exists (OPTIMUM); SAT when stopped with a verified but unproved best; UNKNOWN when nothing was
     * found. {@code progress} hears every strictly better verified loss, in decreasing order.
     */
    public ErmResult optimize(ErmInstance inst, Progress progress) {
        return call(inst, progress, this::optimize);
    }

    /**
     * The caller's listener, called from whichever pipeline thread has news: the first exception or
     * error it throws cancels the call and is rethrown to the caller; it hears nothing after that.
     */
    private static final class GuardedProgress implements Progress {
        private final Progress listener;
        private final Limits limits;
        private Throwable failure;
        private boolean closed;

        GuardedProgress(Progress listener, Limits limits) {
            this.listener = listener;
            this.limits = limits;
        }

        @Override
        public synchronized void accept(Rational loss) {
            forward(() -> listener.accept(loss));
        }

        @Override
        public synchronized void improved(Rational loss, NetworkParameters witness) {
            forward(() -> listener.improved(loss, witness));
        }

        private void forward(Runnable call) {
            if (failure != null || closed) return;
            try {
                call.run();
            } catch (RuntimeException | Error e) {
                failure = e;
                limits.cancel().cancel();
            }
        }

        /** After the call has returned its result, the listener hears nothing more (a late thread cannot contradict the result). */
        synchronized void close() {
            closed = true;
        }

        synchronized void rethrow() {
            if (failure instanceof RuntimeException e) throw e;
            if (failure instanceof Error e) throw e;
        }
    }

    /** {@link #optimize(ErmInstance, Progress)} without a progress listener. */
    public ErmResult optimize(ErmInstance inst) {
        return optimize(inst, loss -> { });
    }

    private ErmResult optimize(ErmInstance inst, Progress progress, Limits limits, Instant start) {
        if (baseline.isPresent()) return new BaselineRoute(baseline.get()).optimize(inst, limits, progress, start);
        if (route(inst).equals(Routes.EXHAUSTIVE)) return new ExhaustiveRoute(options).optimize(inst, limits, progress, start);
        // the start point needs no encoding: a run whose encoding is stopped still reports it
        Optional<Answer> startPoint = StartPoint.of(inst);
        Encoding enc;
        try {
            enc = ErmEncoder.encode(inst, new EncoderOptions(options.symmetryBreaking()), limits);
        } catch (UnsupportedInstanceException e) {
            return refused(e, start);
        } catch (EncodingStopped stopped) {
            String why = stopped.getMessage() + " while encoding";
            if (startPoint.isEmpty()) return unknown(List.of(why), "", Duration.between(start, Instant.now()));
            Answer a = startPoint.get();
            progress.improved(a.loss().orElseThrow(), a.witness().orElseThrow());
            return new ErmResult(Outcome.SAT, a.witness(), a.loss(), a.pattern(), Routes.NP, List.of(a.backend()), why, "",
                    Duration.between(start, Instant.now()));
        }
        LossDescent descent = new LossDescent(enc, progress, startPoint);
        Limits race = childOf(limits);
        Optional<WitnessSearch> search = options.localSearch() ? WitnessSearch.forMinimum(inst, limits, options.seed(), a -> {
            // a verified loss of 0 is optimal: every loss is non-negative
            if (descent.offer(a).orElseThrow().signum() == 0) race.cancel().cancel();
        }) : Optional.empty();
        Portfolio.Winner<LossDescent.Result> w;
        try {
            // an optimum proved by a floating-point backend's UNSAT is a claim: the race goes on for an exact proof
            w = Portfolio.race(runs(enc), descent::run, r -> r.proved() && !floatingPoint(backends, r.prover()), r -> r.proved(), race);
        } catch (Portfolio.Stopped stopped) {
            w = new Portfolio.Winner<>(new LossDescent.Result(Optional.empty(), false, "", stopped.reason() + "; " + stopped.getMessage()),
                    List.of(stopped.reason(), stopped.getMessage()));
        } finally {
            search.ifPresent(WitnessSearch::close);
        }
        search.ifPresent(WitnessSearch::answer); // rethrows a violation found by the search
        LossDescent.Result r = w.value().proved() ? w.value() : descent.best().orElse(w.value());
        if (!r.proved() && r.answer().flatMap(Answer::loss).filter(l -> l.signum() == 0).isPresent()) {
            r = new LossDescent.Result(r.answer(), true, LossDescent.NON_NEGATIVE, "");
        }
        Duration t = Duration.between(start, Instant.now());
        if (r.answer().isEmpty()) return unknown(w.reasons(), enc.sizeSummary(), t);
        Answer a = r.answer().get();
        Outcome o = r.proved() ? Outcome.OPTIMUM : Outcome.SAT;
        List<String> provenance = new ArrayList<>(List.of(a.backend()));
        String unproved = "";
        if (r.proved()) {
            // the witness's backend also proved it, with a checked certificate: one entry, the one naming the certificate
            if (r.prover().startsWith(a.backend() + " (")) provenance.remove(0);
            provenance.add(r.prover());
            Rational optimum = a.loss().orElseThrow();
            if (optimum.signum() > 0) {
                List<String> checks = crossCheck(enc, descent.justBelow(optimum), r.prover(), limits);
                provenance.addAll(checks);
                if (!exactlyConfirmed(r.prover(), checks)) {
                    o = Outcome.SAT;
                    unproved = r.prover().split(" ", 2)[0] + " answered that no smaller loss exists, but"
                            + FLOATING_POINT_CLAIM + CONFIRM_HINT;
                }
            }
        }
        boolean proved = o == Outcome.OPTIMUM;
        List<String> entries = provenance.stream().distinct().toList();
        int proofStart = proved ? Math.max(0, entries.indexOf(r.prover())) : 0;
        return new ErmResult(o, a.witness(), a.loss(), a.pattern(), Routes.NP, entries,
                r.proved() ? unproved : String.join("; ", w.reasons()), enc.sizeSummary(), t, proved ? r.certificate() : Optional.empty(),
                proofStart);
    }

    private ErmResult unknown(List<String> reasons, String encodingSummary, Duration t) {
        return new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Routes.NP, List.of(),
                reasons.isEmpty() ? "no answer" : String.join("; ", reasons), encodingSummary, t);
    }

    private static final String FLOATING_POINT_CLAIM = " it decides in floating point and its infeasibility verdicts are not"
            + " re-checked exactly (CBC calls feasible instances with 33-bit data infeasible)";
    private static final String CONFIRM_HINT = " (confirm it with --cross-check sat4j or another exact backend)";

    /**
     * Whether an UNSAT proved by {@code prover} stands: the prover decides exactly, or an exact
     * cross-check backend confirmed it. A floating-point backend's UNSAT alone is not an answer.
     */
    private boolean exactlyConfirmed(String prover, List<String> checks) {
        if (!floatingPoint(backends, prover)) return true;
        for (String c : checks) {
            if (c.endsWith(CONFIRMED) && !floatingPoint(crossCheckers, c.substring(0, c.length() - CONFIRMED.length()))) return true;
        }
        return false;
    }

    /** Does {@code backend} (an id, optionally followed by a space and a version) decide in floating point? */
    private static boolean floatingPoint(List<SolverProvider> providers, String backend) {
        String id = backend.split(" ", 2)[0];
        return providers.stream().anyMatch(p -> p.id().equals(id) && p.capabilities().contains(Capability.FLOATING_POINT));
    }

    /** Runs the cross-check backends on an UNSAT question; a verified SAT from any of them is a contradiction. */
    private List<String> crossCheck(Encoding enc, Rational gamma, String prover, Limits limits) {
        List<String> confirmed = new ArrayList<>();
        for (SolverProvider checker : crossCheckers) {
            Answer a = new BackendRun(checker, enc, options.squaredLoss()).solveAtMost(gamma, limits);
            if (a.status() == Status.SAT || a.status() == Status.OPTIMAL) {
                throw new ExactnessViolation(prover + " answered UNSAT but " + a.backend()
                        + " found a witness the exact verifier accepts (loss " + a.loss().orElseThrow() + ")");
            }
            confirmed.add(a.status() == Status.UNSAT ? a.prover() + CONFIRMED : a.backend() + " (no answer: " + a.reason() + ")");
        }
        return confirmed;
    }

    /** The baseline named by {@code ids}, if it is one; a baseline cannot be raced with other solvers. */
    private static Optional<InstanceSolver> baseline(List<String> ids) {
        for (String id : ids) {
            Optional<InstanceSolver> b = Baselines.byId(id);
            if (b.isEmpty()) continue;
            if (ids.size() > 1) throw new IllegalArgumentException("not supported: baseline '" + id + "' runs alone, not raced with other solvers");
            Availability a = b.get().probe();
            if (!a.available()) throw new IllegalArgumentException("solver '" + id + "' is not available here: " + a.reason());
            return b;
        }
        return Optional.empty();
    }

    private List<BackendRun> runs(Encoding enc) {
        List<BackendRun> runs = new ArrayList<>();
        for (SolverProvider p : backends) runs.add(new BackendRun(p, enc, options.squaredLoss()));
        return runs;
    }

    /** {@code portfolio} expands to the available backends of {@link ErmOptions#DEFAULT_PORTFOLIO}. */
    private List<String> expand(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (id.equals(Routes.PORTFOLIO)) {
                for (String p : ErmOptions.DEFAULT_PORTFOLIO) {
                    if (registry.ids().contains(p) && registry.byId(p).probe().available()) out.add(p);
                }
            } else {
                out.add(id);
            }
        }
        return out.stream().distinct().toList();
    }

    /** A cross-check re-proves with one backend: a registry id (not {@code portfolio}, not a baseline). */
    private SolverProvider crossChecker(String id) {
        if (!registry.ids().contains(id)) {
            throw new IllegalArgumentException("unknown cross-check backend '" + id + "' (cross-checks take backend ids: "
                    + String.join(", ", registry.ids()) + ")");
        }
        return available(id);
    }

    private SolverProvider available(String id) {
        if (!registry.ids().contains(id)) {
            List<String> known = new ArrayList<>(registry.ids());
            known.add(Routes.PORTFOLIO);
            known.addAll(Baselines.ids());
            throw new IllegalArgumentException("unknown solver '" + id + "' (known: " + String.join(", ", known) + ")");
        }
        SolverProvider p = registry.byId(id);
        Availability a = p.probe();
        if (!a.available()) throw new IllegalArgumentException("solver '" + id + "' is not available here: " + a.reason());
        return p;
    }

    private Limits limits() {
        return options.timeout().map(Limits::timeout).orElseGet(Limits::none);
    }
}
