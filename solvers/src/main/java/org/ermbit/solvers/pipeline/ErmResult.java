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
 * where it produced one. Results are immutable values: every component is an immutable record, list or {@code Optional}.
 */
public record ErmResult(Outcome outcome, Optional<NetworkParameters> witness, Optional<Rational> loss,
                        Optional<ActivationPattern> pattern, String route, List<String> provenance,
                        String reason, String encodingSummary, Duration time, Optional<UnsatCertificate> certificate) {

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
    }

    /** A result without a checked certificate. */
    public ErmResult(Outcome outcome, Optional<NetworkParameters> witness, Optional<Rational> loss,
                     Optional<ActivationPattern> pattern, String route, List<String> provenance,
                     String reason, String encodingSummary, Duration time) {
        this(outcome, witness, loss, pattern, route, provenance, reason, encodingSummary, time, Optional.empty());
    }

    /** The backend that produced the answer ("" when none did). */
    public String backend() {
        return provenance.isEmpty() ? "" : provenance.get(0);
    }
}
