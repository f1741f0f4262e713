package org.ermbit.solvers.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.spi.Limits;

/**
 * Runs the witness heuristics that apply to an instance in turns, in one thread: {@link UnitSwapSearch}
 * when it applies (one hidden layer), else {@link ProjectedSearch} when that applies, then
 * {@link LocalSearch}, each continuing where its last turn stopped, for a
 * budget of moves that doubles after every full round. The two are strong on different instances
 * (docs/BENCHMARKS.md), and the doubling bounds the work lost to the wrong one by a constant factor.
 * Budgets count moves, not seconds, so a run is reproducible up to where the limits stop it, and a
 * cold or busy JVM does not cut a heuristic short. Only strictly better vectors than any earlier
 * run's reach the caller.
 */
public final class SearchSchedule {
    /** The first run's move budget for {@link ProjectedSearch} (a move scores every one-numerator change). */
    static final long FIRST_PROJECTED_MOVES = 100;
    /**
     * The first run's move budget for {@link UnitSwapSearch} (a move is a unit step or a kick): about 2.3
     * times the plain search's time per round on the planted 2-8-1 teachers (some 4,400 unit-swap and
     * 8,100 plain moves per second there, docs/BENCHMARKS.md).
     */
    static final long FIRST_UNIT_SWAP_MOVES = 7_000;
    /**
     * The first run's move budget for {@link LocalSearch}: about a quarter of the projected search's time on
     * the planted teachers (measured against 20,000, about equal time, in docs/BENCHMARKS.md).
     */
    static final long FIRST_LOCAL_MOVES = 5_000;

    private final ScaledNetwork net;
    private final long seed;

    /** A schedule over {@code net}'s domain; the heuristics use seeds {@code seed} and {@code seed + 1}. */
    public SearchSchedule(ScaledNetwork net, long seed) {
        this.net = net;
        this.seed = seed;
    }

    /** The heuristics that apply to the network, in the order they take turns. */
    public List<String> heuristics() {
        List<String> names = new ArrayList<>();
        if (UnitSwapSearch.applies(net)) {
            names.add("unit-swap");
        } else if (ProjectedSearch.applies(net)) {
            names.add("projected");
        }
        names.add("plain");
        return names;
    }

    /**
     * Runs until a vector with scaled loss ≤ {@code target} is found or the limits expire; returns the
     * best vector found, if any run produced one.
     *
     * A heuristic that meets a value beyond {@code long} drops out; the others go on.
     */
    public Optional<WitnessHeuristic.Outcome> run(long target, Limits limits, WitnessHeuristic.Improvement onImprovement) {
        long[] bestLoss = {Long.MAX_VALUE};
        WitnessHeuristic.Improvement better = (values, loss) -> {
            if (loss < bestLoss[0]) {
                bestLoss[0] = loss;
                onImprovement.found(values, loss);
            }
        };
        WitnessHeuristic.Outcome best = null;
        List<WitnessHeuristic> turns = new ArrayList<>();
        try {
            if (UnitSwapSearch.applies(net)) {
                turns.add(new UnitSwapSearch(net, seed)); // tabulates every unit setting's activations
            } else if (ProjectedSearch.applies(net)) {
                turns.add(new ProjectedSearch(net, seed));
            }
        } catch (ArithmeticException e) {
            // an activation beyond long: the projected heuristic is left out, the plain one still runs
        }
        turns.add(new LocalSearch(net, seed + 1));
        long round = 1;
        int i = 0;
        while (!limits.expired() && !turns.isEmpty()) {
            if (i >= turns.size()) {
                // a full round done: every budget doubles
                i = 0;
                if (round < (1L << 40)) round *= 2;
            }
            WitnessHeuristic h = turns.get(i);
            long first = h instanceof UnitSwapSearch ? FIRST_UNIT_SWAP_MOVES
                    : h instanceof ProjectedSearch ? FIRST_PROJECTED_MOVES : FIRST_LOCAL_MOVES;
            long budget = round * first;
            WitnessHeuristic.Outcome o;
            try {
                o = h.run(target, limits, budget, better);
            } catch (ArithmeticException e) {
                // a value beyond long for some vector: this heuristic drops out, the others go on
                turns.remove(i);
                continue;
            }
            if (best == null || o.bestLoss() < best.bestLoss()) best = o;
            if (best.bestLoss() <= target) break;
            i++;
        }
        return Optional.ofNullable(best);
    }
}
