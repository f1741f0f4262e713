package org.ermbit.solvers.count;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ermbit.reductions.cnf.Cnf;

/**
 * A tree decomposition of a CNF's primal graph (variables adjacent when they share a clause),
 * given by a greedy min-fill elimination order and its elimination tree: the parent of a variable
 * is its neighbour (at elimination time) that is eliminated next. Every primal edge joins an
 * ancestor and a descendant, so every connected set of variables has a unique variable of least
 * depth, an ancestor of all the others: branching on it first splits the rest along the
 * decomposition's separators. The width is the largest number of later neighbours of a variable at
 * elimination time (bag size minus one).
 *
 * <p>Several randomised tie-breaks are tried (deterministically seeded); the order of smallest
 * width, then smallest height, is kept. The greedy order is computed on bit-set adjacency, so it is
 * skipped ({@link #none}) for formulas whose estimated cost is too high.
 */
final class EliminationTree {
    /** Upper bound on the estimated bit-set word operations of one min-fill pass. */
    private static final long MAX_WORK = 400_000_000L;

    private final int width;
    private final int height;
    private final int[] depth;

    private EliminationTree(int width, int height, int[] depth) {
        this.width = width;
        this.height = height;
        this.depth = depth;
    }

    /** No decomposition: every variable has depth 0, width and height are -1. */
    static EliminationTree none(int variables) {
        return new EliminationTree(-1, -1, new int[variables + 1]);
    }

    /** The best of {@code tries} randomised min-fill orders of the primal graph of {@code cnf}. */
    static EliminationTree minFill(Cnf cnf, int tries, long seed) {
        int n = cnf.variables();
        int words = (n >> 6) + 1;
        long[][] adj = new long[n + 1][words];
        long edges = 0;
        for (int[] clause : cnf.clauses()) {
            for (int a : clause) {
                for (int b : clause) {
                    int x = Math.abs(a);
                    int y = Math.abs(b);
                    if (x != y && (adj[x][y >> 6] & (1L << y)) == 0) {
                        adj[x][y >> 6] |= 1L << y;
                        edges++;
                    }
                }
            }
        }
        long avgDegree = n == 0 ? 0 : edges / n + 1;
        if ((long) n * n * avgDegree * words > MAX_WORK) return none(n);
        SplittableRandom random = new SplittableRandom(seed);
        EliminationTree best = null;
        for (int t = 0; t < Math.max(1, tries); t++) {
            EliminationTree tree = eliminate(adj, n, words, random);
            if (best == null || tree.width < best.width || tree.width == best.width && tree.height < best.height) {
                best = tree;
            }
        }
        return best;
    }

    private static EliminationTree eliminate(long[][] original, int n, int words, SplittableRandom random) {
        long[][] adj = new long[n + 1][];
        for (int v = 0; v <= n; v++) adj[v] = original[v].clone();
        boolean[] gone = new boolean[n + 1];
        int[] order = new int[n];
        int[] parent = new int[n + 1];
        int[] position = new int[n + 1];
        int[][] later = new int[n + 1][];
        int width = 0;
        int[] ties = new int[n];
        for (int step = 0; step < n; step++) {
            long bestFill = Long.MAX_VALUE;
            int bestDegree = Integer.MAX_VALUE;
            int tieCount = 0;
            for (int v = 1; v <= n; v++) {
                if (gone[v]) continue;
                long[] nv = adj[v];
                int degree = 0;
                for (long w : nv) degree += Long.bitCount(w);
                if (bestFill == 0 && degree > bestDegree) continue; // cannot beat a fill-free vertex
                long fill = fill(adj, nv, words);
                if (fill < bestFill || fill == bestFill && degree < bestDegree) {
                    bestFill = fill;
                    bestDegree = degree;
                    tieCount = 0;
                }
                if (fill == bestFill && degree == bestDegree) ties[tieCount++] = v;
            }
            int v = ties[random.nextInt(tieCount)];
            gone[v] = true;
            order[step] = v;
            position[v] = step;
            long[] nv = adj[v];
            int[] nbrs = new int[bestDegree];
            int k = 0;
            for (int w = 0; w < words; w++) {
                long bits = nv[w];
                while (bits != 0) {
                    int u = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    nbrs[k++] = u;
                }
            }
            later[v] = nbrs;
            width = Math.max(width, nbrs.length);
            for (int u : nbrs) {
                long[] nu = adj[u];
                for (int w = 0; w < words; w++) nu[w] |= nv[w];
                nu[u >> 6] &= ~(1L << u);
                nu[v >> 6] &= ~(1L << v);
            }
        }
        for (int v = 1; v <= n; v++) {
            parent[v] = 0;
            int bestPos = Integer.MAX_VALUE;
            for (int u : later[v]) {
                if (position[u] < bestPos) {
                    bestPos = position[u];
                    parent[v] = u;
                }
            }
        }
        int[] depth = new int[n + 1];
        int height = 0;
        for (int i = n - 1; i >= 0; i--) {
            int v = order[i];
            depth[v] = parent[v] == 0 ? 0 : depth[parent[v]] + 1;
            height = Math.max(height, depth[v]);
        }
        return new EliminationTree(width, height, depth);
    }

    /** Number of missing edges among the neighbours {@code nv}. */
    private static long fill(long[][] adj, long[] nv, int words) {
        long missing = 0;
        for (int w = 0; w < words; w++) {
            long bits = nv[w];
            while (bits != 0) {
                int a = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                long[] na = adj[a];
                for (int x = 0; x < words; x++) missing += Long.bitCount(nv[x] & ~na[x]);
                missing--; // a itself
            }
        }
        return missing / 2;
    }

    /** Depth of variable {@code v} (1-based) in the elimination tree; roots have depth 0. */
    int depth(int v) {
        return depth[v];
    }

    /** Depths of all variables, indexed 1..n (index 0 unused); not to be modified. */
    int[] depths() {
        return depth;
    }

    /** Largest bag size minus one; -1 without a decomposition. */
    int width() {
        return width;
    }

    /** Largest depth; -1 without a decomposition. */
    int height() {
        return height;
    }

    @Override
    public String toString() {
        return "EliminationTree[width=" + width + ", height=" + height + ", depths=" + Arrays.toString(depth) + "]";
    }
}
