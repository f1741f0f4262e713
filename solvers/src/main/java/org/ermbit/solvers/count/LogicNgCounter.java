package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.reductions.cnf.Cnf;
import org.logicng.formulas.Formula;
import org.logicng.formulas.FormulaFactory;
import org.logicng.formulas.Literal;
import org.logicng.formulas.Variable;
import org.logicng.handlers.DnnfCompilationHandler;
import org.logicng.modelcounting.ModelCounter;

/**
 * Model counting through LogicNG 2.6's {@code ModelCounter} (DNNF compilation), used as an
 * independent cross-check of {@link ComponentCounter}. The clauses are handed over without
 * repeated literals and tautologies (a CNF needs no Tseitin auxiliaries, so nothing has to be
 * projected away); LogicNG is told only the
 * variables that occur in some clause and the count is multiplied by 2 for every other declared
 * variable. The deadline and cancel token are checked at every Shannon expansion of the compiler.
 */
public final class LogicNgCounter implements org.ermbit.solvers.count.ModelCounter {
    /** The id used on the command line. */
    public static final String ID = "logicng";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CountResult count(Cnf cnf, Limits limits, CountProgress progress) {
        try (LimitWatcher.InterruptWatch watch = LimitWatcher.cancelOnInterrupt(Thread.currentThread(), limits.cancel())) {
            return countUnderWatch(cnf, limits);
        }
    }

    private static CountResult countUnderWatch(Cnf cnf, Limits limits) {
        long t0 = System.nanoTime();
        FormulaFactory f = new FormulaFactory();
        Variable[] vars = new Variable[cnf.variables() + 1];
        SortedSet<Variable> used = new TreeSet<>();
        List<Formula> clauses = new ArrayList<>(cnf.clauses().size());
        boolean emptyClause = false;
        for (int[] dimacs : cnf.clauses()) {
            int[] clause = normalise(dimacs);
            if (clause == null) continue; // a tautology constrains nothing
            if (clause.length == 0) emptyClause = true;
            List<Literal> lits = new ArrayList<>(clause.length);
            for (int lit : clause) {
                int v = Math.abs(lit);
                if (vars[v] == null) {
                    vars[v] = f.variable("x" + v);
                    used.add(vars[v]);
                }
                lits.add(lit > 0 ? vars[v] : vars[v].negate());
            }
            clauses.add(f.clause(lits));
        }
        if (emptyClause) {
            // LogicNG would agree (an empty disjunction is false); answered here without compiling
            return CountResult.counted(BigInteger.ZERO, ID, CountStats.elapsedOnly(since(t0)));
        }
        LimitsHandler handler = new LimitsHandler(limits);
        BigInteger count = ModelCounter.count(clauses, used, () -> handler);
        if (count == null) {
            CountStatus status = limits.cancel().isCancelled() ? CountStatus.CANCELLED : CountStatus.TIMEOUT;
            return CountResult.stopped(status, ID, CountStats.elapsedOnly(since(t0)));
        }
        BigInteger total = count.shiftLeft(cnf.variables() - used.size());
        return CountResult.counted(total, ID, CountStats.elapsedOnly(since(t0)));
    }

    /**
     * The clause without repeated literals, or null for a tautology (LogicNG's DNNF compiler
     * asserts that its input clauses have neither).
     */
    private static int[] normalise(int[] clause) {
        int[] sorted = clause.clone();
        java.util.Arrays.sort(sorted);
        int size = 0;
        for (int lit : sorted) {
            if (size > 0 && sorted[size - 1] == lit) continue;
            if (java.util.Arrays.binarySearch(sorted, -lit) >= 0) return null;
            sorted[size++] = lit;
        }
        return java.util.Arrays.copyOf(sorted, size);
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Aborts DNNF compilation when the limits expire. */
    private static final class LimitsHandler implements DnnfCompilationHandler {
        private final Limits limits;
        private boolean aborted;

        LimitsHandler(Limits limits) {
            this.limits = limits;
        }

        @Override
        public void started() {
            aborted = limits.expired();
        }

        @Override
        public boolean aborted() {
            return aborted;
        }

        @Override
        public boolean shannonExpansion() {
            aborted = limits.expired();
            return !aborted;
        }
    }
}
