package org.ermbit.solvers.sat4j;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.backend.ModelShape;
import org.ermbit.solvers.backend.ResultFactory;
import org.sat4j.pb.IPBSolver;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.TimeoutException;

/**
 * One Sat4j PB solver session. Each {@link #solve} builds a fresh Sat4j instance: IR variable i is
 * Sat4j variable i+1; a linear constraint becomes one PB constraint with BigInteger coefficients; a
 * clause becomes a clause. With an objective it runs a SAT-UNSAT linear search: after each model of
 * value v it adds {@code objective ≤ v − 1}; the final UNSAT proves optimality. Limits are enforced
 * with Sat4j's own timeout plus {@code expireTimeout()} from a {@link LimitWatcher}.
 *
 * <p>With proofs on, a decision (no objective) on an engine that learns clauses records the clauses
 * Sat4j learns and deletes ({@link Sat4jProofRecorder}); an UNSAT is then checked by
 * {@link org.ermbit.reductions.cnf.DratChecker} as a DRUP proof over the clauses and normalised PB constraints built here (the
 * same objects Sat4j was given, not what Sat4j stored) and carries the certificate. A proof that does
 * not check is an error, never an answer. When the proof was dropped (memory budget) or its check was
 * stopped by the limits, the UNSAT is reported as Sat4j's claim, as with proofs off, and the stats say why.
 */
final class Sat4jSolver implements Solver {
    private static final Set<Capability> CAPS = Set.of(Capability.PSEUDO_BOOLEAN);

    private final Sat4jConfig config;
    private final String version;
    private final Sat4jProofs proofs;
    private final long proofBudget;
    private final Path spillDirectory;
    private final long diskBudget;

    /**
     * A solver that records and checks proofs as {@code proofs} says when the engine learns clauses,
     * within {@code proofBudget} bytes of memory and then {@code diskBudget} bytes in a temporary file in
     * {@code spillDirectory} (null: none).
     */
    Sat4jSolver(Sat4jConfig config, String version, Sat4jProofs proofs, long proofBudget, Path spillDirectory, long diskBudget) {
        this.config = config;
        this.version = version;
        this.proofs = proofs;
        this.proofBudget = proofBudget;
        this.spillDirectory = spillDirectory;
        this.diskBudget = diskBudget;
    }

    @Override
    public SolveResult solve(Model model, Limits limits) {
        ResultFactory results = new ResultFactory("sat4j", version);
        Optional<String> refusal = ModelShape.unsupported(model, CAPS);
        if (refusal.isPresent()) return results.error(refusal.get());
        if (limits.expired()) return results.unknown(limits.stopReason());
        IPBSolver solver = config.newSolver();
        try (LimitWatcher watcher = LimitWatcher.start(limits, solver::expireTimeout)) {
            // the watcher keeps expiring Sat4j's timeout while the limits are exceeded
            return run(model, limits, solver, results);
        } catch (RuntimeException e) {
            return results.error("sat4j failed: " + e);
        } finally {
            solver.reset();
        }
    }

    private SolveResult run(Model model, Limits limits, IPBSolver solver, ResultFactory results) {
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("config", config.optionName());
        int n = model.vars().size();
        solver.newVar(Math.max(n, 1));
        solver.setExpectedNumberOfClauses(model.constraints().size());
        Sat4jAxioms axioms = new Sat4jAxioms(n);
        Sat4jProofRecorder recorder = proofs != Sat4jProofs.OFF && config.learnsClauses() && model.objective().isEmpty()
                ? new Sat4jProofRecorder(proofBudget, spillDirectory, diskBudget) : null;
        if (recorder != null) solver.setSearchListener(recorder);
        try {
            return search(model, limits, solver, results, stats, n, axioms, recorder);
        } finally {
            if (recorder != null) recorder.close(); // deletes a spill file
        }
    }

    private SolveResult search(Model model, Limits limits, IPBSolver solver, ResultFactory results, Map<String, String> stats,
            int n, Sat4jAxioms axioms, Sat4jProofRecorder recorder) {
        try {
            for (Var v : model.vars()) {
                if (v.lower().signum() > 0) axioms.clause(solver, v.index() + 1);
                if (v.upper().signum() == 0) axioms.clause(solver, -(v.index() + 1));
            }
            for (Constraint c : model.constraints()) add(solver, axioms, c);
        } catch (ContradictionException e) {
            return Sat4jCertifier.unsat(recorder, proofs, axioms, stats, limits, results);
        }
        Optional<Assignment> best = Optional.empty();
        int improvements = 0;
        while (true) {
            Optional<Duration> remaining = limits.remaining();
            if (limits.expired()) return interrupted(model, best, limits, results);
            remaining.ifPresent(r -> solver.setTimeoutMs(Math.max(1, r.toMillis())));
            boolean sat;
            try {
                sat = solver.isSatisfiable();
            } catch (TimeoutException e) {
                return interrupted(model, best, limits, results);
            }
            if (!sat) {
                stats.put("improvements", Integer.toString(improvements));
                if (best.isEmpty()) return Sat4jCertifier.unsat(recorder, proofs, axioms, stats, limits, results);
                return results.optimal(model, best.get(), stats);
            }
            Assignment a = decode(solver, n);
            if (model.objective().isEmpty()) return results.sat(model, a, Optional.empty(), stats);
            best = Optional.of(a);
            improvements++;
            LinearExpr obj = model.objective().get().expr();
            BigInteger value = obj.evaluate(a::value);
            try {
                // Σ c·x + k ≤ value − 1
                axioms.linear(solver, obj, true, value.subtract(BigInteger.ONE).subtract(obj.constant()));
            } catch (ContradictionException e) {
                stats.put("improvements", Integer.toString(improvements));
                return results.optimal(model, a, stats);
            }
        }
    }

    /** After a timeout or cancel: the best model so far (SAT, not proved optimal), else UNKNOWN. */
    private static SolveResult interrupted(Model model, Optional<Assignment> best, Limits limits, ResultFactory results) {
        String reason = limits.stopReason();
        if (best.isPresent()) return results.sat(model, best.get(), Optional.empty(), Map.of("stopped", reason));
        return results.unknown(reason);
    }

    private static Assignment decode(IPBSolver solver, int n) {
        BigInteger[] values = new BigInteger[n];
        for (int i = 0; i < n; i++) values[i] = solver.model(i + 1) ? BigInteger.ONE : BigInteger.ZERO;
        return new Assignment(values);
    }

    private static void add(IPBSolver solver, Sat4jAxioms axioms, Constraint c) throws ContradictionException {
        if (c instanceof Constraint.Clause cl) {
            axioms.clause(solver, literals(cl.literals()));
        } else if (c instanceof Constraint.Linear l) {
            BigInteger rhs = l.rhs().subtract(l.expr().constant());
            switch (l.relation()) {
                case LE -> axioms.linear(solver, l.expr(), true, rhs);
                case GE -> axioms.linear(solver, l.expr(), false, rhs);
                case EQ -> {
                    axioms.linear(solver, l.expr(), true, rhs);
                    axioms.linear(solver, l.expr(), false, rhs);
                }
            }
        } else {
            throw new IllegalStateException("unexpected constraint " + c);
        }
    }

    private static int[] literals(List<Literal> ls) {
        int[] v = new int[ls.size()];
        for (int i = 0; i < v.length; i++) v[i] = ls.get(i).positive() ? ls.get(i).var().index() + 1 : -(ls.get(i).var().index() + 1);
        return v;
    }

    @Override
    public void close() {
        // nothing held between solves
    }
}
