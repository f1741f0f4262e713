package org.ermbit.solvers.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.UnsatCertificate;

/**
 * The answer of {@link ErmSolver}. {@code SAT} and {@code OPTIMUM} always carry a witness the exact
 * verifier accepted, its exact loss and its activation pattern (empty on the exhaustive route).
 * {@code UNSAT} means no parameter vector of the finite domain reaches the bound; {@code provenance}
 * names the backend that proved it and those that confirmed it. {@code SAT} from {@code optimize}
 * means the best loss found is not proved optimal. {@code UNKNOWN} carries the reason; {@code SAT}
 * from {@code optimize} says why optimality is not proved (also when only a floating-point backend
 * claimed it); for {@code UNSAT} and {@code OPTIMUM} it is empty.
 * {@code certificate} is, for {@code UNSAT} and {@code OPTIMUM}, the proof of the proving backend that
 * ermbit checked before answering (a DRAT refutation from {@code logicng} or {@code ext-cadical}),
 * where it produced one. {@code proofStart} is the index of the first {@code provenance} entry that proves
 * the answer ({@link #proof()}): 0, except for an {@code OPTIMUM} whose witness came from a backend other
 * than the one that proved optimality. Results are immutable values: every component is an immutable record,
 * list or {@code Optional}.
 */
public record ErmResult(Outcome outcome, Optional<NetworkParameters> witness, Optional<Rational> loss,
                        Optional<ActivationPattern> pattern, String route, List<String> provenance,
                        String reason, String encodingSummary, Duration time, Optional<UnsatCertificate> certificate,
                        int proofStart) {

    /** What was established. */
    public enum Outcome { SAT, UNSAT, OPTIMUM, UNKNOWN }

    public ErmResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(witness, "witness");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(encodingSummary, "encodingSummary");
        Objects.requireNonNull(time, "time");
        provenance = List.copyOf(provenance);
        if ((outcome == Outcome.SAT || outcome == Outcome.OPTIMUM) && (witness.isEmpty() || loss.isEmpty())) {
            throw new IllegalArgumentException(outcome + " without a verified witness");
        }
        Objects.requireNonNull(certificate, "certificate");
        if (certificate.isPresent() && outcome != Outcome.UNSAT && outcome != Outcome.OPTIMUM) {
            throw new IllegalArgumentException(outcome + " with an unsatisfiability certificate");
        }
        if (proofStart < 0 || proofStart > Math.max(0, provenance.size() - 1)) {
            throw new IllegalArgumentException("proofStart " + proofStart + " outside the provenance " + provenance);
        }
    }

    /** A result whose whole provenance proves it (when it is an {@code UNSAT} or {@code OPTIMUM}). */
    public ErmResult(Outcome outcome, Optional<NetworkParameters> witness, Optional<Rational> loss,
                     Optional<ActivationPattern> pattern, String route, List<String> provenance,
                     String reason, String encodingSummary, Duration time, Optional<UnsatCertificate> certificate) {
        this(outcome, witness, loss, pattern, route, provenance, reason, encodingSummary, time, certificate, 0);
    }

    /** A result without a checked certificate. */
    public ErmResult(Outcome outcome, Optional<NetworkParameters> witness, Optional<Rational> loss,
                     Optional<ActivationPattern> pattern, String route, List<String> provenance,
                     String reason, String encodingSummary, Duration time) {
        this(outcome, witness, loss, pattern, route, provenance, reason, encodingSummary, time, Optional.empty());
    }

    /**
     * The provenance entries that prove the answer: for {@code UNSAT} all of them, for {@code OPTIMUM} the
     * backend that proved "no smaller loss" and the cross-checks with their outcome ("… (confirmed)", or
     * "… (no answer: reason)"), not the witness's backend when that is another one; empty for {@code SAT}
     * and {@code UNKNOWN}.
     */
    public List<String> proof() {
        return switch (outcome) {
            case UNSAT -> provenance;
            case OPTIMUM -> provenance.subList(proofStart, provenance.size());
            case SAT, UNKNOWN -> List.of();
        };
    }

    /** The backend that produced the answer ("" when none did). */
    public String backend() {
        return provenance.isEmpty() ? "" : provenance.get(0);
    }
}
