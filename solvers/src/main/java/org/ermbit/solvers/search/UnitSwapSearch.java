package org.ermbit.solvers.search;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.search.LeastSquares.Residual;

/**
 * Iterated local search over whole hidden units, with the output layer projected out, for networks
 * with one hidden layer whose units all range over the same settings (every hidden parameter free,
 * the same domain per slot, at most {@value #MAX_SETTINGS} settings per unit and at most
 * {@value #MAX_TABLE} settings × points). A step replaces one
 * unit by the setting that minimises the least-squares residual of the best real output layer given
 * the other units (first unit in random order whose best setting improves); at a local minimum the
 * search restarts from the incumbent (the best state since the last fresh start) with one unit set at
 * random (a kick) and makes the result the incumbent when it is no worse; after
 * {@value #FRESH_START_AFTER} kicks without a strictly better state it starts afresh with every unit
 * at random. States whose residual is at most the incumbent's are completed with an output layer in
 * the domain ({@link OutputProjection#complete}) and their exact loss is reported when it beats every
 * loss reported before.
 *
 * <p><b>Cost.</b> Ranking a unit's settings takes one sweep over a settings × points table: the
 * projections of every setting on the span of <em>all</em> units are kept per state and downdated
 * by the ranked unit's direction, and after a move they are updated by the new unit's direction
 * instead of being recomputed (see {@link #bestSetting}).
 *
 * <p><b>Exactness.</b> Ranking all settings of a unit exactly costs big-integer arithmetic per
 * setting (that is what {@link ProjectedSearch} does); here the settings are <em>ranked</em> in
 * floating point (modified Gram–Schmidt on the other units' columns), and the chosen setting is
 * accepted only if the exact residual ({@link LeastSquares}, rational) improves. Floating point thus
 * decides only which candidate is tried next — every accepted step, every reported loss and every
 * vector handed on is exact, and the vectors go on to the exact verifier like any heuristic's.
 */
public final class UnitSwapSearch implements WitnessHeuristic {
    /** Largest number of settings of one unit this search enumerates (e.g. 16^4 for a 3-input unit with 4-bit parameters). */
    static final int MAX_SETTINGS = 1 << 16;
    /** Largest settings × points table (doubles) this search builds, about 64 MB. */
    static final long MAX_TABLE = 1L << 23;
    /** Relative margin below which a floating-point score does not count as an improvement. */
    private static final double MARGIN = 1e-9;
    /** Incremental span updates between two full recomputations. */
    private static final int SPAN_UPDATES_PER_REFRESH = 32;
    /** Kicks without a strictly better state after which the search starts afresh from random settings. */
    static final int FRESH_START_AFTER = 500;

    private final ScaledNetwork net;
    private final SplittableRandom random;
    private final Neighbourhood neighbourhood;
    private final OutputProjection projection;
    private final int units;
    /** unitParams[u]: free indices of unit u (bias and weights, in slot order). */
    private final int[][] unitParams;
    /** settings[s]: the numerators of one unit's slots for setting s. */
    private final long[][] settings;
    /** byPoint[pt][s]: a unit's activation at point pt with setting s (one sweep per basis vector scores all settings). */
    private final double[][] byPoint;
    private final double[] columnNorms;
    /** Scratch arrays over the settings. */
    private final double[] projected;
    private final double[] gains;
    private final double[] dots;
    /** targets[o][pt]: scaled target of output o at point pt. */
    private final double[][] targets;
    private final long[] fixedPart;

    /** The state that the span arrays below describe (null: none yet). */
    private int[] spanState;
    /** spanProjected[s]: squared norm of setting s's column projected on the span of the constant and all units' columns. */
    private final double[] spanProjected;
    /** spanDots[o][s]: the residual of output o's targets off that span, dotted with setting s's column. */
    private final double[][] spanDots;
    /** Squared norm of those residuals, summed over the outputs. */
    private double spanBase;
    /** Span updates by {@link #spanMoved} since the last full {@link #refreshSpan} (bounds rounding drift). */
    private int spanUpdates;
    /**
     * What the last {@link #bestSetting} call left for {@link #spanMoved}: the unit it ranked (−1: none
     * valid), the orthonormal basis of the constant and the other units' columns with its rank, and
     * the residual norm off that basis; {@link #projected} and {@link #dots} then hold the settings'
     * projections on that basis and their dots with e, and {@code downEy} the targets' dots with e.
     */
    private int downUnit = -1;
    private double[][] downBasis;
    private int downRank;
    private double downBase;
    private double[] downEy;

    private int[] current;
    /** True while the current state is being descended (a call may stop mid-descent). */
    private boolean descending;
    private Residual currentScore;
    private int[] best;
    private Residual bestScore;
    private long[] bestVector;
    private long bestLoss = Long.MAX_VALUE;
    /** The sorted settings of the state completed last, so a state reached again is not completed again. */
    private int[] lastCompleted = new int[0];
    private long moves;
    private long evaluations;
    private int restarts;
    private int kicksSinceBetter;

    /** A search over {@code net}, which must satisfy {@link #applies}; runs are reproducible given the same limits. */
    public UnitSwapSearch(ScaledNetwork net, long seed) {
        if (!applies(net)) throw new IllegalArgumentException("unit-swap search needs what ProjectedSearch needs, one hidden layer and units with identical free settings");
        this.net = net;
        this.random = new SplittableRandom(seed);
        this.neighbourhood = new Neighbourhood(net, random);
        this.projection = new OutputProjection(net, neighbourhood);
        this.units = net.units(1);
        int slots = net.instance().architecture().inputs() + 1;
        unitParams = new int[units][slots];
        for (int u = 0; u < units; u++) for (int s = 0; s < slots; s++) unitParams[u][s] = net.freeIndex(1, u, s);
        int count = settingCount(net);
        settings = new long[count][slots];
        fixedPart = new long[net.parameterCount()];
        long[][] in = projection.lastHiddenInputs(fixedPart);
        byPoint = new double[in.length][count];
        columnNorms = new double[count];
        for (int s = 0; s < count; s++) {
            long rest = s;
            for (int i = 0; i < slots; i++) {
                int p = unitParams[0][i];
                long span = net.upper(p) - net.lower(p) + 1;
                settings[s][i] = net.lower(p) + rest % span;
                rest /= span;
                fixedPart[p] = settings[s][i];
            }
            long[] c = projection.column(0, fixedPart, in);
            for (int pt = 0; pt < c.length; pt++) {
                byPoint[pt][s] = c[pt];
                columnNorms[s] += (double) c[pt] * c[pt];
            }
        }
        projected = new double[count];
        gains = new double[count];
        dots = new double[count];
        long[][] t = projection.targets();
        int outputs = t.length == 0 ? 0 : t[0].length;
        targets = new double[outputs][t.length];
        for (int o = 0; o < outputs; o++) for (int pt = 0; pt < t.length; pt++) targets[o][pt] = t[pt][o];
        spanProjected = new double[count];
        spanDots = new double[outputs][count];
    }

    /**
     * True when {@link ProjectedSearch#applies} and the network has one hidden layer whose
     * parameters are all free, with the same domain in each slot for every unit, at most
     * {@value #MAX_SETTINGS} settings per unit and a settings × points table of at most {@value #MAX_TABLE} entries.
     */
    public static boolean applies(ScaledNetwork net) {
        if (!ProjectedSearch.applies(net) || net.depth() != 2) return false;
        int slots = net.instance().architecture().inputs() + 1;
        for (int u = 0; u < net.units(1); u++) {
            for (int s = 0; s < slots; s++) {
                int p = net.freeIndex(1, u, s);
                int p0 = net.freeIndex(1, 0, s);
                if (p < 0 || net.lower(p) != net.lower(p0) || net.upper(p) != net.upper(p0)) return false;
            }
        }
        return settingCount(net) > 0 && (long) settingCount(net) * net.pointCount() <= MAX_TABLE;
    }

    /** Settings of one unit, or 0 when there are more than {@link #MAX_SETTINGS}. */
    private static int settingCount(ScaledNetwork net) {
        long count = 1;
        for (int s = 0; s <= net.instance().architecture().inputs(); s++) {
            int p = net.freeIndex(1, 0, s);
            count *= net.upper(p) - net.lower(p) + 1;
            if (count > MAX_SETTINGS) return 0;
        }
        return (int) count;
    }

    /** {@inheritDoc} A later call continues from where the previous one stopped, mid-descent included. */
    @Override
    public Outcome run(long target, Limits limits, long maxMoves, Improvement onImprovement) {
        long stopAt = moves + Math.min(maxMoves, Long.MAX_VALUE - moves);
        if (current == null) {
            current = greedyStart(limits);
            currentScore = exactScore(current);
            best = current.clone();
            bestScore = currentScore;
            consider(current, onImprovement);
            descending = true;
        }
        while (bestLoss > target && moves < stopAt && !limits.expired()) {
            if (descending) {
                Step step = step(limits);
                if (step == Step.LOCAL_MINIMUM) {
                    descending = false;
                    keepIfNoWorse(target, onImprovement);
                }
                continue;
            }
            if (kicksSinceBetter >= FRESH_START_AFTER) {
                // a fresh start: every unit at random; the next local minimum becomes the incumbent
                for (int u = 0; u < units; u++) current[u] = random.nextInt(settings.length);
                bestScore = Residual.INFINITE;
                kicksSinceBetter = 0;
            } else {
                // a kick: from the incumbent, one unit set at random
                current = best.clone();
                current[random.nextInt(units)] = random.nextInt(settings.length);
                kicksSinceBetter++;
            }
            currentScore = exactScore(current);
            moves++;
            restarts++;
            descending = true;
        }
        return new Outcome(bestVector.clone(), bestLoss, moves, evaluations, restarts);
    }

    /** What one unit step did. */
    private enum Step { MOVED, LOCAL_MINIMUM, INTERRUPTED }

    /**
     * Tries the units in random order and moves the first whose best setting improves the exact
     * residual (one move).
     */
    private Step step(Limits limits) {
        for (int u : shuffledUnits()) {
            if (limits.expired()) return Step.INTERRUPTED;
            int s = bestSetting(current, u);
            if (s < 0 || s == current[u]) continue;
            int old = current[u];
            current[u] = s;
            Residual r = exactScore(current);
            if (r.compareTo(currentScore) < 0) {
                currentScore = r;
                moves++;
                spanMoved(u, s);
                return Step.MOVED;
            }
            current[u] = old;
        }
        return Step.LOCAL_MINIMUM;
    }

    /** Makes the current state the best when its residual is no worse, completing it when it may lead to a better vector. */
    private void keepIfNoWorse(long target, Improvement onImprovement) {
        int c = currentScore.compareTo(bestScore);
        if (c < 0) kicksSinceBetter = 0;
        if (c <= 0) {
            best = current.clone();
            bestScore = currentScore;
        }
        if (c <= 0 || currentScore.atMost(target)) consider(current, onImprovement);
    }

    /** Completes {@code state} with an output layer and reports it when its exact loss beats the best so far. */
    private void consider(int[] state, Improvement onImprovement) {
        int[] sorted = state.clone();
        Arrays.sort(sorted);
        if (Arrays.equals(sorted, lastCompleted)) return;
        lastCompleted = sorted;
        long[] full = projection.complete(vector(state));
        long loss = net.scaledLoss(full);
        if (loss < bestLoss) {
            bestLoss = loss;
            bestVector = full;
            onImprovement.found(full.clone(), loss);
        }
    }

    /**
     * The setting of unit u that minimises the floating-point residual with the other units as in
     * {@code state}, or −1 when none beats u's current setting by more than the margin.
     *
     * <p>Rather than projecting every setting's column on the span of the other units (one sweep over
     * the settings table per basis vector, for every unit), this downdates the span of <em>all</em>
     * units, computed once per state ({@link #refreshSpan}): with e the unit vector of u's column
     * orthogonal to the others, the projection on the others' span is the projection on the full span
     * minus the part along e, and the residual off the others' span is the full residual plus
     * (e·y)·e. So a unit costs one sweep (e against every setting) instead of one per unit.
     */
    private int bestSetting(int[] state, int u) {
        refreshSpan(state);
        int[] others = new int[units - 1];
        for (int v = 0, i = 0; v < units; v++) if (v != u) others[i++] = state[v];
        Basis b = basis(others, 1);
        double[][] q = b.vectors();
        int rank = b.rank();
        downUnit = u;
        downBasis = q;
        downRank = rank;
        boolean independent = orthogonalise(q, rank, column(state[u])) > rank;
        int count = settings.length;
        double[] ey = new double[targets.length];
        downEy = ey;
        double base = spanBase;
        if (independent) {
            double[] e = q[rank];
            sweep(e);
            for (int o = 0; o < targets.length; o++) {
                ey[o] = dot(e, targets[o]);
                base += ey[o] * ey[o];
            }
        } else {
            Arrays.fill(dots, 0);
        }
        for (int c = 0; c < count; c++) {
            double d = dots[c];
            projected[c] = spanProjected[c] - d * d;
            double g = 0;
            for (int o = 0; o < targets.length; o++) {
                double r = spanDots[o][c] + ey[o] * d;
                g += r * r;
            }
            gains[c] = g;
        }
        downBase = base;
        return bestOf(base, state[u]);
    }

    /**
     * Updates the span arrays after unit u of the state they describe moved to setting s, right after
     * {@link #bestSetting} ranked u there: the others' span (left by that call) plus the new column's
     * direction e′ gives the new span, at one sweep (e′ against every setting). Every
     * {@value #SPAN_UPDATES_PER_REFRESH} updates the arrays are instead recomputed from scratch.
     */
    private void spanMoved(int u, int s) {
        if (downUnit != u || spanState == null || ++spanUpdates >= SPAN_UPDATES_PER_REFRESH) {
            spanState = null;
            return;
        }
        downUnit = -1;
        int count = settings.length;
        for (int o = 0; o < targets.length; o++) {
            double ey = downEy[o];
            double[] sd = spanDots[o];
            for (int c = 0; c < count; c++) sd[c] += ey * dots[c];
        }
        System.arraycopy(projected, 0, spanProjected, 0, count);
        spanBase = downBase;
        spanState[u] = s;
        if (orthogonalise(downBasis, downRank, column(s)) == downRank) return;
        double[] e = downBasis[downRank];
        sweep(e);
        for (int c = 0; c < count; c++) spanProjected[c] += dots[c] * dots[c];
        for (int o = 0; o < targets.length; o++) {
            double ey = dot(e, targets[o]);
            spanBase -= ey * ey;
            double[] sd = spanDots[o];
            for (int c = 0; c < count; c++) sd[c] -= ey * dots[c];
        }
    }

    /**
     * Recomputes the span arrays for {@code state} unless they already describe it: the projection
     * of every setting's column on the span of the constant and all units' columns, and the targets'
     * residuals off that span dotted with every column.
     */
    private void refreshSpan(int[] state) {
        if (Arrays.equals(state, spanState)) return;
        spanState = state.clone();
        spanUpdates = 0;
        downUnit = -1;
        spanBase = computeSpan(state, spanProjected, spanDots);
    }

    /**
     * Fills {@code projectedOut[s]} (setting s's column projected on the span of the constant and
     * {@code state}'s columns, squared norm) and {@code dotsOut[o][s]} (output o's residual off that
     * span, dotted with the column); returns the residuals' squared norm summed over the outputs.
     */
    private double computeSpan(int[] state, double[] projectedOut, double[][] dotsOut) {
        Basis b = basis(state, 0);
        double[][] q = b.vectors();
        int rank = b.rank();
        int count = settings.length;
        Arrays.fill(projectedOut, 0);
        for (int i = 0; i < rank; i++) {
            sweep(q[i]);
            for (int c = 0; c < count; c++) projectedOut[c] += dots[c] * dots[c];
        }
        double base = 0;
        for (int o = 0; o < targets.length; o++) {
            double[] r = targets[o].clone();
            for (int i = 0; i < rank; i++) subtractProjection(r, q[i]);
            base += dot(r, r);
            sweep(r);
            System.arraycopy(dots, 0, dotsOut[o], 0, count);
        }
        return base;
    }

    /**
     * For tests: the largest difference between the span arrays as they stand (possibly updated
     * incrementally) and as recomputed from scratch, each relative to the scale of its entry; 0 before
     * the first ranking.
     */
    double spanDrift() {
        if (spanState == null) return 0;
        int count = settings.length;
        double[] p = new double[count];
        double[][] d = new double[targets.length][count];
        double base = computeSpan(spanState, p, d);
        double worst = Math.abs(base - spanBase) / (1 + base);
        for (int c = 0; c < count; c++) {
            worst = Math.max(worst, Math.abs(p[c] - spanProjected[c]) / (1 + columnNorms[c]));
            for (int o = 0; o < targets.length; o++) {
                worst = Math.max(worst, Math.abs(d[o][c] - spanDots[o][c]) / (1 + Math.sqrt(columnNorms[c] * (base + 1))));
            }
        }
        return worst;
    }

    /** For tests: incremental span updates since the last full recomputation. */
    int spanUpdatesSinceRefresh() {
        return spanState == null ? 0 : spanUpdates;
    }

    /**
     * The setting that, added to the units with settings {@code others}, minimises the floating-point
     * residual; −1 when {@code current} (a setting, or −1 for none) is within the margin of it.
     */
    private int bestAdded(int[] others, int current) {
        Basis b = basis(others, 0);
        double[][] q = b.vectors();
        int rank = b.rank();
        double[][] r0 = new double[targets.length][];
        double base = 0;
        for (int o = 0; o < targets.length; o++) {
            r0[o] = targets[o].clone();
            for (int i = 0; i < rank; i++) subtractProjection(r0[o], q[i]);
            base += dot(r0[o], r0[o]);
        }
        int count = settings.length;
        Arrays.fill(projected, 0);
        for (int i = 0; i < rank; i++) {
            sweep(q[i]);
            for (int c = 0; c < count; c++) projected[c] += dots[c] * dots[c];
        }
        Arrays.fill(gains, 0);
        for (double[] r : r0) {
            sweep(r);
            for (int c = 0; c < count; c++) gains[c] += dots[c] * dots[c];
        }
        return bestOf(base, current);
    }

    /**
     * The setting with the least floating-point residual {@code base − gains[s] / (‖column s‖² −
     * projected[s])}; −1 when {@code current} (a setting, or −1 for none) is within the margin of it.
     */
    private int bestOf(double base, int current) {
        int count = settings.length;
        int bestS = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        double currentValue = Double.POSITIVE_INFINITY;
        int start = random.nextInt(count);
        for (int k = 0; k < count; k++) {
            int c = start + k < count ? start + k : start + k - count;
            double hn = columnNorms[c] - projected[c];
            double value = hn > MARGIN * (columnNorms[c] + 1) ? base - gains[c] / hn : base;
            if (c == current) currentValue = value;
            if (value < bestValue) {
                bestValue = value;
                bestS = c;
            }
        }
        evaluations += count;
        if (current < 0) return bestS;
        return bestValue < currentValue - MARGIN * (Math.abs(currentValue) + 1) ? bestS : -1;
    }

    /** Orthonormal vectors: {@code vectors[0..rank)} span what they were built from; later slots are free. */
    private record Basis(double[][] vectors, int rank) { }

    /**
     * A basis of the constant column and the columns of {@code columns} (settings), with room for
     * {@code extra} more vectors.
     */
    private Basis basis(int[] columns, int extra) {
        double[][] q = new double[columns.length + 1 + extra][];
        double[] ones = new double[byPoint.length];
        Arrays.fill(ones, 1);
        int rank = orthogonalise(q, 0, ones);
        for (int s : columns) rank = orthogonalise(q, rank, column(s));
        return new Basis(q, rank);
    }

    /** Adds {@code column} to the orthonormal basis q[0..rank) when it is not (nearly) in its span; returns the new rank. */
    private static int orthogonalise(double[][] q, int rank, double[] column) {
        if (rank == q.length) return rank;
        double[] v = column.clone();
        double norm0 = dot(v, v);
        for (int i = 0; i < rank; i++) subtractProjection(v, q[i]);
        double norm = dot(v, v);
        if (norm <= MARGIN * (norm0 + 1)) return rank;
        double scale = 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) v[i] *= scale;
        q[rank] = v;
        return rank + 1;
    }

    /** The activations of setting s at every point. */
    private double[] column(int s) {
        double[] c = new double[byPoint.length];
        for (int pt = 0; pt < c.length; pt++) c[pt] = byPoint[pt][s];
        return c;
    }

    /** dots[s] = v · (column of setting s), for every setting. */
    private void sweep(double[] v) {
        Arrays.fill(dots, 0);
        for (int pt = 0; pt < v.length; pt++) {
            double x = v[pt];
            if (x == 0) continue;
            double[] row = byPoint[pt];
            for (int c = 0; c < row.length; c++) dots[c] += x * row[c];
        }
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double d = dot(v, unit);
        for (int i = 0; i < v.length; i++) v[i] -= d * unit[i];
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /**
     * A start built unit by unit (greedy forward selection): each unit in turn takes the setting that
     * best fits the targets together with the units chosen before it (units left when the limits
     * expire keep setting 0).
     */
    private int[] greedyStart(Limits limits) {
        int[] state = new int[units];
        for (int u = 0; u < units && !limits.expired(); u++) state[u] = bestAdded(Arrays.copyOf(state, u), -1);
        return state;
    }

    private long[] vector(int[] state) {
        long[] k = fixedPart.clone();
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < unitParams[u].length; i++) k[unitParams[u][i]] = settings[state[u]][i];
        }
        return k;
    }

    private Residual exactScore(int[] state) {
        return projection.score(vector(state));
    }

    private int[] shuffledUnits() {
        return neighbourhood.shuffled(units);
    }
}
