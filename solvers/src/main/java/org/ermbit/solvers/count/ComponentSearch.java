package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * clauses. Its cache key is its sorted variable ids followed by the sorted ids of its open clauses
 * that have at least one assigned literal ("touched"). An open clause's restriction to unassigned
 * literals is exactly its literals over the component's variables, and the untouched open clauses
 * are exactly the clauses all of whose variables lie in the component, so equal keys mean equal
 * residual formulas. Each clause keeps counts of its true and of its assigned literals, updated on
 * assignment and undo, so satisfaction and touchedness are read in constant time.
 */
final class ComponentSearch {
    /** Components with at most this many variables are counted by truth table (see countSmall). */
    private static final int SMALL_VARS = 10;
    /** Bit a of VAR_BITS[i] is bit i of a: the assignments (within one word) that set variable i. */
    private static final long[] VAR_BITS = {
        0xAAAAAAAAAAAAAAAAL, 0xCCCCCCCCCCCCCCCCL, 0xF0F0F0F0F0F0F0F0L,
        0xFF00FF00FF00FF00L, 0xFFFF0000FFFF0000L, 0xFFFFFFFF00000000L};
    /**
     * The default elimination width: components of at most {@link EliminationCounter#MAX_VARS}
     * variables whose greedy elimination order has at most this width are counted by variable
     * elimination instead of branching.
     * Measured on random 3-CNF at ratio 1.5 (docs/BENCHMARKS.md): 11–18 are about equally good,
     * 8 is slower.
     */
    static final int ELIMINATION_WIDTH = 14;
    /**
     * A component whose levels (below) reach this depth is long and
     * thin (a chain, a band): it branches on the busiest variable of the middle level, a separator,
     * so that it splits in halves instead of being peeled from one end (quadratic on chains,
     * exponential on bands). Wider components branch on the busiest variable overall. The levels are
     * those of a second breadth-first search, made when the first one (from the component's lowest
     * variable) reaches half this depth, from the variable the first one reached last (an end of the band
     * whatever the numbering, a pseudo-peripheral start), so that successive cuts fall in the same
     * middle: from the first variable, which a renumbering puts anywhere, they wandered.
     */
    static final int LONG_COMPONENT_DEPTH = 16;
    /** How many clauses are read between two looks at the limits while the search is built (a power of 2). */
    private static final int BUILD_POLL = 1 << 14;
    private static final int CHECK_EVERY = 256;
    private static final long PROGRESS_NANOS = 3_000_000_000L;

    private final Limits limits;
    private final CountProgress progress;
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
    private final int[][] litOcc;
    private final int[] trueCount;
    private final int[] assignedCount;
    private final int m;
    private final byte[] value;
    private final int[] trail;
    private int trailSize;
    private int qhead;

    private final int[] varStamp;
    private final int[] clauseStamp;
    private int stamp;
    private final int[] score;
    private final int[] depth;
    private final int[] queue;
    private final int[] varComp;
    private final int[] smallIndex;
    private final int[] clauseComp;
    private int[] childNv = new int[8];
    private int[] childNc = new int[8];
    private int[] childTouched = new int[8];
    private int[] childBest = new int[8];
    private int[] childCut = new int[8];
    private int[] childVarFill = new int[8];
    private int[] childClauseFill = new int[8];
    private int[] childKeyFill = new int[8];

    private final ComponentCache cache;
    private final EliminationCounter elimination = new EliminationCounter();
    private final int eliminationWidth;
    private int[] localStart = new int[64];
    private int[] localLits = new int[256];

    private long decisions;
    private long conflicts;
    private long cacheLookups;
    private long cacheHits;
    private long components;
    private long eliminated;

    /**
     * A search for the models of {@code cnf} that also satisfy the DIMACS literals
     * {@code assumptions}, using (and filling) {@code cache}, which may be shared with searches over
     * the same formula with other assumptions, and counting components up to elimination width
     * {@code eliminationWidth} by variable elimination (-1: never).
     */
    ComponentSearch(Cnf cnf, int[] assumptions, Limits limits, CountProgress progress, ComponentCache cache,
                    int eliminationWidth) {
        this.limits = limits;
        this.eliminationWidth = eliminationWidth;
        this.progress = progress;
        this.cache = cache;
        this.n = cnf.variables();
        int total = 0;
        List<int[]> kept = new ArrayList<>(cnf.clauses().size());
        int[] unitBuf = new int[4];
        int unitCount = 0;
        int read = 0;
        for (int[] clause : cnf.clauses()) {
            // building the search over millions of clauses takes seconds: the limits are honoured here too
            if ((read++ & (BUILD_POLL - 1)) == 0) stopIfExpired(limits);
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
        units = Arrays.copyOf(unitBuf, unitCount + assumptions.length);
        for (int a : assumptions) units[unitCount++] = a > 0 ? 2 * a : -2 * a + 1;
        m = kept.size();
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
        stopIfExpired(limits);
        occ = new int[n + 1][];
        for (int v = 0; v <= n; v++) occ[v] = new int[occCount[v]];
        int[] litCount = new int[2 * n + 2];
        for (int l : lits) litCount[l]++;
        litOcc = new int[2 * n + 2][];
        for (int l = 0; l < litOcc.length; l++) litOcc[l] = new int[litCount[l]];
        int[] litFill = new int[2 * n + 2];
        for (int c = 0; c < m; c++) {
            for (int k = start[c]; k < start[c + 1]; k++) litOcc[lits[k]][litFill[lits[k]]++] = c;
        }
        trueCount = new int[m];
        assignedCount = new int[m];
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
        depth = new int[n + 1];
        queue = new int[n + 1];
        varComp = new int[n + 1];
        smallIndex = new int[n + 1];
        clauseComp = new int[m];
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

    /**
     * Builds the search of {@link #ComponentSearch} and runs it; limits that expire while it is being
     * built (a formula of millions of clauses) stop it there.
     */
    static CountResult count(Cnf cnf, int[] assumptions, Limits limits, CountProgress progress, ComponentCache cache,
                             int eliminationWidth) {
        ComponentSearch search;
        try {
            search = new ComponentSearch(cnf, assumptions, limits, progress, cache, eliminationWidth);
        } catch (Stopped s) {
            return CountResult.stopped(s.status, ComponentCounter.ID, new CountStats(0, 0, 0, 0, 0, 0, cache.size(), Duration.ZERO));
        }
        return search.run();
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
        int[] allVars = new int[n];
        for (int v = 1; v <= n; v++) allVars[v - 1] = v;
        int[] allClauses = new int[m];
        for (int c = 0; c < m; c++) allClauses[c] = c;
        List<Component> children = new ArrayList<>();
        int free = decompose(allVars, allClauses, children);
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

    /** The count of a component if it is trivial, cached or narrow enough to eliminate, else null. */
    private BigInteger known(Component c) {
        if (c.clauses.length == 1) return BigInteger.ONE.shiftLeft(c.varCount()).subtract(BigInteger.ONE);
        if (c.varCount() <= SMALL_VARS) return BigInteger.valueOf(countSmall(c));
        cacheLookups++;
        BigInteger hit = cache.get(c.key);
        if (hit != null) {
            cacheHits++;
            return hit;
        }
        if (eliminationWidth >= 0 && c.varCount() <= EliminationCounter.MAX_VARS) {
            // not cached: repeating an elimination is cheaper than caching every one (measured)
            long counted = countByElimination(c);
            if (counted >= 0) {
                eliminated++;
                return BigInteger.valueOf(counted);
            }
        }
        return null;
    }

    /**
     * The component's count by variable elimination if its elimination width is at most
     * {@code eliminationWidth}, else -1. Its open clauses are passed restricted to their
     * unassigned literals, over the component's variables renumbered 0..nv-1.
     */
    private long countByElimination(Component c) {
        int[] vars = c.vars;
        int nv = vars.length;
        for (int i = 0; i < nv; i++) smallIndex[vars[i]] = i;
        int nc = c.clauses.length;
        if (localStart.length < nc + 1) localStart = new int[2 * nc + 2];
        int pos = 0;
        for (int i = 0; i < nc; i++) {
            int cl = c.clauses[i];
            localStart[i] = pos;
            int needed = pos + start[cl + 1] - start[cl];
            if (localLits.length < needed) localLits = Arrays.copyOf(localLits, Math.max(needed, 2 * localLits.length));
            for (int k = start[cl], e = start[cl + 1]; k < e; k++) {
                int l = lits[k];
                if (value[l] != 0) continue;
                localLits[pos++] = 2 * smallIndex[l >> 1] + (l & 1);
            }
        }
        localStart[nc] = pos;
        return elimination.count(nv, localStart, localLits, nc, eliminationWidth);
    }

    /**
     * Counts a component of at most {@link #SMALL_VARS} variables by its truth table: bit {@code a}
     * of word {@code w} stands for the assignment {@code 64w + a} (bit i of it is the value of the
     * component's i-th variable); each open clause masks out the assignments that falsify it.
     */
    private long countSmall(Component c) {
        int[] vars = c.vars;
        int nv = vars.length;
        for (int i = 0; i < nv; i++) smallIndex[vars[i]] = i;
        int words = nv <= 6 ? 1 : 1 << (nv - 6);
        long full = nv >= 6 ? -1L : (1L << (1 << nv)) - 1;
        long total = 0;
        for (int w = 0; w < words; w++) {
            long alive = full;
            for (int cl : c.clauses) {
                long sat = 0;
                for (int k = start[cl], e = start[cl + 1]; k < e; k++) {
                    int l = lits[k];
                    if (value[l] != 0) continue;
                    int i = smallIndex[l >> 1];
                    long pos = i < 6 ? VAR_BITS[i] : ((w >> (i - 6)) & 1) == 1 ? -1L : 0L;
                    sat |= (l & 1) == 0 ? pos : ~pos;
                }
                alive &= sat;
                if (alive == 0) break;
            }
            total += Long.bitCount(alive);
        }
        return total;
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
                int free = decompose(f.comp.vars, f.comp.clauses, scratch);
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
        cache.put(key, key.data.length, count);
    }

    /**
     * Splits the unassigned variables among {@code vars} (sorted) into components over the open
     * clauses among {@code clauses} (sorted; every open clause over these variables must be listed);
     * adds them to {@code out} (fewest variables first) and returns the number of unassigned
     * variables in no open clause. Children list their variables and clauses in sorted order,
     * taken from the parent's lists, so no sorting is needed.
     */
    private int decompose(int[] vars, int[] clauses, List<Component> out) {
        nextStamp();
        int free = 0;
        int count = 0;
        for (int v : vars) {
            if (value[2 * v] != 0 || varStamp[v] == stamp) continue;
            if (count == childNv.length) growChildArrays();
            int label = count;
            int qh = 0;
            int qt = 0;
            int nc = 0;
            int touched = 0;
            varStamp[v] = stamp;
            varComp[v] = label;
            score[v] = 0;
            depth[v] = 0;
            queue[qt++] = v;
            while (qh < qt) {
                int u = queue[qh++];
                for (int c : occ[u]) {
                    if (clauseStamp[c] == stamp) continue;
                    clauseStamp[c] = stamp;
                    if (trueCount[c] > 0) {
                        clauseComp[c] = -1;
                        continue;
                    }
                    clauseComp[c] = label;
                    nc++;
                    if (assignedCount[c] > 0) touched++;
                    for (int k = start[c], e = start[c + 1]; k < e; k++) {
                        int l = lits[k];
                        if (value[l] != 0) continue;
                        int w = l >> 1;
                        if (varStamp[w] != stamp) {
                            varStamp[w] = stamp;
                            varComp[w] = label;
                            score[w] = 0;
                            depth[w] = depth[u] + 1;
                            queue[qt++] = w;
                        }
                        score[w]++;
                    }
                }
            }
            if (nc == 0) {
                free++;
                varComp[v] = -1;
                continue;
            }
            childNv[label] = qt;
            childNc[label] = nc;
            childTouched[label] = touched;
            childBest[label] = -1;
            int reach = depth[queue[qt - 1]];
            // from inside a band the first search sees at least half its length
            if (2 * reach >= LONG_COMPONENT_DEPTH) reach = levelsFromTheFarEnd(label, qt);
            childCut[label] = reach >= LONG_COMPONENT_DEPTH ? reach / 2 : -1;
            count++;
        }
        if (count == 0) return free;
        int[][] childVars = new int[count][];
        int[][] childClauses = new int[count][];
        int[][] childKeys = new int[count][];
        for (int i = 0; i < count; i++) {
            childVars[i] = new int[childNv[i]];
            childClauses[i] = new int[childNc[i]];
            childKeys[i] = new int[1 + childNv[i] + childTouched[i]];
            childKeys[i][0] = childNv[i];
            childVarFill[i] = 0;
            childClauseFill[i] = 0;
            childKeyFill[i] = 1 + childNv[i];
        }
        for (int v : vars) {
            if (varStamp[v] != stamp) continue;
            int label = varComp[v];
            if (label < 0) continue;
            int at = childVarFill[label]++;
            childVars[label][at] = v;
            childKeys[label][1 + at] = v;
            int cut = childCut[label];
            if ((cut < 0 || depth[v] == cut) && (childBest[label] < 0 || score[v] > score[childBest[label]])) {
                childBest[label] = v;
            }
        }
        for (int c : clauses) {
            if (clauseStamp[c] != stamp) continue;
            int label = clauseComp[c];
            if (label < 0) continue;
            childClauses[label][childClauseFill[label]++] = c;
            if (assignedCount[c] > 0) childKeys[label][childKeyFill[label]++] = c;
        }
        int first = out.size();
        for (int i = 0; i < count; i++) {
            components++;
            out.add(new Component(new Key(childKeys[i]), childVars[i], childClauses[i], childBest[i]));
        }
        if (count > 1) out.subList(first, out.size()).sort(Comparator.comparingInt(Component::varCount));
        return free;
    }

    /**
     * Recomputes {@code depth} over component {@code label} (its {@code size} variables in {@code queue},
     * its open clauses labelled in {@code clauseComp} under the current stamp) by a breadth-first search
     * from the variable the first search reached last; returns the greatest depth. {@code queue} then
     * holds the component in the new order.
     */
    private int levelsFromTheFarEnd(int label, int size) {
        int far = queue[size - 1];
        for (int k = 0; k < size; k++) depth[queue[k]] = -1;
        int qh = 0;
        int qt = 0;
        depth[far] = 0;
        queue[qt++] = far;
        while (qh < qt) {
            int u = queue[qh++];
            for (int c : occ[u]) {
                if (clauseStamp[c] != stamp || clauseComp[c] != label) continue;
                for (int k = start[c], e = start[c + 1]; k < e; k++) {
                    int l = lits[k];
                    if (value[l] != 0) continue;
                    int w = l >> 1;
                    if (depth[w] < 0) {
                        depth[w] = depth[u] + 1;
                        queue[qt++] = w;
                    }
                }
            }
        }
        return depth[queue[qt - 1]];
    }

    private void growChildArrays() {
        int size = 2 * childNv.length;
        childNv = Arrays.copyOf(childNv, size);
        childNc = Arrays.copyOf(childNc, size);
        childTouched = Arrays.copyOf(childTouched, size);
        childBest = Arrays.copyOf(childBest, size);
        childCut = Arrays.copyOf(childCut, size);
        childVarFill = Arrays.copyOf(childVarFill, size);
        childClauseFill = Arrays.copyOf(childClauseFill, size);
        childKeyFill = Arrays.copyOf(childKeyFill, size);
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
        for (int c : litOcc[lit]) {
            trueCount[c]++;
            assignedCount[c]++;
        }
        for (int c : litOcc[lit ^ 1]) assignedCount[c]++;
    }

    private void undo(int to) {
        for (int i = trailSize - 1; i >= to; i--) {
            int l = trail[i];
            value[l] = 0;
            value[l ^ 1] = 0;
            for (int c : litOcc[l]) {
                trueCount[c]--;
                assignedCount[c]--;
            }
            for (int c : litOcc[l ^ 1]) assignedCount[c]--;
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

    private static void stopIfExpired(Limits limits) {
        if (limits.cancel().isCancelled()) throw new Stopped(CountStatus.CANCELLED);
        if (limits.expired()) throw new Stopped(CountStatus.TIMEOUT);
    }

    private void checkLimits() {
        stopIfExpired(limits);
        long now = System.nanoTime();
        if (progress != CountProgress.NONE && now - lastProgressNanos >= PROGRESS_NANOS) {
            lastProgressNanos = now;
            progress.report(stats());
        }
    }

    private CountStats stats() {
        return new CountStats(decisions, conflicts, cacheLookups, cacheHits, components, eliminated, cache.size(),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** Cache key: {@code [varCount, sorted vars…, sorted touched open clause ids…]}. */
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

    /**
     * A component to count: its cache key, its variables and open clauses (both sorted) and the
     * variable to branch on.
     */
    private record Component(Key key, int[] vars, int[] clauses, int branchVar) {
        int varCount() {
            return vars.length;
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
