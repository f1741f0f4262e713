package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.reductions.cnf.Cnf;

/**
 * A sharpSAT-style exact model counter: DPLL with unit propagation (two watched literals), the
 * residual formula split into connected components that are counted independently and multiplied,
 * a cache of component counts keyed canonically, branching on the variable with the most
 * occurrences in the current component's open clauses (in a long, thin component: the busiest of the
 * middle level of its breadth-first search, so that it splits in halves), components of at most 10 variables
 * counted by truth table, and components of at most 62 variables whose primal graph has a narrow
 * elimination order (width ≤ 14) counted by variable elimination instead of branching
 * ({@link EliminationCounter}). Counts are BigIntegers; variables that end up in no open clause
 * contribute a factor 2 each. Variables declared but in no clause are left out of the search
 * (which allocates per variable) and contribute their factor 2 at the end.
 *
 * <p>With more than one thread and at least {@value #PARALLEL_MIN_VARIABLES} variables in clauses, the
 * formula is split into the 2^{@value #CUBE_VARIABLES} cubes over its most frequent variables,
 * which are counted by parallel searches sharing one component cache and summed. Each search keeps
 * its own stack (no recursion) and checks the limits every few hundred decisions; the cache is
 * bounded by an estimated byte budget (emptied when exceeded, which costs time, never
 * correctness). No clause learning. Each call builds fresh search state, so one counter may be
 * used from several threads.
 */
public final class ComponentCounter implements ModelCounter {
    /** The id used on the command line. */
    public static final String ID = "component";
    /** Formulas with fewer variables in clauses are always counted by one search. */
    public static final int PARALLEL_MIN_VARIABLES = 40;
    /** Number of variables whose assignments split the formula into parallel tasks. */
    public static final int CUBE_VARIABLES = 3;

    private final long cacheBudgetBytes;
    private final int threads;
    private final int eliminationWidth;

    /** A counter using every available processor whose cache may use about a third of the heap. */
    public ComponentCounter() {
        this(Runtime.getRuntime().maxMemory() / 3);
    }

    /** A counter using every available processor whose cache may use about {@code cacheBudgetBytes}. */
    public ComponentCounter(long cacheBudgetBytes) {
        this(cacheBudgetBytes, Runtime.getRuntime().availableProcessors());
    }

    /** A counter with at most {@code threads} parallel searches sharing a cache of about {@code cacheBudgetBytes}. */
    public ComponentCounter(long cacheBudgetBytes, int threads) {
        this(cacheBudgetBytes, threads, ComponentSearch.ELIMINATION_WIDTH);
    }

    /**
     * As {@link #ComponentCounter(long, int)}, counting components by variable elimination up to
     * elimination width {@code eliminationWidth} (-1: never; tests use it to check both paths).
     */
    ComponentCounter(long cacheBudgetBytes, int threads, int eliminationWidth) {
        if (cacheBudgetBytes < 0) throw new IllegalArgumentException("negative cache budget");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (eliminationWidth < -1 || eliminationWidth > EliminationCounter.MAX_WIDTH) {
            throw new IllegalArgumentException("elimination width out of range: " + eliminationWidth);
        }
        this.cacheBudgetBytes = cacheBudgetBytes;
        this.threads = threads;
        this.eliminationWidth = eliminationWidth;
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Counts the formula over the variables that occur in some clause (renumbered 1..k, so memory
     * follows them and not the declared count) and multiplies by 2 for each variable that occurs in
     * none. Cubes need {@value #PARALLEL_MIN_VARIABLES} variables that occur in clauses.
     */
    @Override
    public CountResult count(Cnf cnf, Limits limits, CountProgress progress) {
        try (LimitWatcher.InterruptWatch watch = LimitWatcher.cancelOnInterrupt(Thread.currentThread(), limits.cancel())) {
            return countUnderWatch(cnf, limits, progress);
        }
    }

    private CountResult countUnderWatch(Cnf cnf, Limits limits, CountProgress progress) {
        Cnf used = withoutUnusedVariables(cnf);
        int unused = cnf.variables() - used.variables();
        ComponentCache cache = new ComponentCache(cacheBudgetBytes);
        int[] cubeVars = threads > 1 && used.variables() >= PARALLEL_MIN_VARIABLES ? cubeVariables(used) : new int[0];
        CountResult r = cubeVars.length == 0 ? ComponentSearch.count(used, new int[0], limits, progress, cache, eliminationWidth)
                : countCubes(used, cubeVars, limits, progress, cache);
        if (unused == 0 || r.status() != CountStatus.COUNTED) return r;
        return CountResult.counted(r.exactCount().shiftLeft(unused), r.counter(), r.stats());
    }

    /** The formula on its variables that occur in some clause, renumbered 1..k in their order. */
    static Cnf withoutUnusedVariables(Cnf cnf) {
        int[] renumbered = new int[cnf.variables() + 1];
        for (int[] clause : cnf.clauses()) for (int lit : clause) renumbered[Math.abs(lit)] = 1;
        int k = 0;
        for (int v = 1; v <= cnf.variables(); v++) if (renumbered[v] != 0) renumbered[v] = ++k;
        if (k == cnf.variables()) return cnf;
        List<int[]> clauses = new ArrayList<>(cnf.clauses().size());
        for (int[] clause : cnf.clauses()) {
            int[] c = new int[clause.length];
            for (int i = 0; i < c.length; i++) c[i] = clause[i] > 0 ? renumbered[clause[i]] : -renumbered[-clause[i]];
            clauses.add(c);
        }
        return new Cnf(k, clauses);
    }

    private CountResult countCubes(Cnf cnf, int[] cubeVars, Limits limits, CountProgress progress,
                                   ComponentCache cache) {
        long startNanos = System.nanoTime();
        CountProgress shared = stats -> {
            synchronized (this) {
                progress.report(stats);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ermbit-count");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CountResult>> parts = new ArrayList<>();
            for (int cube = 0; cube < 1 << cubeVars.length; cube++) {
                int[] assumptions = new int[cubeVars.length];
                for (int i = 0; i < cubeVars.length; i++) {
                    assumptions[i] = ((cube >> i) & 1) == 1 ? -cubeVars[i] : cubeVars[i];
                }
                parts.add(pool.submit(() -> ComponentSearch.count(cnf, assumptions, limits, shared, cache, eliminationWidth)));
            }
            BigInteger total = BigInteger.ZERO;
            CountStatus failed = null;
            long decisions = 0;
            long conflicts = 0;
            long lookups = 0;
            long hits = 0;
            long components = 0;
            long eliminated = 0;
            for (Future<CountResult> part : parts) {
                CountResult r = get(part, limits);
                CountStats s = r.stats();
                decisions += s.decisions();
                conflicts += s.conflicts();
                lookups += s.cacheLookups();
                hits += s.cacheHits();
                components += s.components();
                eliminated += s.eliminated();
                if (r.status() == CountStatus.COUNTED) {
                    total = total.add(r.exactCount());
                } else if (failed == null) {
                    failed = r.status();
                }
            }
            CountStats stats = new CountStats(decisions, conflicts, lookups, hits, components, eliminated, cache.size(),
                    Duration.ofNanos(System.nanoTime() - startNanos));
            return failed == null ? CountResult.counted(total, ID, stats) : CountResult.stopped(failed, ID, stats);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The result of one cube. An interrupt of the calling thread cancels the count (every cube then
     * ends CANCELLED) and is kept on the thread; the cubes are still awaited, so none outlives the call.
     */
    private static CountResult get(Future<CountResult> part, Limits limits) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return part.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    limits.cancel().cancel();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** The {@value #CUBE_VARIABLES} variables occurring in the most clauses of two or more literals. */
    private static int[] cubeVariables(Cnf cnf) {
        int[] occurrences = new int[cnf.variables() + 1];
        for (int[] clause : cnf.clauses()) {
            if (clause.length < 2) continue;
            for (int lit : clause) occurrences[Math.abs(lit)]++;
        }
        int[] best = new int[CUBE_VARIABLES];
        for (int k = 0; k < CUBE_VARIABLES; k++) {
            int pick = 0;
            for (int v = 1; v <= cnf.variables(); v++) {
                boolean taken = false;
                for (int j = 0; j < k; j++) taken |= best[j] == v;
                if (!taken && (pick == 0 || occurrences[v] > occurrences[pick])) pick = v;
            }
            best[k] = pick;
        }
        return best;
    }
}
