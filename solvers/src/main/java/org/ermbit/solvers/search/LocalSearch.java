package org.ermbit.solvers.search;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ermbit.core.spi.Limits;

/**
 * Stochastic local search over the parameter domain: an incomplete witness finder. It moves
 * between parameter vectors that differ in one numerator, always to a best neighbour by exact
 * scaled loss ({@link ScaledNetwork}), with sideways moves on plateaus, random-walk steps at local
 * minima and restarts (half of them from the best vector with a few parameters changed). It can find a vector with loss ≤ γ fast when one exists (planted teachers),
 * but it never proves that none exists; and whatever it returns is only a candidate — the caller
 * reports it after the exact verifier accepts it.
 */
public final class LocalSearch {
    /** Domains with at most this many values are searched exhaustively per parameter; larger ones by a few jumps. */
    static final int FULL_NEIGHBOURHOOD = 16;
    /** Consecutive moves without a new best before a restart. */
    static final int PATIENCE = 200;
    /** Parameters changed at random when a restart starts from the best vector so far. */
    static final int KICK = 4;

    /** The best vector found, its scaled loss and the work done. */
    public record Outcome(long[] best, long bestLoss, long moves, long evaluations, int restarts) {
    }

    private final ScaledNetwork net;
    private final SplittableRandom random;

    /** A search over {@code net}'s domain with a seeded random generator (runs are reproducible given the same limits). */
    public LocalSearch(ScaledNetwork net, long seed) {
        this.net = net;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Searches until a vector with scaled loss ≤ {@code target} is found or the limits expire.
     * The outcome holds the best vector seen (its loss may be above the target).
     *
     * @throws ArithmeticException if the network's values overflow a long for some vector
     */
    public Outcome run(long target, Limits limits) {
        return run(target, limits, Long.MAX_VALUE, (values, loss) -> { });
    }

    /** Receives every strictly better vector the search finds (a copy) with its scaled loss. */
    public interface Improvement {
        void found(long[] values, long scaledLoss);
    }

    /**
     * {@link #run(long, Limits)} with at most {@code maxMoves} moves (a deterministic budget), telling
     * {@code onImprovement} about every strictly better vector as it is found.
     */
    public Outcome run(long target, Limits limits, long maxMoves, Improvement onImprovement) {
        int n = net.parameterCount();
        ScaledNetwork.Cursor cur = net.cursor(start(true));
        long[] best = cur.values();
        long bestLoss = cur.loss();
        onImprovement.found(best.clone(), bestLoss);
        long moves = 0;
        long evaluations = 1;
        int restarts = 0;
        int sinceBest = 0;
        while (bestLoss > target && n > 0 && moves < maxMoves) {
            if (limits.expired()) break;
            // a best neighbour (ties broken uniformly at random)
            int bestParam = -1;
            long bestValue = 0;
            long bestNeighbour = Long.MAX_VALUE;
            int ties = 0;
            for (int k = 0; k < n; k++) {
                // checked per parameter so that a large network still stops within milliseconds
                if ((k & 7) == 7 && limits.expired()) break;
                for (long v : neighbourValues(k, cur.value(k))) {
                    long loss = cur.lossWith(k, v, bestNeighbour);
                    evaluations++;
                    if (loss < bestNeighbour) {
                        bestNeighbour = loss;
                        bestParam = k;
                        bestValue = v;
                        ties = 1;
                    } else if (loss == bestNeighbour && random.nextInt(++ties) == 0) {
                        bestParam = k;
                        bestValue = v;
                    }
                }
            }
            moves++;
            if (bestParam >= 0 && (bestNeighbour <= cur.loss() || random.nextInt(10) == 0)) {
                cur.set(bestParam, bestValue);
            } else {
                // local minimum: a random step
                int k = random.nextInt(n);
                cur.set(k, randomValue(k));
                evaluations++;
            }
            if (cur.loss() < bestLoss) {
                bestLoss = cur.loss();
                best = cur.values();
                sinceBest = 0;
                onImprovement.found(best.clone(), bestLoss);
            } else if (++sinceBest > PATIENCE) {
                // restart: half the time from the best vector with KICK random parameters changed
                // (iterated local search), otherwise from a uniformly random vector
                cur.setAll(random.nextBoolean() ? kicked(best) : start(false));
                evaluations++;
                restarts++;
                sinceBest = 0;
            }
        }
        return new Outcome(best, bestLoss, moves, evaluations, restarts);
    }

    private long[] start(boolean nearZero) {
        long[] k = new long[net.parameterCount()];
        for (int i = 0; i < k.length; i++) {
            k[i] = nearZero ? Math.max(net.lower(i), Math.min(net.upper(i), 0)) : randomValue(i);
        }
        return k;
    }

    private long[] kicked(long[] from) {
        long[] k = from.clone();
        for (int j = 0; j < KICK; j++) {
            int q = random.nextInt(k.length);
            k[q] = randomValue(q);
        }
        return k;
    }

    private long randomValue(int k) {
        long lo = net.lower(k);
        long span = net.upper(k) - lo + 1;
        return lo + (span <= 0 ? 0 : random.nextLong(span));
    }

    /** Every other value of a small domain; for a large one ±1, ±2, a quarter of the range either way and one random value. */
    private long[] neighbourValues(int k, long v) {
        long lo = net.lower(k);
        long hi = net.upper(k);
        long span = hi - lo + 1;
        if (span <= FULL_NEIGHBOURHOOD) {
            long[] out = new long[(int) span - 1];
            int i = 0;
            for (long x = lo; x <= hi; x++) if (x != v) out[i++] = x;
            return out;
        }
        long quarter = Math.max(3, span / 4);
        long[] steps = {v - 1, v + 1, v - 2, v + 2, v - quarter, v + quarter, randomValue(k)};
        int m = 0;
        for (long x : steps) if (x >= lo && x <= hi && x != v) steps[m++] = x;
        return Arrays.copyOf(steps, m);
    }
}
