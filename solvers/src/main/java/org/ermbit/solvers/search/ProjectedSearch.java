package org.ermbit.solvers.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ermbit.core.model.LossType;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.search.LeastSquares.Residual;

/**
 * Local search over the hidden layers only, with the output layer projected out (variable
 * projection): a hidden-parameter vector is scored by the exact least-squares residual of the best
 * real-valued output layer on its features ({@link LeastSquares}), a lower bound on the squared loss
 * of every output layer in the domain. One-parameter moves on this score change a hidden unit while
 * the output weights follow it for free, which plain {@link LocalSearch} cannot do. Whenever the
 * score reaches a new best (or the bound), the output layer is completed in the domain: the
 * least-squares coefficients rounded to numerators, then improved one numerator at a time by exact
 * loss. For squared loss with a linear (identity) output layer whose parameters are all free;
 * {@link #applies} says when. Like {@link LocalSearch} it proves nothing and its vectors are
 * candidates for the exact verifier.
 */
public final class ProjectedSearch implements WitnessHeuristic {
    /** Consecutive moves without a new best score before a restart. */
    static final int PATIENCE = 60;
    /** Hidden parameters changed at random when a restart starts from the best vector so far. */
    static final int KICK = 3;
    /** Settings of one unit tried by a whole-unit move: all of them up to this many, else this many at random. */
    static final int UNIT_CANDIDATES = 4096;

    private final ScaledNetwork net;
    private final SplittableRandom random;
    private final Neighbourhood neighbourhood;
    private final OutputProjection projection;
    private final int outputLayer;
    /** Free indices of the hidden parameters (layers below the output). */
    private final int[] hidden;
    /** unitParams[u]: free indices of unit u of the last hidden layer (bias and weights). */
    private final int[][] unitParams;
    private final int lastHiddenUnits;
    /** Free indices of hidden parameters below the last hidden layer. */
    private final int[] lowerHidden;
    /** Per point, the scaled targets T·y of every output. */
    private final long[][] targets;
    /** The search state, kept between calls of {@link #run} (null before the first). */
    private long[] current;
    private Residual score;
    private long[] bestHidden;
    private Residual bestScore;
    private long[] best;
    private long bestLoss;
    private long moves;
    private long evaluations;
    private int restarts;
    private int sinceBest;

    /** A search over {@code net}, which must satisfy {@link #applies}; runs are reproducible given the same limits. */
    public ProjectedSearch(ScaledNetwork net, long seed) {
        if (!applies(net)) throw new IllegalArgumentException("projected search needs squared loss, an identity output layer with free parameters and a hidden layer");
        this.net = net;
        this.random = new SplittableRandom(seed);
        this.neighbourhood = new Neighbourhood(net, random);
        this.projection = new OutputProjection(net, neighbourhood);
        this.outputLayer = net.depth();
        List<Integer> out = new ArrayList<>();
        for (int[] row : projection.outputIndices()) for (int p : row) out.add(p);
        List<Integer> hid = new ArrayList<>();
        for (int p = 0; p < net.parameterCount(); p++) if (!out.contains(p)) hid.add(p);
        hidden = hid.stream().mapToInt(Integer::intValue).toArray();
        int lastHidden = outputLayer - 1;
        lastHiddenUnits = net.units(lastHidden);
        int fanIn = lastHidden == 1 ? net.instance().architecture().inputs() : net.units(lastHidden - 1);
        unitParams = new int[lastHiddenUnits][];
        List<Integer> inLast = new ArrayList<>();
        for (int u = 0; u < lastHiddenUnits; u++) {
            List<Integer> ps = new ArrayList<>();
            for (int sl = 0; sl <= fanIn; sl++) {
                int p = net.freeIndex(lastHidden, u, sl);
                if (p >= 0) ps.add(p);
            }
            inLast.addAll(ps);
            unitParams[u] = ps.stream().mapToInt(Integer::intValue).toArray();
        }
        lowerHidden = hid.stream().filter(p -> !inLast.contains(p)).mapToInt(Integer::intValue).toArray();
        targets = projection.targets();
    }

    /**
     * True for squared loss, at least two layers, an identity output layer all of whose weights and
     * biases are free, and at least one free hidden parameter.
     */
    public static boolean applies(ScaledNetwork net) {
        if (net.instance().loss().type() != LossType.SQUARED || net.depth() < 2 || !net.linearOutput()) return false;
        int last = net.depth();
        int freeOut = 0;
        for (int o = 0; o < net.units(last); o++) {
            for (int s = 0; s <= net.units(last - 1); s++) {
                if (net.freeIndex(last, o, s) < 0) return false;
                freeOut++;
            }
        }
        return net.parameterCount() > freeOut;
    }

    /** {@inheritDoc} A later call continues from where the previous one stopped. */
    @Override
    public Outcome run(long target, Limits limits, long maxMoves, Improvement onImprovement) {
        if (current == null) {
            current = greedyStart(limits);
            score = projection.score(current);
            bestHidden = current.clone();
            bestScore = score;
            best = projection.complete(current);
            bestLoss = net.scaledLoss(best);
            evaluations = 1;
            onImprovement.found(best.clone(), bestLoss);
        }
        long stopAt = moves + Math.min(maxMoves, Long.MAX_VALUE - moves);
        while (bestLoss > target && moves < stopAt && !limits.expired()) {
            Move m = bestSingleChange(current, limits);
            evaluations += m.evaluations;
            moves++;
            boolean stuck = false;
            if (m.param >= 0 && m.score.compareTo(score) < 0) {
                current[m.param] = m.value;
                score = m.score;
            } else {
                // a local minimum for one-numerator moves: re-choose a whole unit of the last hidden layer
                Move b = bestUnitChange(current, score, limits);
                evaluations += b.evaluations;
                if (b.param >= 0) {
                    score = b.score;
                } else if (m.param >= 0 && m.score.compareTo(score) == 0) {
                    current[m.param] = m.value; // sideways on a plateau
                } else {
                    stuck = true;
                }
            }
            boolean newBest = score.compareTo(bestScore) < 0;
            if (newBest || score.atMost(target)) {
                long[] full = projection.complete(current);
                long loss = net.scaledLoss(full);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = full;
                    onImprovement.found(best.clone(), bestLoss);
                }
            }
            if (newBest) {
                bestScore = score;
                bestHidden = current.clone();
                sinceBest = 0;
            } else if (++sinceBest > PATIENCE || stuck) {
                if (random.nextBoolean()) {
                    current = bestHidden.clone();
                    for (int j = 0; j < KICK; j++) {
                        int p = hidden[random.nextInt(hidden.length)];
                        current[p] = neighbourhood.randomValue(p);
                    }
                } else {
                    for (int p : hidden) current[p] = neighbourhood.randomValue(p);
                }
                score = projection.score(current);
                restarts++;
                sinceBest = 0;
            }
        }
        return new Outcome(best.clone(), bestLoss, moves, evaluations, restarts);
    }

    /** A candidate move: parameter (−1: none) and value, or a whole unit already applied; its score. */
    private record Move(int param, long value, Residual score, long evaluations) {
    }

    /** The best vector differing from {@code k} in one hidden numerator (ties broken uniformly at random); {@code k} is unchanged. */
    private Move bestSingleChange(long[] k, Limits limits) {
        Best best = new Best();
        long evaluations = 0;
        long[][] in = projection.lastHiddenInputs(k);
        long[][] a = projection.features(k, in);
        for (int u = 0; u < lastHiddenUnits; u++) {
            if (limits.expired()) break;
            LeastSquares.ColumnScorer scorer = new LeastSquares.ColumnScorer(without(a, u + 1), targets);
            for (int p : unitParams[u]) {
                long saved = k[p];
                for (long v : neighbourhood.values(p, saved)) {
                    k[p] = v;
                    best.offer(p, v, scorer.with(projection.column(u, k, in)));
                    evaluations++;
                }
                k[p] = saved;
            }
        }
        for (int p : lowerHidden) {
            if (limits.expired()) break;
            long saved = k[p];
            for (long v : neighbourhood.values(p, saved)) {
                k[p] = v;
                best.offer(p, v, projection.score(k));
                evaluations++;
            }
            k[p] = saved;
        }
        return new Move(best.param, best.value, best.score, evaluations);
    }

    /** The best one-numerator change offered so far; among equal scores each is kept with equal probability. */
    private final class Best {
        int param = -1;
        long value;
        Residual score = Residual.INFINITE;
        private int ties;

        void offer(int p, long v, Residual r) {
            int c = r.compareTo(score);
            if (c < 0) {
                ties = 1;
            } else if (c > 0 || random.nextInt(++ties) != 0) {
                return;
            }
            param = p;
            value = v;
            score = r;
        }
    }

    /**
     * Tries the units of the last hidden layer in random order, each with every setting
     * ({@link #unitCandidates}), and applies to {@code k} the best setting of the first unit that beats
     * {@code current} (first improvement; ties within a unit broken at random). Returns param 0 and the
     * new score when it moved, param −1 otherwise.
     */
    private Move bestUnitChange(long[] k, Residual current, Limits limits) {
        long evaluations = 0;
        long[][] in = projection.lastHiddenInputs(k);
        long[][] a = projection.features(k, in);
        for (int u : shuffledUnits()) {
            if (limits.expired()) break;
            List<Scored> candidates = unitCandidates(k, u, in, a);
            evaluations += candidates.size();
            Scored best = null;
            int ties = 0;
            for (Scored c : candidates) {
                int cmp = best == null ? -1 : c.score.compareTo(best.score);
                if (cmp < 0) ties = 1;
                if (cmp < 0 || (cmp == 0 && random.nextInt(++ties) == 0)) best = c;
            }
            if (best != null && best.score.compareTo(current) < 0) {
                apply(k, u, best.setting);
                return new Move(0, 0, best.score, evaluations);
            }
        }
        return new Move(-1, 0, current, evaluations);
    }

    /** A setting of one unit's free numerators (in {@code unitParams} order) and the score with it. */
    private record Scored(long[] setting, Residual score) {
    }

    /**
     * Every setting of unit u's free numerators (or {@link #UNIT_CANDIDATES} random ones when there
     * are more), each scored with the other units as in {@code k}; {@code k} is left unchanged.
     */
    private List<Scored> unitCandidates(long[] k, int u, long[][] in, long[][] a) {
        int[] ps = unitParams[u];
        List<Scored> out = new ArrayList<>();
        if (ps.length == 0) return out;
        LeastSquares.ColumnScorer scorer = new LeastSquares.ColumnScorer(without(a, u + 1), targets);
        long[] saved = new long[ps.length];
        for (int i = 0; i < ps.length; i++) saved[i] = k[ps[i]];
        long combos = 1;
        for (int p : ps) combos = combos > UNIT_CANDIDATES ? combos : combos * (net.upper(p) - net.lower(p) + 1);
        boolean exhaustive = combos <= UNIT_CANDIDATES;
        long count = exhaustive ? combos : UNIT_CANDIDATES;
        for (long c = 0; c < count; c++) {
            long rest = c;
            long[] setting = new long[ps.length];
            for (int i = 0; i < ps.length; i++) {
                int p = ps[i];
                long span = net.upper(p) - net.lower(p) + 1;
                if (exhaustive) {
                    setting[i] = net.lower(p) + rest % span;
                    rest /= span;
                } else {
                    setting[i] = neighbourhood.randomValue(p);
                }
                k[p] = setting[i];
            }
            out.add(new Scored(setting, scorer.with(projection.column(u, k, in))));
        }
        apply(k, u, saved);
        return out;
    }

    private void apply(long[] k, int u, long[] setting) {
        for (int i = 0; i < setting.length; i++) k[unitParams[u][i]] = setting[i];
    }

    /**
     * A start built unit by unit (greedy forward selection, as in orthogonal matching pursuit): every
     * hidden unit starts switched off (numerators 0 where the domain allows), then the units of the
     * last hidden layer are chosen one at a time in random order, each the best setting given the ones
     * before (units left when the limits expire stay switched off). Lower hidden layers start at random.
     */
    private long[] greedyStart(Limits limits) {
        long[] k = new long[net.parameterCount()];
        for (int p : hidden) k[p] = Math.max(net.lower(p), Math.min(net.upper(p), 0));
        for (int p : lowerHidden) k[p] = neighbourhood.randomValue(p);
        for (int u : shuffledUnits()) {
            if (limits.expired()) break;
            long[][] in = projection.lastHiddenInputs(k);
            Scored best = null;
            for (Scored c : unitCandidates(k, u, in, projection.features(k, in))) {
                if (best == null || c.score.compareTo(best.score) < 0) best = c;
            }
            if (best != null) apply(k, u, best.setting);
        }
        return k;
    }

    private int[] shuffledUnits() {
        return neighbourhood.shuffled(lastHiddenUnits);
    }

    private static long[][] without(long[][] a, int col) {
        long[][] b = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = new long[a[i].length - 1];
            System.arraycopy(a[i], 0, b[i], 0, col);
            System.arraycopy(a[i], col + 1, b[i], col, a[i].length - col - 1);
        }
        return b;
    }
}
