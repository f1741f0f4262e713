package org.ermbit.solvers.external;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.solvers.backend.ScratchFiles;

/**
 * Common skeleton of the external-process solvers: refusal check, a fresh working directory per
 * solve, timing, and the exact check of every returned assignment with
 * {@link Model#isSatisfiedBy} (a violated model is reported as ERROR, never as SAT).
 */
abstract class ExternalSolver implements Solver {
    protected final String id;
    protected final String version;
    protected final Path binary;
    /** The binary's own time limit, which bounds it should this JVM be killed. */
    protected final OwnTimeLimit ownLimit;

    ExternalSolver(String id, String version, Path binary, OwnTimeLimit ownLimit) {
        this.id = id;
        this.version = version;
        this.binary = binary;
        this.ownLimit = ownLimit;
    }

    /** Null if the model can be solved, else "not supported: …". */
    abstract String refusal(Model model);

    /** Writes the model to {@code dir}, runs the binary and parses its answer. */
    abstract Answer run(Model model, Path dir, Limits limits) throws IOException;

    @Override
    public final SolveResult solve(Model model, Limits limits) {
        Instant start = Instant.now();
        String why = refusal(model);
        if (why != null) return SolveResult.error(why, id, version, Duration.between(start, Instant.now()));
        Path dir = null;
        Answer a;
        try {
            dir = ScratchFiles.createDirectory(id);
            a = run(model, dir, limits);
        } catch (IOException | RuntimeException e) {
            a = new Answer.Error(id + " failed: " + e.getMessage());
        } finally {
            ScratchFiles.deleteQuietly(dir);
        }
        Duration t = Duration.between(start, Instant.now());
        if (a instanceof Answer.Sat s) {
            if (!model.isSatisfiedBy(s.assignment())) {
                return SolveResult.error(id + " returned an assignment that violates the model (rejected by the exact check)", id, version, t);
            }
            Map<String, String> stats = new HashMap<>(s.stats());
            stats.put("verified", "assignment checked exactly against the model");
            Optional<BigInteger> obj = model.objective().map(o -> o.expr().evaluate(s.assignment()::value));
            if (s.optimal() && obj.isPresent()) return SolveResult.optimal(s.assignment(), obj.get(), id, version, t, stats);
            return SolveResult.sat(s.assignment(), obj, id, version, t, stats);
        } else if (a instanceof Answer.Unsat u) {
            return u.certificate().map(c -> SolveResult.unsat(id, version, t, u.stats(), c))
                    .orElseGet(() -> SolveResult.unsat(id, version, t, u.stats()));
        } else if (a instanceof Answer.Unknown u) {
            return SolveResult.unknown(u.reason(), id, version, t);
        }
        return SolveResult.error(((Answer.Error) a).reason(), id, version, t);
    }

    @Override
    public void close() {
        // nothing to release: every solve runs its own process
    }
}
