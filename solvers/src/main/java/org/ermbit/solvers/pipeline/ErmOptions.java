package org.ermbit.solvers.pipeline;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ermbit.solvers.enumerate.ExhaustiveSearch;

/**
 * How {@link ErmSolver} works: which backend(s) (one id, or several raced as a portfolio), an
 * optional timeout, hidden-unit symmetry breaking, backends that must confirm an UNSAT answer, the
 * caps of the exhaustive route (number of parameter vectors, bit budget of intermediate values), and
 * whether "loss ≤ γ" questions are decided by lazy data refinement ({@link DataRefinement}), and
 * whether a local search for witnesses runs next to the backends ({@link WitnessSearch}), and how
 * squares of the squared loss reach the backends ({@link SquaredLossPath}), and the local search's
 * random seed.
 */
public record ErmOptions(List<String> solvers, Optional<Duration> timeout, boolean symmetryBreaking,
                         List<String> crossCheck, BigInteger enumerationCap, int bitBudget, boolean refinement,
                         boolean localSearch, SquaredLossPath squaredLoss, long seed) {

    /** The backends raced by {@code --solver portfolio} (those available on this machine). */
    public static final List<String> DEFAULT_PORTFOLIO = List.of("sat4j", "cpsat", "z3");
    /** Largest domain the exhaustive (polynomial) route enumerates. */
    public static final BigInteger DEFAULT_ENUMERATION_CAP = BigInteger.valueOf(1_000_000);
    /** Largest bit-length of an intermediate value the exhaustive route accepts. */
    public static final int DEFAULT_BIT_BUDGET = ExhaustiveSearch.DEFAULT_BIT_BUDGET;
    /** The local search's default random seed. */
    public static final long DEFAULT_SEED = 1;

    /**
     * @throws NullPointerException naming a null component (or a null id in a list)
     * @throws IllegalArgumentException for no solver, a negative timeout, or a cap or bit budget below 1
     */
    public ErmOptions {
        solvers = ids(solvers, "solvers");
        crossCheck = ids(crossCheck, "crossCheck");
        if (solvers.isEmpty()) throw new IllegalArgumentException("no solver given");
        Objects.requireNonNull(timeout, "timeout (use Optional.empty() for none)");
        if (timeout.isPresent() && timeout.get().isNegative()) throw new IllegalArgumentException("negative timeout " + timeout.get());
        Objects.requireNonNull(enumerationCap, "enumerationCap");
        if (enumerationCap.signum() < 1) throw new IllegalArgumentException("enumeration cap must be at least 1, got " + enumerationCap);
        if (bitBudget < 1) throw new IllegalArgumentException("bit budget must be at least 1, got " + bitBudget);
        Objects.requireNonNull(squaredLoss, "squaredLoss");
    }

    /** The embedded default: Sat4j, no timeout, symmetry breaking on, data refinement off, local search on, squares {@link SquaredLossPath#AUTO}, seed {@value #DEFAULT_SEED}. */
    public static ErmOptions defaults() {
        return new ErmOptions(List.of("sat4j"), Optional.empty(), true, List.of(), DEFAULT_ENUMERATION_CAP, DEFAULT_BIT_BUDGET, false, true, SquaredLossPath.AUTO, DEFAULT_SEED);
    }

    /** Solver ids of {@code ermbit solvers}, a baseline id, or {@code portfolio}; several ids race. */
    public ErmOptions withSolvers(List<String> ids) {
        return new ErmOptions(ids, timeout, symmetryBreaking, crossCheck, enumerationCap, bitBudget, refinement, localSearch, squaredLoss, seed);
    }

    /** A timeout for each whole call (zero: UNKNOWN at once; beyond a thousand years: none). */
    public ErmOptions withTimeout(Duration d) {
        return new ErmOptions(solvers, Optional.of(Objects.requireNonNull(d, "timeout")), symmetryBreaking, crossCheck, enumerationCap, bitBudget, refinement, localSearch, squaredLoss, seed);
    }

    /** Hidden-unit symmetry breaking in the encoding on or off (on by default; answers are the same either way). */
    public ErmOptions withSymmetryBreaking(boolean on) {
        return new ErmOptions(solvers, timeout, on, crossCheck, enumerationCap, bitBudget, refinement, localSearch, squaredLoss, seed);
    }

    /** Backend ids that must re-prove every UNSAT answer and optimality proof (none by default). */
    public ErmOptions withCrossCheck(List<String> ids) {
        return new ErmOptions(solvers, timeout, symmetryBreaking, ids, enumerationCap, bitBudget, refinement, localSearch, squaredLoss, seed);
    }

    /** The exhaustive route's caps: most parameter vectors enumerated, most bits of an intermediate value. */
    public ErmOptions withEnumerationCap(BigInteger cap, int bits) {
        return new ErmOptions(solvers, timeout, symmetryBreaking, crossCheck, cap, bits, refinement, localSearch, squaredLoss, seed);
    }

    /** Lazy data refinement on or off (off by default; answers are the same either way). */
    public ErmOptions withRefinement(boolean on) {
        return new ErmOptions(solvers, timeout, symmetryBreaking, crossCheck, enumerationCap, bitBudget, on, localSearch, squaredLoss, seed);
    }

    /**
     * The local search for witnesses next to the backends on or off (on by default). It can only
     * answer SAT, with a verified witness; UNSAT answers and optimality proofs come from the backends
     * either way. Off isolates the backends (differential tests, backend benchmarks).
     */
    public ErmOptions withLocalSearch(boolean on) {
        return new ErmOptions(solvers, timeout, symmetryBreaking, crossCheck, enumerationCap, bitBudget, refinement, on, squaredLoss, seed);
    }

    /** How the squared loss's squares reach the backends ({@link SquaredLossPath#AUTO} by default; answers are the same either way). */
    public ErmOptions withSquaredLoss(SquaredLossPath path) {
        return new ErmOptions(solvers, timeout, symmetryBreaking, crossCheck, enumerationCap, bitBudget, refinement, localSearch, path, seed);
    }

    /**
     * The local search's random seed ({@value #DEFAULT_SEED} by default). Runs with the same seed
     * make the same moves; which engine answers first, and so the witness, can still depend on timing.
     */
    public ErmOptions withSeed(long s) {
        return new ErmOptions(solvers, timeout, symmetryBreaking, crossCheck, enumerationCap, bitBudget, refinement, localSearch, squaredLoss, s);
    }

    private static List<String> ids(List<String> ids, String what) {
        Objects.requireNonNull(ids, what);
        for (String id : ids) Objects.requireNonNull(id, () -> what + " contains null");
        return List.copyOf(ids);
    }
}
