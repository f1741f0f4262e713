package org.ermbit.solvers.count;

import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;

/**
 * A sharpSAT-style exact model counter: DPLL with unit propagation (two watched literals), the
 * residual formula split into connected components that are counted independently and multiplied,
 * a cache of component counts keyed canonically, and branching on the variable with the most
 * occurrences in the current component's open clauses. Counts are BigIntegers; variables that end
 * up in no open clause (including variables declared but unused) contribute a factor 2 each.
 *
 * <p>The search keeps its own stack (no recursion), checks the limits every few hundred decisions,
 * and bounds the cache by an estimated byte budget (the cache is emptied when it is exceeded, which
 * costs time, never correctness). No clause learning. Instances are not shared: each call builds
 * fresh search state, so one counter may be used from several threads.
 */
public final class ComponentCounter implements ModelCounter {
    /** The id used on the command line. */
    public static final String ID = "component";

    private final long cacheBudgetBytes;

    /** A counter whose cache may use about a third of the maximum heap. */
    public ComponentCounter() {
        this(Runtime.getRuntime().maxMemory() / 3);
    }

    /** A counter whose cache may use about {@code cacheBudgetBytes} bytes (estimated). */
    public ComponentCounter(long cacheBudgetBytes) {
        if (cacheBudgetBytes < 0) throw new IllegalArgumentException("negative cache budget");
        this.cacheBudgetBytes = cacheBudgetBytes;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public CountResult count(Cnf cnf, Limits limits, CountProgress progress) {
        return new ComponentSearch(cnf, limits, progress, cacheBudgetBytes).run();
    }
}
