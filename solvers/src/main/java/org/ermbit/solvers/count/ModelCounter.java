package org.ermbit.solvers.count;

import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;

/**
 * An exact model counter: the number of assignments to variables 1..{@code cnf.variables()} that
 * satisfy every clause (variables in no clause are free and double the count each).
 */
public interface ModelCounter {

    /** Short id used on the command line ({@code component}, {@code logicng}). */
    String id();

    /** Counts the models of {@code cnf} within {@code limits}; never returns an inexact count. */
    default CountResult count(Cnf cnf, Limits limits) {
        return count(cnf, limits, CountProgress.NONE);
    }

    /**
     * Counts as {@link #count(Cnf, Limits)} and reports progress now and then (on the counting
     * thread; counters without intermediate statistics may never call it). An interrupt of the
     * calling thread cancels the count: the result is CANCELLED and the thread keeps its interrupt flag.
     */
    CountResult count(Cnf cnf, Limits limits, CountProgress progress);
}
