package org.ermbit.bench;

import java.util.Optional;
import org.ermbit.core.number.Rational;

/**
 * Compares a run's answer with the MANIFEST. Wrong: a decision answered SAT where the MANIFEST says
 * unsat or UNSAT where it says sat; an optimisation whose proved optimum differs from the stated one,
 * or whose verified (even unproved) loss is below the stated optimum; a count different from the
 * stated one (a count of 0 is an UNSAT answer, any other a SAT answer). Unknown expectations and
 * non-answers (UNKNOWN, TIMEOUT, …) are never wrong.
 */
public final class AnswerCheck {
    private AnswerCheck() {
    }

    /** Empty when consistent, else a one-line description of the contradiction. */
    public static Optional<String> contradiction(ExpectedAnswer expected, RunStatus status, Optional<Rational> loss) {
        switch (expected.kind()) {
            case SAT:
                if (status == RunStatus.UNSAT) return Optional.of("answered UNSAT, the MANIFEST says sat");
                return Optional.empty();
            case UNSAT:
                if (status == RunStatus.SAT || status == RunStatus.OPTIMUM || status == RunStatus.FEASIBLE) {
                    return Optional.of("answered " + status + ", the MANIFEST says unsat");
                }
                return Optional.empty();
            case OPTIMUM:
                Rational opt = expected.value().orElseThrow();
                if (status == RunStatus.OPTIMUM && loss.isPresent() && !loss.get().equals(opt)) {
                    return Optional.of("claimed optimum " + loss.get() + ", the MANIFEST says " + opt);
                }
                if ((status == RunStatus.FEASIBLE || status == RunStatus.SAT) && loss.isPresent() && loss.get().compareTo(opt) < 0) {
                    return Optional.of("found loss " + loss.get() + ", below the MANIFEST's optimum " + opt);
                }
                if (status == RunStatus.UNSAT) return Optional.of("answered UNSAT, the MANIFEST states an optimum " + opt);
                return Optional.empty();
            case COUNT:
                Rational stated = expected.value().orElseThrow();
                if ((status == RunStatus.SAT || status == RunStatus.UNSAT) && loss.isPresent() && !loss.get().equals(stated)) {
                    return Optional.of("counted " + loss.get() + " models, the MANIFEST says " + stated);
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
