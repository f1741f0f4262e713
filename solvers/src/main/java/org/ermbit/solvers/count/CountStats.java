package org.ermbit.solvers.count;

import java.time.Duration;

/**
 * Search statistics of a count: decisions (branches taken), conflicts (branches refuted by unit
 * propagation), component cache lookups and hits, components created, components counted by
 * variable elimination instead of branching, entries in the cache now.
 * Counters that do not search report zeros.
 */
public record CountStats(long decisions, long conflicts, long cacheLookups, long cacheHits,
                         long components, long eliminated, long cacheEntries, Duration elapsed) {

    /** Statistics of a counter that does not search. */
    public static CountStats elapsedOnly(Duration elapsed) {
        return new CountStats(0, 0, 0, 0, 0, 0, 0, elapsed);
    }

    /** One line for progress output and comments. */
    public String summary() {
        return "decisions " + decisions + ", conflicts " + conflicts + ", components " + components
                + " (" + eliminated + " by elimination)"
                + ", cache hits " + cacheHits + "/" + cacheLookups + ", cache entries " + cacheEntries;
    }
}
