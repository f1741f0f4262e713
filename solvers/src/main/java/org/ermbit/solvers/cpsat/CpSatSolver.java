package org.ermbit.solvers.cpsat;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.backend.ModelShape;
import org.ermbit.solvers.backend.ResultFactory;

/**
 * One CP-SAT session. Each solve checks the 64-bit range ({@link CpSatRange}) and the shape, builds a
 * fresh {@code CpModel} ({@link CpSatTranslation}) and a fresh {@link CpSolver} with
 * {@code max_time_in_seconds} from the deadline and {@code num_workers} from the provider; a
 * {@link LimitWatcher} calls {@link CpSolver#stopSearch()} on cancellation or at the deadline. The
 * objective value is recomputed exactly from the model (CP-SAT reports it as a double).
 */
final class CpSatSolver implements Solver {
    private final String version;
    private final int workers;
    private final Set<Capability> accepted;

    CpSatSolver(String version, int workers, Set<Capability> accepted) {
        this.version = version;
        this.workers = workers;
        this.accepted = Set.copyOf(accepted);
    }

    @Override
    public SolveResult solve(Model model, Limits limits) {
        ResultFactory results = new ResultFactory(CpSatProvider.ID, version);
        String tooBig = CpSatRange.refusal(model);
        if (tooBig != null) return results.error(tooBig);
        Optional<String> shape = ModelShape.unsupported(model, accepted);
        if (shape.isPresent()) return results.error(shape.get());
        if (limits.expired()) return results.unknown(limits.stopReason());

        CpSatTranslation t = new CpSatTranslation(model);
        CpSolver solver = CpSatNatives.newSolver(workers);
        Optional<Duration> remaining = limits.remaining();
        // whole milliseconds as seconds: a decimal fraction, no decision depends on it
        remaining.ifPresent(r -> solver.getParameters().setMaxTimeInSeconds(Math.max(1, r.toMillis()) / 1000.0));
        CpSolverStatus status;
        try (LimitWatcher watcher = LimitWatcher.start(limits, solver::stopSearch)) {
            status = solver.solve(t.cpModel());
        }
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("conflicts", Long.toString(solver.numConflicts()));
        stats.put("branches", Long.toString(solver.numBranches()));
        stats.put("workers", Integer.toString(workers));
        boolean optimizing = model.objective().isPresent();
        switch (status) {
            case OPTIMAL:
                return optimizing ? results.optimal(model, t.decode(solver), stats)
                        : results.sat(model, t.decode(solver), Optional.empty(), stats);
            case FEASIBLE:
                // a solution, optimality not proved (stopped early)
                if (optimizing) stats.put("stopped", stopReason(limits, remaining, "cp-sat: feasible"));
                return results.sat(model, t.decode(solver), Optional.empty(), stats);
            case INFEASIBLE:
                return results.unsat(stats);
            case MODEL_INVALID:
                return results.error("cp-sat rejected the model: " + t.cpModel().validate());
            default:
                return results.unknown(stopReason(limits, remaining, "cp-sat: " + status));
        }
    }

    /**
     * Why CP-SAT stopped without a verdict: the caller's reason once the limits are spent; "timeout" when
     * CP-SAT's own time limit (set from the deadline, in whole milliseconds rounded down) ended the search
     * a moment before the deadline; otherwise CP-SAT's status.
     */
    private static String stopReason(Limits limits, Optional<Duration> timeLimit, String otherwise) {
        if (limits.expired()) return limits.stopReason();
        return timeLimit.isPresent() ? "timeout" : otherwise;
    }

    @Override
    public void close() {
        // every solve owns its CpModel and CpSolver; nothing is kept between solves
    }
}
