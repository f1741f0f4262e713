package org.ermbit.solvers.search;

import java.util.Arrays;

/** The values a local search tries for one parameter numerator: all of a small domain, a few steps in a large one. */
final class Neighbourhood {
    /** Domains with at most this many values are searched exhaustively per parameter; larger ones by a few jumps. */
    static final int FULL = 16;

    private Neighbourhood() {
    }

    /**
     * Every other value of {@code [lo, hi]} when it has at most {@link #FULL} values; otherwise
     * v ± 1, v ± 2, a quarter of the range either way and {@code randomValue}, within the domain.
     */
    static long[] of(long lo, long hi, long v, long randomValue) {
        long span = hi - lo + 1;
        if (span <= FULL) {
            long[] out = new long[(int) span - 1];
            int i = 0;
            for (long x = lo; x <= hi; x++) if (x != v) out[i++] = x;
            return out;
        }
        long quarter = Math.max(3, span / 4);
        long[] steps = {v - 1, v + 1, v - 2, v + 2, v - quarter, v + quarter, randomValue};
        int m = 0;
        for (long x : steps) if (x >= lo && x <= hi && x != v) steps[m++] = x;
        return Arrays.copyOf(steps, m);
    }
}
