package org.ermbit.solvers.external;

import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.spi.UnsatCertificate;

/** A parsed, not yet verified answer of an external solver. */
sealed interface Answer {
    /** An assignment; {@code optimal} when the solver claims it minimises the objective. */
    record Sat(Assignment assignment, boolean optimal, Map<String, String> stats) implements Answer {
    }

    /** The solver claims there is no assignment; {@code certificate} is its proof, when ermbit checked one. */
    record Unsat(Map<String, String> stats, Optional<UnsatCertificate> certificate) implements Answer {
        /** A claim without a proof. */
        Unsat(Map<String, String> stats) {
            this(stats, Optional.empty());
        }
    }

    /** No verdict (timeout, cancellation, the solver's own "unknown"), with the reason. */
    record Unknown(String reason) implements Answer {
    }

    /** The solver failed or its output could not be read; the reason names what went wrong. */
    record Error(String reason) implements Answer {
    }

    /** The answer for a process that was killed or failed, or null when it ended normally. */
    static Answer ofKilled(ProcessOutcome o) {
        if (o.timedOut()) return new Unknown("timeout");
        if (o.cancelled()) return new Unknown("cancelled");
        return null;
    }
}
