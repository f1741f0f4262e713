package org.ermbit.solvers.sat4j;

import java.math.BigInteger;
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
import org.sat4j.core.Vec;
import org.sat4j.core.VecInt;
import org.sat4j.pb.IPBSolver;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IVec;
import org.sat4j.specs.TimeoutException;

/**
 * One Sat4j PB solver session. Each {@link #solve} builds a fresh Sat4j instance: IR variable i is
 * Sat4j variable i+1; a linear constraint becomes one PB constraint with BigInteger coefficients; a
 * clause becomes a clause. With an objective it runs a SAT-UNSAT linear search: after each model of
 * value v it adds {@code objective ≤ v − 1}; the final UNSAT proves optimality. Limits are enforced
 * with Sat4j's own timeout plus {@code expireTimeout()} from a {@link LimitWatcher}.
 */
final class Sat4jSolver implements Solver {
    private static final Set<Capability> CAPS = Set.of(Capability.PSEUDO_BOOLEAN);

    private final Sat4jConfig config;
    private final String version;

    Sat4jSolver(Sat4jConfig config, String version) {
        this.config = config;
        this.version = version;
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
        try {
            for (Var v : model.vars()) {
                if (v.lower().signum() > 0) solver.addClause(VecInt.of(v.index() + 1));
                if (v.upper().signum() == 0) solver.addClause(VecInt.of(-(v.index() + 1)));
            }
            for (Constraint c : model.constraints()) add(solver, c);
        } catch (ContradictionException e) {
            return results.unsat(stats);
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
                if (best.isEmpty()) return results.unsat(stats);
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
                addPb(solver, obj, "<=", value.subtract(BigInteger.ONE).subtract(obj.constant()));
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

    private static void add(IPBSolver solver, Constraint c) throws ContradictionException {
        if (c instanceof Constraint.Clause cl) {
            if (cl.literals().isEmpty()) throw new ContradictionException("empty clause");
            solver.addClause(literals(cl.literals()));
        } else if (c instanceof Constraint.Linear l) {
            BigInteger rhs = l.rhs().subtract(l.expr().constant());
            switch (l.relation()) {
                case LE -> addPb(solver, l.expr(), "<=", rhs);
                case GE -> addPb(solver, l.expr(), ">=", rhs);
                case EQ -> {
                    addPb(solver, l.expr(), "<=", rhs);
                    addPb(solver, l.expr(), ">=", rhs);
                }
            }
        } else {
            throw new IllegalStateException("unexpected constraint " + c);
        }
    }

    /**
     * Adds Σ c·x (without the expression's constant) {@code rel} rhs, normalised first to
     * Σ a·l ≥ d with every a > 0 over literals l (c·x with c < 0 is c + |c|·¬x). Sat4j 2.3.6 gets
     * some mixed-sign constraints wrong after unit propagation (a spurious ContradictionException),
     * so it only ever sees this normal form.
     */
    private static void addPb(IPBSolver solver, LinearExpr e, String rel, BigInteger rhs) throws ContradictionException {
        boolean le = rel.equals("<=");
        BigInteger degree = le ? rhs.negate() : rhs;
        VecInt lits = new VecInt(e.terms().size());
        IVec<BigInteger> coeffs = new Vec<>(e.terms().size());
        BigInteger sum = BigInteger.ZERO;
        for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) {
            BigInteger c = le ? t.getValue().negate() : t.getValue();
            int lit = t.getKey().index() + 1;
            if (c.signum() < 0) {
                degree = degree.subtract(c);
                c = c.negate();
                lit = -lit;
            }
            lits.push(lit);
            coeffs.push(c);
            sum = sum.add(c);
        }
        if (degree.signum() <= 0) return; // always true
        if (sum.compareTo(degree) < 0) throw new ContradictionException("constraint can never reach its degree");
        solver.addAtLeast(lits, coeffs, degree);
    }

    private static VecInt literals(List<Literal> ls) {
        VecInt v = new VecInt(ls.size());
        for (Literal l : ls) v.push(l.positive() ? l.var().index() + 1 : -(l.var().index() + 1));
        return v;
    }

    @Override
    public void close() {
        // nothing held between solves
    }
}
