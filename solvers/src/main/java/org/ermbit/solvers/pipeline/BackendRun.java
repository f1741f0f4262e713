package org.ermbit.solvers.pipeline;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.core.spi.UnsatCertificate;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.EncodingStopped;
import org.ermbit.reductions.lower.Lowered;
import org.ermbit.reductions.lower.LoweringStopped;
import org.ermbit.reductions.lower.Lowerings;
import org.ermbit.reductions.lower.TangentCuts;

/**
 * One backend answering one question about an encoding: lower the model for the backend's
 * capabilities, solve, lift the model back, decode, and check exactly. A SAT/OPTIMAL answer that
 * fails any check raises {@link ExactnessViolation}; everything else is returned as a value.
 */
final class BackendRun {

    /**
     * A checked answer: the solver's status and, for SAT/OPTIMAL, the verified witness; for UNSAT the
     * backend's checked proof, where it produced one.
     */
    record Answer(Status status, Optional<NetworkParameters> witness, Optional<Rational> loss,
                  Optional<ActivationPattern> pattern, String backend, String reason, Optional<UnsatCertificate> certificate) {

        /** An answer without a certificate. */
        Answer(Status status, Optional<NetworkParameters> witness, Optional<Rational> loss,
               Optional<ActivationPattern> pattern, String backend, String reason) {
            this(status, witness, loss, pattern, backend, reason, Optional.empty());
        }

        /**
         * How an UNSAT is credited: the backend, followed by what its checked certificate shows, or by
         * why a backend that records proofs has none this time (its reason).
         */
        String prover() {
            if (certificate.isPresent()) return backend + " (" + certificate.get().summary() + ")";
            return status == Status.UNSAT && !reason.isEmpty() ? backend + " (" + reason + ")" : backend;
        }
    }

    private final SolverProvider provider;
    private final Encoding encoding;
    private final boolean tangentCuts;
    /** The tangent cuts' points learned so far, by square: every question about the encoding starts from them. */
    private final Map<String, Set<BigInteger>> cutPoints = new HashMap<>();

    /** A run whose squares stay products (native or bit products, as the backend needs). */
    BackendRun(SolverProvider provider, Encoding encoding) {
        this(provider, encoding, SquaredLossPath.PRODUCTS);
    }

    BackendRun(SolverProvider provider, Encoding encoding, SquaredLossPath squares) {
        this.provider = provider;
        this.encoding = encoding;
        this.tangentCuts = squares.tangentCutsFor(provider.capabilities(), encoding.hasRationalDomains());
    }

    String label() {
        return provider.id();
    }

    /** Whether the backend minimises an objective natively. */
    boolean optimizes() {
        return provider.capabilities().contains(org.ermbit.core.spi.Capability.OPTIMIZE);
    }

    /** The backend's raw answer to one model: a status with a reason, and for SAT/OPTIMAL the model lifted to the input's variables. */
    private record Attempt(Status status, Optional<Assignment> model, String backend, String reason, Optional<UnsatCertificate> certificate) {
        Attempt(Status status, Optional<Assignment> model, String backend, String reason) {
            this(status, model, backend, reason, Optional.empty());
        }
    }

    /**
     * Solves {@code model} (a model of {@link #encoding}, possibly with a loss bound or objective) and
     * checks a SAT answer against {@code bound}: the verified loss must be ≤ bound when present.
     * With tangent cuts the backend solves the relaxation of {@link TangentCuts}, refined until its
     * model completes to a model of {@code model} (for OPTIMAL: with the same objective value).
     */
    /**
     * "loss ≤ γ" on {@link #encoding}: its model is built within {@code limits} (UNKNOWN with the stop
     * reason when they expire first) and solved as by {@link #solve(Model, Optional, Limits)}.
     */
    Answer solveAtMost(Rational gamma, Limits limits) {
        Model model;
        try {
            model = encoding.withLossAtMost(gamma, limits);
        } catch (EncodingStopped stopped) {
            return stoppedWhileEncoding(stopped);
        }
        return solve(model, Optional.of(gamma), limits);
    }

    /** UNKNOWN with the stop reason: the limits expired while the model of a loss bound was being built. */
    Answer stoppedWhileEncoding(EncodingStopped stopped) {
        return new Answer(Status.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), label(),
                stopped.getMessage() + " while encoding the loss bound");
    }

    Answer solve(Model model, Optional<Rational> bound, Limits limits) {
        Optional<TangentCuts> cuts = tangentCuts ? TangentCuts.of(model, learnedCuts()) : Optional.empty();
        try {
            return solve(model, bound, limits, cuts);
        } finally {
            cuts.ifPresent(this::learn);
        }
    }

    private synchronized Map<String, Set<BigInteger>> learnedCuts() {
        Map<String, Set<BigInteger>> copy = new HashMap<>();
        cutPoints.forEach((name, ts) -> copy.put(name, Set.copyOf(ts)));
        return copy;
    }

    private synchronized void learn(TangentCuts cuts) {
        cuts.cutPoints().forEach((name, ts) -> cutPoints.computeIfAbsent(name, k -> new HashSet<>()).addAll(ts));
    }

    private Answer solve(Model model, Optional<Rational> bound, Limits limits, Optional<TangentCuts> cuts) {
        Model target = cuts.map(TangentCuts::relaxed).orElse(model);
        while (true) {
            Attempt at = attempt(target, limits);
            if (at.model().isEmpty()) {
                return new Answer(at.status(), Optional.empty(), Optional.empty(), Optional.empty(), at.backend(), at.reason(), at.certificate());
            }
            Assignment lifted = at.model().get();
            if (cuts.isEmpty()) return checked(model, bound, at.status(), lifted, at.backend());
            if (!target.isSatisfiedBy(lifted)) {
                throw new ExactnessViolation(at.backend() + " returned a model that violates the tangent-cut relaxation");
            }
            Assignment completed = cuts.get().completed(lifted);
            if (model.isSatisfiedBy(completed) && (at.status() != Status.OPTIMAL || objective(model, completed).compareTo(objective(model, lifted)) <= 0)) {
                return checked(model, bound, at.status(), completed, at.backend());
            }
            if (cuts.get().refine(lifted) == 0) {
                throw new ExactnessViolation(at.backend() + " returned a model of the tangent-cut relaxation that completes to no model"
                        + " of the constraint model, although no square is below its cuts");
            }
            if (limits.expired()) {
                return new Answer(Status.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), at.backend(),
                        limits.stopReason() + " while refining tangent cuts (" + cuts.get().cutCount() + " cuts on "
                                + cuts.get().squares() + " squares)");
            }
            target = cuts.get().relaxed();
        }
    }

    private static BigInteger objective(Model m, Assignment a) {
        return m.objective().map(o -> o.expr().evaluate(a::value)).orElse(BigInteger.ZERO);
    }

    /** Lowers {@code model} for the backend, solves it and lifts a model back. */
    private Attempt attempt(Model model, Limits limits) {
        Lowered lowered;
        try {
            lowered = Lowerings.forCapabilities(provider.capabilities(), encoding.hasRationalDomains()).apply(model, limits);
        } catch (LoweringStopped stopped) {
            return new Attempt(Status.UNKNOWN, Optional.empty(), label(), stopped.getMessage() + " while lowering the model for the backend");
        }
        String refusal = provider.refusal(lowered.model());
        if (refusal != null) return new Attempt(Status.UNKNOWN, Optional.empty(), label(), refusal);
        SolveResult r;
        try (Solver solver = provider.create()) {
            r = solver.solve(lowered.model(), limits);
        }
        String backend = label() + (r.backendVersion().isEmpty() ? "" : " " + r.backendVersion());
        if (r.status() != Status.SAT && r.status() != Status.OPTIMAL) return new Attempt(r.status(), Optional.empty(), backend, r.reason(), r.certificate());
        return new Attempt(r.status(), Optional.of(lowered.lift().lift(r.model().orElseThrow())), backend, r.reason());
    }

    /** Decodes {@code lifted} (a model of {@code model}) and checks the witness exactly. */
    private Answer checked(Model model, Optional<Rational> bound, Status status, Assignment lifted, String backend) {
        if (!model.isSatisfiedBy(lifted)) {
            throw new ExactnessViolation(backend + " returned a model that violates the constraint model");
        }
        NetworkParameters p = encoding.decodeParameters(lifted);
        ActivationPattern decoded = encoding.decodePattern(lifted);
        ErmInstance inst = encoding.instance();
        Verifier.Verdict v = Verifier.verify(inst, p);
        if (!Verifier.domainProblems(inst, p).isEmpty()) {
            throw new ExactnessViolation("witness decoded from " + backend + " is outside the domain: "
                    + Verifier.domainProblems(inst, p).get(0));
        }
        if (bound.isPresent() && v.loss().compareTo(bound.get()) > 0) {
            throw new ExactnessViolation("witness decoded from " + backend + " has exact loss " + v.loss()
                    + ", above the bound " + bound.get() + " the encoding enforced");
        }
        ActivationPattern actual = ActivationPattern.of(inst, p);
        if (!actual.equals(decoded)) {
            throw new ExactnessViolation("activation pattern decoded from " + backend
                    + " differs from the one recomputed exactly from its weights");
        }
        return new Answer(status, Optional.of(p), Optional.of(v.loss()), Optional.of(actual), backend, "");
    }
}
