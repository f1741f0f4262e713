package org.ermbit.solvers.count;

import java.util.Arrays;

/**
 * Counts the models of a CNF of at most {@value #MAX_VARS} variables and low treewidth by variable
 * (bucket) elimination along a greedy min-degree order. {@link ComponentSearch} uses it for
 * components whose primal graph is narrow, where one elimination replaces a whole branching
 * subtree.
 *
 * <p>Variables are local indices {@code 0..nv-1}; literals are {@code 2i} (positive) and
 * {@code 2i+1} (negative); scopes are bit masks. Every factor value counts the assignments to the
 * variables already eliminated into that factor, and the factors multiplied in one step have
 * disjoint eliminated sets, so every value is at most {@code 2^nv ≤ 2^62}: plain {@code long}
 * arithmetic is exact.
 */
final class EliminationCounter {
    /** The largest formula (in variables) handled; every count is below 2^63. */
    static final int MAX_VARS = 62;
    /** The largest width accepted: tables have up to 2^(width + 1) entries. */
    static final int MAX_WIDTH = 24;
    /** CLAUSE_TABLES[s][z]: the factor of a clause of s variables whose falsifying assignment is z. */
    private static final long[][][] CLAUSE_TABLES = clauseTables(4);

    private final long[] adjacency = new long[MAX_VARS];
    private final int[] order = new int[MAX_VARS];
    private final int[] position = new int[MAX_VARS];
    private final int[] bucketHead = new int[MAX_VARS];
    private final int[] posVar = new int[MAX_VARS];
    private final int[] weight = new int[MAX_VARS];
    private int[] bucketNext = new int[16];
    private long[] scopes = new long[16];
    private long[][] tables = new long[16][];
    private int factorCount;
    private int[] takenIds = new int[16];
    private long[][] takenTables = new long[16][];
    private int[] hiBase = new int[16];
    private int[] lo = new int[0];
    private int[] hi = new int[0];

    /**
     * The number of models over the variables {@code 0..nv-1} of the clauses (clause {@code c} has
     * the literals {@code clauseLits[clauseStart[c] .. clauseStart[c+1]-1]}, no variable twice), or
     * -1 if the elimination order has width above {@code maxWidth}: some variable has more than
     * {@code maxWidth} neighbours when it is eliminated. Variables in no clause count twice each.
     */
    long count(int nv, int[] clauseStart, int[] clauseLits, int nc, int maxWidth) {
        if (nv > MAX_VARS) throw new IllegalArgumentException("too many variables: " + nv);
        if (maxWidth > MAX_WIDTH) throw new IllegalArgumentException("width limit above " + MAX_WIDTH + ": " + maxWidth);
        if (!order(nv, clauseStart, clauseLits, nc, maxWidth)) return -1;
        return eliminateAll(nv, clauseStart, clauseLits, nc);
    }

    /** Fills the greedy min-degree order; false as soon as its width exceeds {@code limit}. */
    private boolean order(int nv, int[] clauseStart, int[] clauseLits, int nc, int limit) {
        Arrays.fill(adjacency, 0, nv, 0L);
        for (int c = 0; c < nc; c++) {
            long scope = scopeOf(clauseLits, clauseStart[c], clauseStart[c + 1]);
            for (int k = clauseStart[c]; k < clauseStart[c + 1]; k++) adjacency[clauseLits[k] >> 1] |= scope;
        }
        for (int v = 0; v < nv; v++) adjacency[v] &= ~(1L << v);
        long remaining = (1L << nv) - 1;
        for (int step = 0; step < nv; step++) {
            int best = -1;
            int bestDegree = Integer.MAX_VALUE;
            for (long r = remaining; r != 0; r &= r - 1) {
                int v = Long.numberOfTrailingZeros(r);
                int d = Long.bitCount(adjacency[v]);
                if (d < bestDegree) {
                    bestDegree = d;
                    best = v;
                    if (d <= 1) break; // adds no edges: as good as any
                }
            }
            if (bestDegree > limit) return false;
            order[step] = best;
            position[best] = step;
            long bit = 1L << best;
            long neighbours = adjacency[best];
            for (long r = neighbours; r != 0; r &= r - 1) {
                int u = Long.numberOfTrailingZeros(r);
                adjacency[u] = (adjacency[u] | neighbours) & ~(1L << u) & ~bit;
            }
            remaining &= ~bit;
        }
        return true;
    }

    /** The model count along the order; each factor waits in the bucket of its first variable in the order. */
    private long eliminateAll(int nv, int[] clauseStart, int[] clauseLits, int nc) {
        Arrays.fill(bucketHead, 0, nv, -1);
        factorCount = 0;
        for (int c = 0; c < nc; c++) {
            if (clauseStart[c] == clauseStart[c + 1]) return 0; // an empty clause
            addClauseFactor(clauseLits, clauseStart[c], clauseStart[c + 1]);
        }
        long result = 1;
        for (int step = 0; step < nv; step++) {
            int x = order[step];
            long full = 0;
            int taken = 0;
            for (int f = bucketHead[step]; f >= 0; f = bucketNext[f]) {
                full |= scopes[f];
                if (taken == takenIds.length) takenIds = Arrays.copyOf(takenIds, 2 * taken);
                takenIds[taken++] = f;
            }
            if (taken == 0) {
                result <<= 1;
                continue;
            }
            long[] table = sumOut(taken, full, x);
            long rest = full & ~(1L << x);
            if (rest == 0) {
                result *= table[0];
                if (result == 0) return 0;
            } else {
                addFactor(rest, table);
            }
        }
        return result;
    }

    /**
     * Multiplies the factors {@code takenIds[0..taken-1]}, whose scopes' union is {@code full}, and
     * sums out variable {@code x}. Assignments to {@code full} are enumerated with {@code x} as the
     * lowest bit and the other variables above it in increasing order, so the two assignments that
     * differ only in {@code x} are adjacent and the rest of the index is already the index into the
     * new factor (scope {@code full} without {@code x}, increasing order). Each factor's own index is
     * looked up in two tables, one per half of the enumeration bits.
     */
    private long[] sumOut(int taken, long full, int x) {
        int k = 0;
        posVar[k++] = x;
        for (long r = full & ~(1L << x); r != 0; r &= r - 1) posVar[k++] = Long.numberOfTrailingZeros(r);
        int h = (k + 1) / 2; // at least 1: x is in the low half
        int loSize = 1 << h;
        int hiSize = 1 << (k - h);
        if (lo.length < taken * loSize) lo = new int[taken * loSize];
        if (hi.length < taken * hiSize) hi = new int[taken * hiSize];
        if (takenTables.length < taken) takenTables = new long[takenIds.length][];
        if (hiBase.length < taken) hiBase = new int[takenIds.length];
        for (int i = 0; i < taken; i++) {
            int f = takenIds[i];
            takenTables[i] = tables[f];
            tables[f] = null;
            long s = scopes[f];
            for (int j = 0; j < k; j++) {
                long bit = 1L << posVar[j];
                weight[j] = (s & bit) == 0 ? 0 : 1 << Long.bitCount(s & (bit - 1));
            }
            fillIndex(lo, i * loSize, 0, h);
            fillIndex(hi, i * hiSize, h, k);
        }
        long[] out = new long[1 << (k - 1)];
        int at = 0;
        for (int b = 0; b < hiSize; b++) {
            for (int i = 0; i < taken; i++) hiBase[i] = hi[i * hiSize + b];
            for (int a = 0; a < loSize; a++) {
                long prod = 1;
                for (int i = 0; i < taken; i++) {
                    long v = takenTables[i][lo[i * loSize + a] + hiBase[i]];
                    if (v == 0) {
                        prod = 0;
                        break;
                    }
                    prod *= v;
                }
                // a even: x = 0, a odd: x = 1, both land in the same entry of the new factor
                out[at + (a >>> 1)] += prod;
            }
            at += loSize >>> 1;
        }
        return out;
    }

    /** index[base + u] = Σ over bits i of u of weight[from + i], for u below 2^(to − from). */
    private void fillIndex(int[] index, int base, int from, int to) {
        index[base] = 0;
        for (int i = from; i < to; i++) {
            int half = 1 << (i - from);
            for (int u = 0; u < half; u++) index[base + half + u] = index[base + u] + weight[i];
        }
    }

    private static long scopeOf(int[] clauseLits, int from, int to) {
        long scope = 0;
        for (int k = from; k < to; k++) scope |= 1L << (clauseLits[k] >> 1);
        return scope;
    }

    private void addClauseFactor(int[] clauseLits, int from, int to) {
        long scope = scopeOf(clauseLits, from, to);
        // the one falsifying assignment: every variable takes the value opposite to its literal
        int falsifying = 0;
        for (int k = from; k < to; k++) {
            int v = clauseLits[k] >> 1;
            if ((clauseLits[k] & 1) == 1) falsifying |= 1 << Long.bitCount(scope & ((1L << v) - 1));
        }
        int size = to - from;
        long[] table;
        if (size < CLAUSE_TABLES.length) {
            table = CLAUSE_TABLES[size][falsifying]; // shared, never written
        } else {
            table = new long[1 << size];
            Arrays.fill(table, 1L);
            table[falsifying] = 0;
        }
        addFactor(scope, table);
    }

    /** Adds a factor to the bucket of its scope's variable that comes first in the order. */
    private void addFactor(long scope, long[] table) {
        if (factorCount == scopes.length) {
            int size = 2 * factorCount;
            scopes = Arrays.copyOf(scopes, size);
            tables = Arrays.copyOf(tables, size);
            bucketNext = Arrays.copyOf(bucketNext, size);
        }
        int first = Integer.MAX_VALUE;
        for (long r = scope; r != 0; r &= r - 1) first = Math.min(first, position[Long.numberOfTrailingZeros(r)]);
        int f = factorCount++;
        scopes[f] = scope;
        tables[f] = table;
        bucketNext[f] = bucketHead[first];
        bucketHead[first] = f;
    }

    private static long[][][] clauseTables(int maxSize) {
        long[][][] t = new long[maxSize + 1][][];
        for (int s = 0; s <= maxSize; s++) {
            t[s] = new long[1 << s][];
            for (int z = 0; z < 1 << s; z++) {
                t[s][z] = new long[1 << s];
                Arrays.fill(t[s][z], 1L);
                t[s][z][z] = 0;
            }
        }
        return t;
    }
}
