package org.ermbit.solvers.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.search.LeastSquares.Residual;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact least squares against an independent computation (Gram–Schmidt orthogonalisation in
 * rationals) on seeded random small integer matrices with zero, repeated and dependent columns:
 * the residual is the same, the coefficients attain it, no other coefficient vector does better, a
 * target in the column span has residual 0, and the one-column scorer agrees with a full computation.
 */
class LeastSquaresTest {

    static LongStream seeds() {
        return LongStream.range(0, 400).map(s -> 97_000 + s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void residualMatchesGramSchmidtAndIsAttained(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(7);
        int m = rnd.nextInt(5);
        int outs = 1 + rnd.nextInt(2);
        long[][] a = matrix(rnd, n, m);
        long[][] t = matrix(rnd, n, outs);
        String where = "seed " + seed;

        Rational expected = Rational.ZERO;
        for (int o = 0; o < outs; o++) expected = expected.add(gramSchmidtResidual(a, column(t, o)));
        assertEquals(expected, value(LeastSquares.residual(a, t)), where);

        Rational[][] x = LeastSquares.coefficients(a, t);
        Rational attained = Rational.ZERO;
        for (int o = 0; o < outs; o++) attained = attained.add(squaredError(a, x[o], column(t, o)));
        assertEquals(expected, attained, where + ": the coefficients attain the residual");

        for (int trial = 0; trial < 5 && m > 0; trial++) {
            Rational[] other = x[0].clone();
            int j = rnd.nextInt(m);
            other[j] = other[j].add(Rational.of(rnd.nextInt(5) - 2, 1 + rnd.nextInt(3)));
            assertTrue(squaredError(a, other, column(t, 0)).compareTo(gramSchmidtResidual(a, column(t, 0))) >= 0, where + ": nothing beats the optimum");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void targetsInTheSpanHaveResidualZero(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(7);
        int m = 1 + rnd.nextInt(4);
        long[][] a = matrix(rnd, n, m);
        long[][] t = new long[n][1];
        long[] coef = new long[m];
        for (int j = 0; j < m; j++) coef[j] = rnd.nextInt(9) - 4;
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) t[i][0] += coef[j] * a[i][j];
        assertTrue(LeastSquares.residual(a, t).isZero(), "seed " + seed);
        assertTrue(LeastSquares.residual(a, t).atMost(0), "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void columnScorerAgreesWithTheFullResidual(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(7);
        int m = rnd.nextInt(5);
        int outs = 1 + rnd.nextInt(2);
        long[][] b = matrix(rnd, n, m);
        long[][] t = matrix(rnd, n, outs);
        LeastSquares.ColumnScorer scorer = new LeastSquares.ColumnScorer(b, t);
        for (int trial = 0; trial < 6; trial++) {
            long[] c = new long[n];
            for (int i = 0; i < n; i++) c[i] = trial == 0 ? 0 : (trial == 1 && m > 0 ? 2 * b[i][0] : rnd.nextInt(11) - 5);
            long[][] bc = new long[n][m + 1];
            for (int i = 0; i < n; i++) {
                System.arraycopy(b[i], 0, bc[i], 0, m);
                bc[i][m] = c[i];
            }
            assertEquals(value(LeastSquares.residual(bc, t)), value(scorer.with(c)), "seed " + seed + " trial " + trial);
        }
    }

    @Test
    void residualsAreOrderedByValue() {
        Residual third = new Residual(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(3));
        Residual twoSixths = new Residual(java.math.BigInteger.TWO, java.math.BigInteger.valueOf(6));
        Residual half = new Residual(java.math.BigInteger.ONE, java.math.BigInteger.TWO);
        assertEquals(0, third.compareTo(twoSixths));
        assertTrue(third.compareTo(half) < 0);
        assertTrue(half.compareTo(Residual.INFINITE) < 0);
        assertTrue(Residual.INFINITE.compareTo(half) > 0);
        assertTrue(half.atMost(1));
        assertTrue(!half.atMost(0));
    }

    /** Random entries in [−4, 4], with a zero column or a repeated (scaled) column now and then. */
    private static long[][] matrix(Random rnd, int n, int m) {
        long[][] a = new long[n][m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) a[i][j] = rnd.nextInt(9) - 4;
        if (m >= 2 && rnd.nextInt(3) == 0) for (int i = 0; i < n; i++) a[i][m - 1] = -2 * a[i][0];
        if (m >= 1 && rnd.nextInt(4) == 0) {
            int z = rnd.nextInt(m);
            for (int i = 0; i < n; i++) a[i][z] = 0;
        }
        return a;
    }

    private static long[] column(long[][] t, int o) {
        long[] c = new long[t.length];
        for (int i = 0; i < t.length; i++) c[i] = t[i][o];
        return c;
    }

    private static Rational value(Residual r) {
        return Rational.of(r.numerator(), r.denominator());
    }

    /** ‖t‖² − Σ (q·t)²/‖q‖² over an orthogonal basis q of the columns (classical Gram–Schmidt, exact). */
    private static Rational gramSchmidtResidual(long[][] a, long[] t) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        List<Rational[]> basis = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Rational[] v = new Rational[n];
            for (int i = 0; i < n; i++) v[i] = Rational.of(a[i][j]);
            for (Rational[] q : basis) {
                Rational f = dot(q, v).divide(dot(q, q));
                for (int i = 0; i < n; i++) v[i] = v[i].subtract(f.multiply(q[i]));
            }
            if (dot(v, v).signum() != 0) basis.add(v);
        }
        Rational[] tv = new Rational[n];
        for (int i = 0; i < n; i++) tv[i] = Rational.of(t[i]);
        Rational r = dot(tv, tv);
        for (Rational[] q : basis) r = r.subtract(dot(q, tv).square().divide(dot(q, q)));
        return r;
    }

    private static Rational squaredError(long[][] a, Rational[] x, long[] t) {
        Rational total = Rational.ZERO;
        for (int i = 0; i < a.length; i++) {
            Rational r = Rational.of(-t[i]);
            for (int j = 0; j < x.length; j++) r = r.add(x[j].multiply(a[i][j]));
            total = total.add(r.square());
        }
        return total;
    }

    private static Rational dot(Rational[] u, Rational[] v) {
        Rational s = Rational.ZERO;
        for (int i = 0; i < u.length; i++) s = s.add(u[i].multiply(v[i]));
        return s;
    }
}
