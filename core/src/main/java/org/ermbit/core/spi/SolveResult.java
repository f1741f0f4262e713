package org.ermbit.core.spi;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;

/**
 * The value every solve returns — never null, never an exception for expected outcomes.
 * {@code model} is present for SAT/OPTIMAL; {@code objective} for OPTIMAL (and SAT with an
 * objective); {@code bound} is a proved lower bound on the objective where known; {@code reason}
 * explains UNKNOWN and ERROR; {@code certificate} is a checked proof of an UNSAT answer, where the
 * backend produced one.
 */
public record SolveResult(
        Status status,
        Optional<Assignment> model,
        Optional<BigInteger> objective,
        Optional<BigInteger> bound,
        String reason,
        Map<String, String> stats,
        String backend,
        String backendVersion,
        Duration time,
        Optional<UnsatCertificate> certificate) {

    public SolveResult {
        stats = Map.copyOf(stats);
        if ((status == Status.SAT || status == Status.OPTIMAL) && model.isEmpty()) {
            throw new IllegalArgumentException(status + " result without a model");
        }
        if (status != Status.UNSAT && certificate.isPresent()) {
            throw new IllegalArgumentException(status + " result with an unsatisfiability certificate");
        }
    }

    /** A result without a certificate (every status but a certified UNSAT). */
    public SolveResult(Status status, Optional<Assignment> model, Optional<BigInteger> objective, Optional<BigInteger> bound,
                       String reason, Map<String, String> stats, String backend, String backendVersion, Duration time) {
        this(status, model, objective, bound, reason, stats, backend, backendVersion, time, Optional.empty());
    }

    public static SolveResult sat(Assignment m, Optional<BigInteger> objective, String backend, String version, Duration t, Map<String, String> stats) {
        return new SolveResult(Status.SAT, Optional.of(m), objective, Optional.empty(), "", stats, backend, version, t);
    }

    public static SolveResult optimal(Assignment m, BigInteger objective, String backend, String version, Duration t, Map<String, String> stats) {
        return new SolveResult(Status.OPTIMAL, Optional.of(m), Optional.of(objective), Optional.of(objective), "", stats, backend, version, t);
    }

    public static SolveResult unsat(String backend, String version, Duration t, Map<String, String> stats) {
        return new SolveResult(Status.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), "", stats, backend, version, t);
    }

    /** UNSAT with the proof the backend produced and ermbit checked. */
    public static SolveResult unsat(String backend, String version, Duration t, Map<String, String> stats, UnsatCertificate certificate) {
        return new SolveResult(Status.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), "", stats, backend, version, t,
                Optional.of(certificate));
    }

    public static SolveResult unknown(String reason, String backend, String version, Duration t) {
        return new SolveResult(Status.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), reason, Map.of(), backend, version, t);
    }

    public static SolveResult error(String reason, String backend, String version, Duration t) {
        return new SolveResult(Status.ERROR, Optional.empty(), Optional.empty(), Optional.empty(), reason, Map.of(), backend, version, t);
    }
}
