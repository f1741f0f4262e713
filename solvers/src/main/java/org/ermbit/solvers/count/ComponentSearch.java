package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;

/**
 * The state of one {@link ComponentCounter} run. Literals are encoded as {@code 2v} (positive) and
 * {@code 2v+1} (negative); clauses are stored flat, without duplicate literals and tautologies;
 * unit clauses are assigned at the root and all other clauses are watched by their first two
 * literals.
 *
 * <p>A component is a set of unassigned variables connected through open (not yet satisfied)
 * clauses. Its cache key is its sorted variable ids followed by the sorted ids of its open clauses:
 * an open clause's restriction to unassigned literals is exactly its literals over the component's
 * variables, so equal keys mean equal residual formulas.
 */
final class ComponentSearch {
    private static final int CHECK_EVERY = 256;
    private static final long PROGRESS_NANOS = 3_000_000_000L;
    private static final long ENTRY_OVERHEAD_BYTES = 120;

    private final Limits limits;
    private final CountProgress progress;
    private final long cacheBudgetBytes;
    private final long startNanos = System.nanoTime();
    private long lastProgressNanos = startNanos;

    private final int n;
    private boolean hasEmptyClause;
    private int[] units = new int[0];
    private final int[] lits;
    private final int[] start;
    private final int[][] watches;
    private final int[] watchSize;
    private final int[][] occ;
    private final byte[] value;
    private final int[] trail;
    private int trailSize;
    private int qhead;

    private final int[] varStamp;
    private final int[] clauseStamp;
    private int stamp;
    private final int[] score;
    private final int[] queue;
    private final int[] clauseBuf;

    private final HashMap<Key, BigInteger> cache = new HashMap<>();
    private long cacheBytes;

    private long decisions;
    private long conflicts;
    private long cacheLookups;
    private long cacheHits;
    private long components;

    ComponentSearch(Cnf cnf, Limits limits, CountProgress progress, long cacheBudgetBytes) {
        this.limits = limits;
        this.progress = progress;
        this.cacheBudgetBytes = cacheBudgetBytes;
        this.n = cnf.variables();
        int total = 0;
        List<int[]> kept = new ArrayList<>(cnf.clauses().size());
        int[] unitBuf = new int[4];
        int unitCount = 0;
        for (int[] clause : cnf.clauses()) {
            int[] c = normalise(clause);
            if (c == null) continue; // tautology
            if (c.length == 0) {
                hasEmptyClause = true;
            } else if (c.length == 1) {
                if (unitCount == unitBuf.length) unitBuf = Arrays.copyOf(unitBuf, 2 * unitCount);
                unitBuf[unitCount++] = c[0];
            } else {
                kept.add(c);
                total += c.length;
            }
        }
        units = Arrays.copyOf(unitBuf, unitCount);
        int m = kept.size();
        lits = new int[total];
        start = new int[m + 1];
        int[] occCount = new int[n + 1];
        int[] watchCount = new int[2 * n + 2];
        int pos = 0;
        for (int c = 0; c < m; c++) {
            start[c] = pos;
            for (int l : kept.get(c)) {
                lits[pos++] = l;
                occCount[l >> 1]++;
            }
            watchCount[lits[start[c]]]++;
            watchCount[lits[start[c] + 1]]++;
        }
        start[m] = pos;
        occ = new int[n + 1][];
        for (int v = 0; v <= n; v++) occ[v] = new int[occCount[v]];
        watches = new int[2 * n + 2][];
        for (int l = 0; l < watches.length; l++) watches[l] = new int[Math.max(2, watchCount[l])];
        watchSize = new int[2 * n + 2];
        int[] fill = new int[n + 1];
        for (int c = 0; c < m; c++) {
            for (int k = start[c]; k < start[c + 1]; k++) {
                int v = lits[k] >> 1;
                occ[v][fill[v]++] = c;
            }
            addWatch(lits[start[c]], c);
            addWatch(lits[start[c] + 1], c);
        }
        value = new byte[2 * n + 2];
        trail = new int[n + 1];
        varStamp = new int[n + 1];
        clauseStamp = new int[m];
        score = new int[n + 1];
        queue = new int[n + 1];
        clauseBuf = new int[m];
    }

    /** Internal literals of a DIMACS clause, sorted and without duplicates; null for a tautology. */
    private static int[] normalise(int[] clause) {
        int[] c = new int[clause.length];
        for (int i = 0; i < clause.length; i++) c[i] = clause[i] > 0 ? 2 * clause[i] : -2 * clause[i] + 1;
        Arrays.sort(c);
        int size = 0;
        for (int i = 0; i < c.length; i++) {
            if (size > 0 && c[size - 1] == c[i]) continue;
            if (size > 0 && c[size - 1] == (c[i] ^ 1)) return null;
            c[size++] = c[i];
        }
        return Arrays.copyOf(c, size);
    }

    CountResult run() {
        try {
            return CountResult.counted(countRoot(), ComponentCounter.ID, stats());
        } catch (Stopped s) {
            return CountResult.stopped(s.status, ComponentCounter.ID, stats());
        }
    }

    private BigInteger countRoot() {
        checkLimits();
        if (hasEmptyClause) return BigInteger.ZERO;
        for (int u : units) {
            if (value[u] == -1) return BigInteger.ZERO;
            if (value[u] == 0) assign(u);
        }
        if (!propagate()) return BigInteger.ZERO;
        int[] all = new int[n + 1];
        for (int v = 1; v <= n; v++) all[v] = v;
        List<Component> children = new ArrayList<>();
        int free = decompose(all, 1, n + 1, children);
        BigInteger product = BigInteger.ONE.shiftLeft(free);
        for (Component child : children) {
            checkLimits();
            BigInteger c = known(child);
            if (c == null) c = countComponent(child);
            product = product.multiply(c);
            if (product.signum() == 0) break;
        }
        return product;
    }

    /** The count of a component if it is trivial or cached, else null. */
    private BigInteger known(Component c) {
        if (c.clauseCount() == 1) return BigInteger.ONE.shiftLeft(c.varCount()).subtract(BigInteger.ONE);
        cacheLookups++;
        BigInteger hit = cache.get(c.key);
        if (hit != null) cacheHits++;
        return hit;
    }

    /** One component on the explicit search stack, with the state of the branch being explored. */
    private static final class Frame {
        final Component comp;
        final int trailPos;
        int nextBranch; // 0: positive literal next, 1: negative next, 2: both done
        BigInteger total = BigInteger.ZERO;
        Component[] children; // null between branches
        int childIndex;
        BigInteger product;

        Frame(Component comp, int trailPos) {
            this.comp = comp;
            this.trailPos = trailPos;
        }
    }

    private BigInteger countComponent(Component root) {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root, trailSize));
        List<Component> scratch = new ArrayList<>();
        while (true) {
            Frame f = stack.peek();
            if (f.children == null) {
                if (f.nextBranch == 2) {
                    store(f.comp.key, f.total);
                    stack.pop();
                    Frame parent = stack.peek();
                    if (parent == null) return f.total;
                    parent.product = parent.product.multiply(f.total);
                    parent.childIndex++;
                    continue;
                }
                if (++decisions % CHECK_EVERY == 0) checkLimits();
                int v = f.comp.branchVar;
                int lit = f.nextBranch == 0 ? 2 * v : 2 * v + 1;
                f.nextBranch++;
                assign(lit);
                if (!propagate()) {
                    conflicts++;
                    undo(f.trailPos);
                    continue;
                }
                scratch.clear();
                int free = decompose(f.comp.key.data, 1, 1 + f.comp.varCount(), scratch);
                f.children = scratch.toArray(new Component[0]);
                f.childIndex = 0;
                f.product = BigInteger.ONE.shiftLeft(free);
                continue;
            }
            if (f.childIndex == f.children.length || f.product.signum() == 0) {
                f.total = f.total.add(f.product);
                f.children = null;
                undo(f.trailPos);
                continue;
            }
            Component child = f.children[f.childIndex];
            BigInteger c = known(child);
            if (c != null) {
                f.product = f.product.multiply(c);
                f.childIndex++;
            } else {
                stack.push(new Frame(child, trailSize));
            }
        }
    }

    private void store(Key key, BigInteger count) {
        long bytes = 4L * key.data.length + ENTRY_OVERHEAD_BYTES + count.bitLength() / 8;
        if (cacheBytes + bytes > cacheBudgetBytes) {
            cache.clear();
            cacheBytes = 0;
            if (bytes > cacheBudgetBytes) return;
        }
        if (cache.put(key, count) == null) cacheBytes += bytes;
    }

    /**
     * Splits the unassigned variables among {@code vars[from..to)} into components over the open
     * clauses; adds them to {@code out} (fewest variables first) and returns the number of
     * unassigned variables in no open clause.
     */
    private int decompose(int[] vars, int from, int to, List<Component> out) {
        nextStamp();
        int free = 0;
        int firstOut = out.size();
        for (int i = from; i < to; i++) {
            int v = vars[i];
            if (value[2 * v] != 0 || varStamp[v] == stamp) continue;
            int qh = 0;
            int qt = 0;
            int nc = 0;
            varStamp[v] = stamp;
            score[v] = 0;
            queue[qt++] = v;
            while (qh < qt) {
                int u = queue[qh++];
                for (int c : occ[u]) {
                    if (clauseStamp[c] == stamp) continue;
                    clauseStamp[c] = stamp;
                    int s = start[c];
                    int e = start[c + 1];
                    boolean satisfied = false;
                    for (int k = s; k < e; k++) {
                        if (value[lits[k]] == 1) {
                            satisfied = true;
                            break;
                        }
                    }
                    if (satisfied) continue;
                    clauseBuf[nc++] = c;
                    for (int k = s; k < e; k++) {
                        int l = lits[k];
                        if (value[l] != 0) continue;
                        int w = l >> 1;
                        if (varStamp[w] != stamp) {
                            varStamp[w] = stamp;
                            score[w] = 0;
                            queue[qt++] = w;
                        }
                        score[w]++;
                    }
                }
            }
            if (nc == 0) {
                free++;
                continue;
            }
            out.add(component(qt, nc));
        }
        if (out.size() - firstOut > 1) {
            out.subList(firstOut, out.size()).sort(Comparator.comparingInt(Component::varCount));
        }
        return free;
    }

    private Component component(int nv, int nc) {
        components++;
        int[] data = new int[1 + nv + nc];
        data[0] = nv;
        System.arraycopy(queue, 0, data, 1, nv);
        Arrays.sort(data, 1, 1 + nv);
        System.arraycopy(clauseBuf, 0, data, 1 + nv, nc);
        Arrays.sort(data, 1 + nv, data.length);
        int best = data[1];
        for (int i = 2; i <= nv; i++) {
            if (score[data[i]] > score[best]) best = data[i];
        }
        return new Component(new Key(data), best);
    }

    private void nextStamp() {
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(varStamp, 0);
            Arrays.fill(clauseStamp, 0);
            stamp = 0;
        }
        stamp++;
    }

    private void addWatch(int lit, int clause) {
        int[] w = watches[lit];
        if (watchSize[lit] == w.length) watches[lit] = w = Arrays.copyOf(w, 2 * w.length);
        w[watchSize[lit]++] = clause;
    }

    private void assign(int lit) {
        value[lit] = 1;
        value[lit ^ 1] = -1;
        trail[trailSize++] = lit;
    }

    private void undo(int to) {
        for (int i = trailSize - 1; i >= to; i--) {
            int l = trail[i];
            value[l] = 0;
            value[l ^ 1] = 0;
        }
        trailSize = to;
        qhead = to;
    }

    /** Unit propagation over the watched clauses; false on a conflict. */
    private boolean propagate() {
        while (qhead < trailSize) {
            int falseLit = trail[qhead++] ^ 1;
            int[] ws = watches[falseLit];
            int size = watchSize[falseLit];
            int i = 0;
            int j = 0;
            while (i < size) {
                int c = ws[i++];
                int s = start[c];
                if (lits[s] == falseLit) {
                    lits[s] = lits[s + 1];
                    lits[s + 1] = falseLit;
                }
                int first = lits[s];
                if (value[first] == 1) {
                    ws[j++] = c;
                    continue;
                }
                int e = start[c + 1];
                boolean moved = false;
                for (int k = s + 2; k < e; k++) {
                    int l = lits[k];
                    if (value[l] != -1) {
                        lits[s + 1] = l;
                        lits[k] = falseLit;
                        addWatch(l, c);
                        moved = true;
                        break;
                    }
                }
                if (moved) continue;
                ws[j++] = c;
                if (value[first] == -1) {
                    while (i < size) ws[j++] = ws[i++];
                    watchSize[falseLit] = j;
                    return false;
                }
                assign(first);
            }
            watchSize[falseLit] = j;
        }
        return true;
    }

    private void checkLimits() {
        if (limits.cancel().isCancelled()) throw new Stopped(CountStatus.CANCELLED);
        if (limits.expired()) throw new Stopped(CountStatus.TIMEOUT);
        long now = System.nanoTime();
        if (progress != CountProgress.NONE && now - lastProgressNanos >= PROGRESS_NANOS) {
            lastProgressNanos = now;
            progress.report(stats());
        }
    }

    private CountStats stats() {
        return new CountStats(decisions, conflicts, cacheLookups, cacheHits, components, cache.size(),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Cache key: {@code [varCount, sorted vars…, sorted open clause ids…]}. */
    private static final class Key {
        final int[] data;
        final int hash;

        Key(int[] data) {
            this.data = data;
            this.hash = Arrays.hashCode(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.data, data);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A component to count: its key (which lists its variables) and the variable to branch on. */
    private record Component(Key key, int branchVar) {
        int varCount() {
            return key.data[0];
        }

        int clauseCount() {
            return key.data.length - 1 - key.data[0];
        }
    }

    /** Unwinds the search when the limits are reached. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient CountStatus status;

        Stopped(CountStatus status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
