package org.ermbit.solvers.search;

import java.math.BigInteger;
import java.math.RoundingMode;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.search.LeastSquares.Residual;

/**
 * The view of a network with its output layer projected out, shared by the searches that move only
 * hidden parameters ({@link ProjectedSearch}, {@link UnitSwapSearch}): the features the output layer
 * sees (a constant 1 for the bias, then the last hidden layer's activations), their exact
 * least-squares residual against the scaled targets, and the completion of a hidden-parameter vector
 * with an output layer in the domain. Requires what {@link ProjectedSearch#applies} checks.
 */
final class OutputProjection {
    private final ScaledNetwork net;
    private final Neighbourhood neighbourhood;
    private final int outputLayer;
    private final int outputs;
    private final int slots;
    private final int lastHiddenUnits;
    /** outIndex[o][slot]: free index of output o's bias (slot 0) or weight of input slot−1. */
    private final int[][] outIndex;
    /** Per point, the scaled targets T·y of every output. */
    private final long[][] targets;

    OutputProjection(ScaledNetwork net, Neighbourhood neighbourhood) {
        this.net = net;
        this.neighbourhood = neighbourhood;
        this.outputLayer = net.depth();
        this.outputs = net.units(outputLayer);
        this.slots = net.units(outputLayer - 1) + 1;
        this.lastHiddenUnits = net.units(outputLayer - 1);
        outIndex = new int[outputs][slots];
        for (int o = 0; o < outputs; o++) for (int s = 0; s < slots; s++) outIndex[o][s] = net.freeIndex(outputLayer, o, s);
        targets = new long[net.pointCount()][outputs];
        for (int pt = 0; pt < targets.length; pt++) for (int o = 0; o < outputs; o++) targets[pt][o] = net.scaledTarget(pt, o);
    }

    /** outIndex[o][slot]: the free index of output o's bias (slot 0) or weight of hidden unit slot−1. */
    int[][] outputIndices() {
        return outIndex;
    }

    /** Per point, the scaled targets of every output (shared; do not modify). */
    long[][] targets() {
        return targets;
    }

    /** The exact least-squares residual of the output layer on the hidden features of {@code k}. */
    Residual score(long[] k) {
        return LeastSquares.residual(features(k, lastHiddenInputs(k)), targets);
    }

    /** Per point, the inputs of the last hidden layer. */
    long[][] lastHiddenInputs(long[] k) {
        long[][] in = new long[net.pointCount()][];
        for (int pt = 0; pt < in.length; pt++) in[pt] = net.inputsOf(outputLayer - 1, k, pt);
        return in;
    }

    /** Per point: 1 (the bias), then the last hidden layer's activations. */
    long[][] features(long[] k, long[][] in) {
        long[][] a = new long[in.length][slots];
        for (int pt = 0; pt < a.length; pt++) {
            a[pt][0] = 1;
            for (int u = 0; u < lastHiddenUnits; u++) a[pt][u + 1] = net.unitActivation(outputLayer - 1, u, k, in[pt]);
        }
        return a;
    }

    /** Unit u's activation at every point. */
    long[] column(int u, long[] k, long[][] in) {
        long[] c = new long[in.length];
        for (int pt = 0; pt < c.length; pt++) c[pt] = net.unitActivation(outputLayer - 1, u, k, in[pt]);
        return c;
    }

    /**
     * {@code k}'s hidden parameters with an output layer in the domain: the least-squares
     * coefficients rounded to the nearest numerators (clamped to the domain), then improved one
     * output numerator at a time while the exact loss drops.
     */
    long[] complete(long[] k) {
        long[] full = k.clone();
        Rational[][] x = LeastSquares.coefficients(features(k, lastHiddenInputs(k)), targets);
        for (int o = 0; o < outputs; o++) {
            for (int s = 0; s < slots; s++) {
                int p = outIndex[o][s];
                // residual contribution per numerator unit: residualCoefficient·feature
                Rational numer = x[o][s].divide(Rational.of(net.residualCoefficient(o, s)));
                full[p] = clampToDomain(p, nearest(numer));
            }
        }
        ScaledNetwork.Cursor cur = net.cursor(full);
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int[] row : outIndex) {
                for (int p : row) {
                    long bestV = cur.value(p);
                    long bestL = cur.loss();
                    for (long v : neighbourhood.values(p, bestV)) {
                        long l = cur.lossWith(p, v, bestL);
                        if (l < bestL) {
                            bestL = l;
                            bestV = v;
                        }
                    }
                    if (bestV != cur.value(p)) {
                        cur.set(p, bestV);
                        improved = true;
                    }
                }
            }
        }
        return cur.values();
    }

    private static BigInteger nearest(Rational r) {
        return new java.math.BigDecimal(r.numerator()).divide(new java.math.BigDecimal(r.denominator()), 0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    private long clampToDomain(int p, BigInteger v) {
        BigInteger lo = BigInteger.valueOf(net.lower(p));
        BigInteger hi = BigInteger.valueOf(net.upper(p));
        return v.max(lo).min(hi).longValueExact();
    }
}
