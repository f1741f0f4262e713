package org.ermbit.solvers.search;

import org.ermbit.core.spi.Limits;

/**
 * An incomplete search of the parameter domain for a vector with low scaled loss
 * ({@link ScaledNetwork}): {@link LocalSearch}, {@link ProjectedSearch} and {@link UnitSwapSearch}. It proves nothing;
 * whatever it returns is a candidate for the exact verifier.
 */
public interface WitnessHeuristic {

    /** The best vector found, its scaled loss and the work done. */
    record Outcome(long[] best, long bestLoss, long moves, long evaluations, int restarts) {
    }

    /** Receives every strictly better vector a search finds (a copy) with its scaled loss. */
    interface Improvement {
        void found(long[] values, long scaledLoss);
    }

    /**
     * Searches until a vector with scaled loss ≤ {@code target} is found, {@code maxMoves} moves are
     * made or the limits expire, telling {@code onImprovement} about every strictly better vector as
     * it is found. The outcome holds the best vector seen (its loss may be above the target).
     *
     * @throws ArithmeticException if the network's values overflow a long for some vector
     */
    Outcome run(long target, Limits limits, long maxMoves, Improvement onImprovement);
}
