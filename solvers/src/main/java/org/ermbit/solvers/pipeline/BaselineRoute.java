package org.ermbit.solvers.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.baseline.BaselineAnswer;
import org.ermbit.solvers.baseline.InstanceSolver;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;

/**
 * Runs a baseline ({@link InstanceSolver}) and checks its claims exactly: a SAT witness must be
 * accepted by the verifier, an optimisation witness must lie in the domain and its loss is
 * recomputed exactly; a claim that fails is an {@link ExactnessViolation}. UNSAT / OPTIMUM carry the
 * baseline as provenance (their proof is the baseline's own).
 */
final class BaselineRoute {
    private final InstanceSolver baseline;

    BaselineRoute(InstanceSolver baseline) {
        this.baseline = baseline;
    }

    private String route() {
        return "baseline " + baseline.id();
    }

    ErmResult decide(ErmInstance inst, Limits limits, Instant start) {
        BaselineAnswer a = baseline.decide(inst, limits);
        Duration t = Duration.between(start, Instant.now());
        return switch (a.kind()) {
            case SAT -> {
                NetworkParameters p = a.witness().orElseThrow();
                Verifier.Verdict v = Verifier.verify(inst, p);
                if (!v.accepted()) throw new ExactnessViolation(baseline.id() + " claimed SAT with a witness the exact verifier refutes: " + v.problems());
                yield new ErmResult(Outcome.SAT, Optional.of(p), Optional.of(v.loss()), Optional.empty(), route(), List.of(baseline.id()), "", "", t);
            }
            case UNSAT -> new ErmResult(Outcome.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), route(), List.of(baseline.id()), "", "", t);
            default -> unknown(a.reason().isEmpty() ? "no answer" : a.reason(), t);
        };
    }

    ErmResult optimize(ErmInstance inst, Limits limits, ErmSolver.Progress progress, Instant start) {
        Rational[] best = {null};
        BaselineAnswer a = baseline.minimize(inst, limits, loss -> {
            if (best[0] == null || loss.compareTo(best[0]) < 0) {
                best[0] = loss;
                progress.accept(loss);
            }
        });
        Duration t = Duration.between(start, Instant.now());
        if (a.witness().isEmpty()) return unknown(a.reason().isEmpty() ? "no answer" : a.reason(), t);
        NetworkParameters p = a.witness().get();
        List<String> problems = Verifier.domainProblems(inst, p);
        if (!problems.isEmpty()) throw new ExactnessViolation(baseline.id() + " returned a witness outside the domain: " + problems.get(0));
        Rational loss = Verifier.verify(inst, p).loss();
        Outcome o = a.kind() == BaselineAnswer.Kind.OPTIMUM ? Outcome.OPTIMUM : Outcome.SAT;
        return new ErmResult(o, Optional.of(p), Optional.of(loss), Optional.empty(), route(), List.of(baseline.id()), a.reason(), "", t);
    }

    private ErmResult unknown(String reason, Duration t) {
        return new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), route(), List.of(), reason, "", t);
    }
}
