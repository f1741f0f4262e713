package org.ermbit.solvers.pipeline;

import java.util.Optional;
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
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.lower.Lowered;
import org.ermbit.reductions.lower.LoweringStopped;
import org.ermbit.reductions.lower.Lowerings;

/**
 * One backend answering one question about an encoding: lower the model for the backend's
 * capabilities, solve, lift the model back, decode, and check exactly. A SAT/OPTIMAL answer that
 * fails any check raises {@link ExactnessViolation}; everything else is returned as a value.
 */
final class BackendRun {

    /** A checked answer: the solver's status and, for SAT/OPTIMAL, the verified witness. */
    record Answer(Status status, Optional<NetworkParameters> witness, Optional<Rational> loss,
                  Optional<ActivationPattern> pattern, String backend, String reason) {
    }

    private final SolverProvider provider;
    private final Encoding encoding;

    BackendRun(SolverProvider provider, Encoding encoding) {
        this.provider = provider;
        this.encoding = encoding;
    }

    String label() {
        return provider.id();
    }

    /** Whether the backend minimises an objective natively. */
    boolean optimizes() {
        return provider.capabilities().contains(org.ermbit.core.spi.Capability.OPTIMIZE);
    }

    /**
     * Solves {@code model} (a model of {@link #encoding}, possibly with a loss bound or objective) and
     * checks a SAT answer against {@code bound}: the verified loss must be ≤ bound when present.
     */
    Answer solve(Model model, Optional<Rational> bound, Limits limits) {
        Lowered lowered;
        try {
            lowered = Lowerings.forCapabilities(provider.capabilities(), encoding.hasRationalDomains()).apply(model, limits);
        } catch (LoweringStopped stopped) {
            return new Answer(Status.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), label(),
                    stopped.getMessage() + " while lowering the model for the backend");
        }
        String refusal = provider.refusal(lowered.model());
        if (refusal != null) return new Answer(Status.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), label(), refusal);
        SolveResult r;
        try (Solver solver = provider.create()) {
            r = solver.solve(lowered.model(), limits);
        }
        String backend = label() + (r.backendVersion().isEmpty() ? "" : " " + r.backendVersion());
        if (r.status() != Status.SAT && r.status() != Status.OPTIMAL) {
            return new Answer(r.status(), Optional.empty(), Optional.empty(), Optional.empty(), backend, r.reason());
        }
        Assignment lifted = lowered.lift().lift(r.model().orElseThrow());
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
        return new Answer(r.status(), Optional.of(p), Optional.of(v.loss()), Optional.of(actual), backend, "");
    }
}
