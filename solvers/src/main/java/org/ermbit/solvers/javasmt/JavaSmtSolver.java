package org.ermbit.solvers.javasmt;

import java.util.Optional;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.solvers.backend.ModelShape;
import org.ermbit.solvers.backend.ResultFactory;

/**
 * A session of one java-smt backend. Every solve is a {@link JavaSmtAttempt} with a fresh context
 * on its own worker thread, so a solve that had to be abandoned at the deadline leaves this session
 * usable. Models outside the backend's capabilities get an ERROR "not supported: …".
 */
final class JavaSmtSolver implements Solver {
    private final JavaSmtBackend backend;
    private final String version;

    JavaSmtSolver(JavaSmtBackend backend, String version) {
        this.backend = backend;
        this.version = version;
    }

    @Override
    public SolveResult solve(Model model, Limits limits) {
        ResultFactory results = new ResultFactory(backend.id(), version);
        Optional<String> refusal = ModelShape.unsupported(model, backend.capabilities());
        if (refusal.isPresent()) return results.error(refusal.get());
        if (limits.expired()) return results.unknown(limits.stopReason());
        return new JavaSmtAttempt(backend, model, limits, results).runWithin();
    }

    @Override
    public void close() {
        // contexts are owned and closed by their attempts
    }
}
