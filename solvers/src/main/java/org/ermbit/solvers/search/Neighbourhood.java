package org.ermbit.solvers.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The values a local search tries for one parameter numerator — all of a small domain, a few steps in
 * a large one — and random values of the domain, drawn from the search's own generator.
 */
final class Neighbourhood {
    /** Domains with at most this many values are searched exhaustively per parameter; larger ones by a few jumps. */
    static final int FULL = 16;

    private final ScaledNetwork net;
    private final SplittableRandom random;

    Neighbourhood(ScaledNetwork net, SplittableRandom random) {
        this.net = net;
        this.random = random;
    }

    /** A uniformly random numerator of parameter p's domain. */
    long randomValue(int p) {
        long lo = net.lower(p);
        long span = net.upper(p) - lo + 1;
        return lo + (span <= 0 ? 0 : random.nextLong(span));
    }

    /** 0, 1, …, n−1 in a uniformly random order. */
    int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /**
     * Every other value of parameter p's domain when it has at most {@link #FULL} values; otherwise
     * v ± 1, v ± 2, a quarter of the range either way and a random value, within the domain.
     */
    long[] values(int p, long v) {
        long lo = net.lower(p);
        long hi = net.upper(p);
        long random = randomValue(p);
        long span = hi - lo + 1;
        if (span <= FULL) {
            long[] out = new long[(int) span - 1];
            int i = 0;
            for (long x = lo; x <= hi; x++) if (x != v) out[i++] = x;
            return out;
        }
        long quarter = Math.max(3, span / 4);
        long[] steps = {v - 1, v + 1, v - 2, v + 2, v - quarter, v + quarter, random};
        int m = 0;
        for (long x : steps) if (x >= lo && x <= hi && x != v) steps[m++] = x;
        return Arrays.copyOf(steps, m);
    }
}
