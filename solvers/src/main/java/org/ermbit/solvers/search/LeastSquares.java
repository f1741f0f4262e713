package org.ermbit.solvers.search;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.number.Rational;

/**
 * Exact linear least squares over the integers: how close the columns of an integer matrix A can
 * come to integer targets t with real coefficients, min_x ‖A·x − t‖², as an exact rational. The
 * residual is the Schur complement of t in the Gram matrix [AᵀA Aᵀt; tᵀA tᵀt], computed by
 * fraction-free (Bareiss) elimination in {@link BigInteger}; columns that depend on earlier ones
 * meet a zero pivot and are skipped (a positive semidefinite Gram matrix has a zero row wherever its
 * diagonal is zero), so rank-deficient A needs no special case. Several target columns share A.
 */
final class LeastSquares {
    private LeastSquares() {
    }

    /** A non-negative rational {@code numerator/denominator} (denominator > 0), ordered by value. */
    record Residual(BigInteger numerator, BigInteger denominator) implements Comparable<Residual> {
        static final Residual INFINITE = new Residual(BigInteger.ONE, BigInteger.ZERO);

        @Override
        public int compareTo(Residual o) {
            if (denominator.signum() == 0 || o.denominator.signum() == 0) {
                return Integer.compare(denominator.signum() == 0 ? 1 : 0, o.denominator.signum() == 0 ? 1 : 0);
            }
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }

        /** True when the residual is at most the integer {@code bound}. */
        boolean atMost(long bound) {
            return denominator.signum() != 0 && numerator.compareTo(denominator.multiply(BigInteger.valueOf(bound))) <= 0;
        }

        boolean isZero() {
            return denominator.signum() != 0 && numerator.signum() == 0;
        }
    }

    /**
     * The summed residual of every target column: Σ_o min_x ‖A·x − t_o‖².
     *
     * @param a n rows of m column values
     * @param t n rows of one value per target column
     * @throws ArithmeticException if a Gram entry overflows a long
     */
    static Residual residual(long[][] a, long[][] t) {
        return eliminate(gram(a, t), a.length == 0 ? 0 : a[0].length, t.length == 0 ? 0 : t[0].length).residual;
    }

    /**
     * The least-squares coefficients for every target column: x[o][j] for column j (zero for the
     * columns that depend on others).
     */
    static Rational[][] coefficients(long[][] a, long[][] t) {
        int m = a.length == 0 ? 0 : a[0].length;
        int outs = t.length == 0 ? 0 : t[0].length;
        BigInteger[][] g = gram(a, t);
        List<Integer> basis = eliminate(copy(g), m, outs).pivots;
        int r = basis.size();
        Rational[][] x = new Rational[outs][m];
        for (int o = 0; o < outs; o++) {
            // Gaussian elimination on the basis columns' normal equations G_S·x = (Aᵀt_o)_S
            Rational[][] sys = new Rational[r][r + 1];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) sys[i][j] = Rational.of(g[basis.get(i)][basis.get(j)]);
                sys[i][r] = Rational.of(g[basis.get(i)][m + o]);
            }
            gaussJordan(sys, r);
            java.util.Arrays.fill(x[o], Rational.ZERO);
            for (int i = 0; i < r; i++) x[o][basis.get(i)] = sys[i][r];
        }
        return x;
    }

    /**
     * The residual of the columns B plus one more column c, for many candidate columns c: B's part
     * is reduced once, so each candidate costs O(n·r + r²) for the rank r of B. With D = det(G_S)
     * for a basis S of B's columns, A = adj(G_S), s = B_Sᵀt, w = A·s and g = B_Sᵀc:
     * D·cᵀQc = D·cᵀc − gᵀAg, D·cᵀQt = D·cᵀt − g·w, D·tᵀQt = D·tᵀt − s·w (Q the projector onto the
     * complement of span B), and the residual is tᵀQt − (cᵀQt)²/(cᵀQc), or tᵀQt when cᵀQc = 0.
     */
    static final class ColumnScorer {
        private final long[][] basis;
        private final long[][] t;
        private final BigInteger det;
        private final BigInteger[][] adj;
        private final BigInteger[][] w;
        private final BigInteger gammaSum;

        /** B as n rows of m column values, t as n rows of one value per target column. */
        ColumnScorer(long[][] b, long[][] t) {
            int n = b.length;
            int m = n == 0 ? 0 : b[0].length;
            int outs = n == 0 ? 0 : t[0].length;
            this.t = t;
            BigInteger[][] g = gram(b, t);
            Elimination e = eliminate(copy(g), m, outs);
            List<Integer> s = e.pivots;
            int r = s.size();
            det = e.residual.denominator();
            basis = new long[n][r];
            for (int pt = 0; pt < n; pt++) for (int i = 0; i < r; i++) basis[pt][i] = b[pt][s.get(i)];
            adj = adjugate(g, s, det);
            w = new BigInteger[outs][r];
            BigInteger gamma = BigInteger.ZERO;
            for (int o = 0; o < outs; o++) {
                BigInteger sw = BigInteger.ZERO;
                for (int i = 0; i < r; i++) {
                    BigInteger acc = BigInteger.ZERO;
                    for (int j = 0; j < r; j++) acc = acc.add(adj[i][j].multiply(g[s.get(j)][m + o]));
                    w[o][i] = acc;
                    sw = sw.add(acc.multiply(g[s.get(i)][m + o]));
                }
                gamma = gamma.add(det.multiply(g[m + o][m + o]).subtract(sw));
            }
            gammaSum = gamma;
        }

        /** Σ_o min_x ‖[B c]·x − t_o‖² for the candidate column {@code c} (one value per row). */
        Residual with(long[] c) {
            int r = adj.length;
            long cc = 0;
            long[] ct = new long[w.length];
            long[] g = new long[r];
            for (int pt = 0; pt < c.length; pt++) {
                long v = c[pt];
                if (v == 0) continue;
                cc = Math.addExact(cc, Math.multiplyExact(v, v));
                for (int o = 0; o < ct.length; o++) ct[o] = Math.addExact(ct[o], Math.multiplyExact(v, t[pt][o]));
                long[] row = basis[pt];
                for (int i = 0; i < r; i++) g[i] = Math.addExact(g[i], Math.multiplyExact(v, row[i]));
            }
            BigInteger gAg = BigInteger.ZERO;
            for (int i = 0; i < r; i++) {
                if (g[i] == 0) continue;
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < r; j++) if (g[j] != 0) acc = acc.add(adj[i][j].multiply(BigInteger.valueOf(g[j])));
                gAg = gAg.add(acc.multiply(BigInteger.valueOf(g[i])));
            }
            BigInteger alpha = det.multiply(BigInteger.valueOf(cc)).subtract(gAg);
            if (alpha.signum() == 0) return new Residual(gammaSum, det);
            BigInteger betaSq = BigInteger.ZERO;
            for (int o = 0; o < w.length; o++) {
                BigInteger gw = BigInteger.ZERO;
                for (int i = 0; i < r; i++) if (g[i] != 0) gw = gw.add(w[o][i].multiply(BigInteger.valueOf(g[i])));
                BigInteger beta = det.multiply(BigInteger.valueOf(ct[o])).subtract(gw);
                betaSq = betaSq.add(beta.multiply(beta));
            }
            return new Residual(alpha.multiply(gammaSum).subtract(betaSq), det.multiply(alpha));
        }

        /** adj(G_S) = det·G_S⁻¹ for the basis S (exact; an integer matrix). */
        private static BigInteger[][] adjugate(BigInteger[][] g, List<Integer> s, BigInteger det) {
            int r = s.size();
            Rational[][] aug = new Rational[r][2 * r];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) aug[i][j] = Rational.of(g[s.get(i)][s.get(j)]);
                for (int j = 0; j < r; j++) aug[i][r + j] = i == j ? Rational.ONE : Rational.ZERO;
            }
            gaussJordan(aug, r);
            BigInteger[][] adj = new BigInteger[r][r];
            Rational d = Rational.of(det);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) adj[i][j] = aug[i][r + j].multiply(d).numerator();
            }
            return adj;
        }
    }

    /** Reduces the first r columns of a system with a nonsingular leading r×r block to the identity (exact). */
    private static void gaussJordan(Rational[][] sys, int r) {
        for (int c = 0; c < r; c++) {
            int p = c;
            while (sys[p][c].isZero()) p++;
            Rational[] tmp = sys[p];
            sys[p] = sys[c];
            sys[c] = tmp;
            Rational inv = sys[c][c].reciprocal();
            for (int j = c; j < sys[c].length; j++) sys[c][j] = sys[c][j].multiply(inv);
            for (int i = 0; i < r; i++) {
                if (i == c || sys[i][c].isZero()) continue;
                Rational f = sys[i][c];
                for (int j = c; j < sys[i].length; j++) sys[i][j] = sys[i][j].subtract(f.multiply(sys[c][j]));
            }
        }
    }

    /** [AᵀA Aᵀt; tᵀA diag(tᵀt)] (target-target off-diagonals are not needed and left zero). */
    private static BigInteger[][] gram(long[][] a, long[][] t) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        int outs = n == 0 ? 0 : t[0].length;
        int size = m + outs;
        BigInteger[][] g = new BigInteger[size][size];
        for (int i = 0; i < size; i++) {
            for (int j = i; j < size; j++) {
                if (i >= m && j != i) {
                    g[i][j] = BigInteger.ZERO;
                    g[j][i] = BigInteger.ZERO;
                    continue;
                }
                long s = 0;
                for (int pt = 0; pt < n; pt++) {
                    long u = i < m ? a[pt][i] : t[pt][i - m];
                    long v = j < m ? a[pt][j] : t[pt][j - m];
                    s = Math.addExact(s, Math.multiplyExact(u, v));
                }
                g[i][j] = BigInteger.valueOf(s);
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    private record Elimination(Residual residual, List<Integer> pivots) {
    }

    /** Bareiss elimination of the m column indices (in place), skipping zero pivots. */
    private static Elimination eliminate(BigInteger[][] g, int m, int outs) {
        boolean[] done = new boolean[m];
        List<Integer> pivots = new ArrayList<>();
        BigInteger prev = BigInteger.ONE;
        while (true) {
            int p = -1;
            for (int c = 0; c < m; c++) {
                if (!done[c] && g[c][c].signum() != 0) {
                    p = c;
                    break;
                }
            }
            if (p < 0) break;
            done[p] = true;
            pivots.add(p);
            BigInteger gp = g[p][p];
            for (int i = 0; i < m + outs; i++) {
                if (i < m && done[i]) continue;
                for (int j = i; j < m + outs; j++) {
                    if (j < m && done[j]) continue;
                    if (i >= m && j != i) continue;
                    BigInteger v = gp.multiply(g[i][j]).subtract(g[i][p].multiply(g[p][j])).divide(prev);
                    g[i][j] = v;
                    g[j][i] = v;
                }
            }
            prev = gp;
        }
        BigInteger sum = BigInteger.ZERO;
        for (int o = 0; o < outs; o++) sum = sum.add(g[m + o][m + o]);
        return new Elimination(new Residual(sum, prev), pivots);
    }

    private static BigInteger[][] copy(BigInteger[][] g) {
        BigInteger[][] c = new BigInteger[g.length][];
        for (int i = 0; i < g.length; i++) c[i] = g[i].clone();
        return c;
    }
}
