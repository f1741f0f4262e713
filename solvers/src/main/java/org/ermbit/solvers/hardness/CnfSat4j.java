package org.ermbit.solvers.hardness;

import java.time.Duration;
import java.util.Optional;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.reductions.cnf.Cnf;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * Decides a CNF directly with Sat4j's default CDCL solver, in-process: the "source side" of
 * {@code ermbit check 3sat-relu}. A SAT answer carries a model that is re-checked against the clauses.
 */
public final class CnfSat4j {

    /** The answer: {@code satisfiable} is empty when unknown (time limit); {@code model} is set iff SAT. */
    public record Answer(Optional<Boolean> satisfiable, Optional<boolean[]> model, Duration time) {
    }

    private CnfSat4j() {
    }

    /** Solves {@code cnf} within {@code limits}: its deadline and its cancel token (an unanswered solve is empty). */
    public static Answer solve(Cnf cnf, Limits limits) {
        long start = System.nanoTime();
        ISolver solver = SolverFactory.newDefault();
        solver.newVar(cnf.variables());
        solver.setExpectedNumberOfClauses(cnf.clauses().size());
        limits.remaining().ifPresent(d -> solver.setTimeoutMs(Math.max(1, d.toMillis())));
        try (LimitWatcher watch = LimitWatcher.start(limits, solver::expireTimeout)) {
            for (int[] clause : cnf.clauses()) {
                if (clause.length == 0) return unsat(start);
                solver.addClause(new VecInt(clause));
            }
            if (!solver.isSatisfiable()) return unsat(start);
            boolean[] model = new boolean[cnf.variables() + 1];
            for (int v = 1; v <= cnf.variables(); v++) model[v] = solver.model(v);
            if (!cnf.isSatisfiedBy(model)) {
                throw new IllegalStateException("Sat4j returned a model that does not satisfy the formula");
            }
            return new Answer(Optional.of(true), Optional.of(model), since(start));
        } catch (ContradictionException e) {
            return unsat(start);
        } catch (TimeoutException e) {
            return new Answer(Optional.empty(), Optional.empty(), since(start));
        } finally {
            solver.reset();
        }
    }

    private static Answer unsat(long start) {
        return new Answer(Optional.of(false), Optional.empty(), since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
