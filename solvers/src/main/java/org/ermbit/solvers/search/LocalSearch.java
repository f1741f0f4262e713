package org.ermbit.solvers.search;

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
public final class LocalSearch implements WitnessHeuristic {
    /** Consecutive moves without a new best before a restart. */
    static final int PATIENCE = 200;
    /** Parameters changed at random when a restart starts from the best vector so far. */
    static final int KICK = 4;

    private final ScaledNetwork net;
    private final SplittableRandom random;
    private final Neighbourhood neighbourhood;
    /** The search state, kept between calls of {@link #run(long, Limits, long, Improvement)} (null before the first). */
    private ScaledNetwork.Cursor cur;
    private long[] best;
    private long bestLoss;
    private long moves;
    private long evaluations;
    private int restarts;
    private int sinceBest;

    /** A search over {@code net}'s domain with a seeded random generator (runs are reproducible given the same limits). */
    public LocalSearch(ScaledNetwork net, long seed) {
        this.net = net;
        this.random = new SplittableRandom(seed);
        this.neighbourhood = new Neighbourhood(net, random);
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

    /** {@inheritDoc} A later call continues from where the previous one stopped. */
    @Override
    public Outcome run(long target, Limits limits, long maxMoves, Improvement onImprovement) {
        int n = net.parameterCount();
        if (cur == null) {
            cur = net.cursor(start(true));
            best = cur.values();
            bestLoss = cur.loss();
            evaluations = 1;
            onImprovement.found(best.clone(), bestLoss);
        }
        long stopAt = moves + Math.min(maxMoves, Long.MAX_VALUE - moves);
        while (bestLoss > target && n > 0 && moves < stopAt) {
            if (limits.expired()) break;
            // a best neighbour (ties broken uniformly at random)
            int bestParam = -1;
            long bestValue = 0;
            long bestNeighbour = Long.MAX_VALUE;
            int ties = 0;
            for (int k = 0; k < n; k++) {
                // checked per parameter so that a large network still stops within milliseconds
                if ((k & 7) == 7 && limits.expired()) break;
                for (long v : neighbourhood.values(k, cur.value(k))) {
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
                cur.set(k, neighbourhood.randomValue(k));
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
        return new Outcome(best.clone(), bestLoss, moves, evaluations, restarts);
    }

    private long[] start(boolean nearZero) {
        long[] k = new long[net.parameterCount()];
        for (int i = 0; i < k.length; i++) {
            k[i] = nearZero ? Math.max(net.lower(i), Math.min(net.upper(i), 0)) : neighbourhood.randomValue(i);
        }
        return k;
    }

    private long[] kicked(long[] from) {
        long[] k = from.clone();
        for (int j = 0; j < KICK; j++) {
            int q = random.nextInt(k.length);
            k[q] = neighbourhood.randomValue(q);
        }
        return k;
    }
}
