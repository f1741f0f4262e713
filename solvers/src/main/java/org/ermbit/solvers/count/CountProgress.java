package org.ermbit.solvers.count;

/** Receives statistics of a running count every few seconds (called on the counting thread). */
@FunctionalInterface
public interface CountProgress {
    /** A listener that ignores all reports. */
    CountProgress NONE = stats -> { };

    void report(CountStats stats);
}
