package org.ermbit.solvers.backend;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.UnsatCertificate;
import org.ermbit.core.spi.Status;

/**
 * Builds {@link SolveResult}s for one solve of one backend, stamping backend id, version and the
 * elapsed time since construction. Models returned by a solver are checked against the IR with
 * {@link Model#isSatisfiedBy}; a violation becomes an ERROR result, never a silent wrong answer.
 */
public final class ResultFactory {
    private final String backend;
    private final String version;
    private final long startNanos = System.nanoTime();

    public ResultFactory(String backend, String version) {
        this.backend = backend;
        this.version = version;
    }

    /** The backend version stamped on every result. */
    public String version() {
        return version;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** SAT (no objective, or an objective not proved optimal) after checking the model. */
    public SolveResult sat(Model model, Assignment a, Optional<BigInteger> bound, Map<String, String> stats) {
        if (!model.isSatisfiedBy(a)) return invalid(a);
        Optional<BigInteger> obj = model.objective().map(o -> o.expr().evaluate(a::value));
        return new SolveResult(Status.SAT, Optional.of(a), obj, bound, "", stats, backend, version, elapsed());
    }

    /** OPTIMAL after checking the model; the objective value is recomputed from the model. */
    public SolveResult optimal(Model model, Assignment a, Map<String, String> stats) {
        if (!model.isSatisfiedBy(a)) return invalid(a);
        BigInteger obj = model.objective().orElseThrow().expr().evaluate(a::value);
        return SolveResult.optimal(a, obj, backend, version, elapsed(), stats);
    }

    public SolveResult unsat(Map<String, String> stats) {
        return SolveResult.unsat(backend, version, elapsed(), stats);
    }

    /** UNSAT with the proof the backend produced and ermbit checked. */
    public SolveResult unsat(Map<String, String> stats, UnsatCertificate certificate) {
        return SolveResult.unsat(backend, version, elapsed(), stats, certificate);
    }

    /**
     * UNSAT without a certificate although the backend records proofs: {@code note} says why (the proof
     * was dropped, or its check stopped), and the pipeline shows it next to the prover.
     */
    public SolveResult unsatUnchecked(Map<String, String> stats, String note) {
        return new SolveResult(Status.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), note, stats, backend, version, elapsed());
    }

    public SolveResult unknown(String reason) {
        return SolveResult.unknown(reason, backend, version, elapsed());
    }

    public SolveResult error(String reason) {
        return SolveResult.error(reason, backend, version, elapsed());
    }

    private SolveResult invalid(Assignment a) {
        return error("backend returned an assignment that violates the model: " + a);
    }
}
