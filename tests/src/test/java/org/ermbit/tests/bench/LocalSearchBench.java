package org.ermbit.tests.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.search.LocalSearch;
import org.ermbit.solvers.search.WitnessHeuristic;
import org.ermbit.solvers.search.ProjectedSearch;
import org.ermbit.solvers.search.UnitSwapSearch;
import org.ermbit.solvers.search.SearchSchedule;
import org.ermbit.solvers.search.ScaledNetwork;

/**
 * The local search alone, without a solver (docs/BENCHMARKS.md, "Local search alone"). Usage:
 * {@code java -cp cli/target/ermbit.jar:tests/target/test-classes org.ermbit.tests.bench.LocalSearchBench
 * LIMIT_S FILE…}; {@code -Dermbit.bench.search=projected} runs {@link ProjectedSearch} instead, {@code =unitswap}
 * {@link UnitSwapSearch}, {@code =schedule} the
 * default pipeline's {@link SearchSchedule} (both in turns); {@code -Dermbit.bench.seeds=N} runs seeds 1..N (default 1).
 * Prints, per instance and seed, the best scaled loss against the bound G, the time, the moves and restarts, and
 * whether the exact verifier accepts the best vector; with several seeds also the instance's median time (runs
 * that did not reach G count as the limit).
 */
public final class LocalSearchBench {
    private static final String SEARCH = System.getProperty("ermbit.bench.search", "local");
    private static final int SEEDS = Integer.getInteger("ermbit.bench.seeds", 1);

    private LocalSearchBench() {
    }

    public static void main(String[] args) {
        Duration limit = Duration.ofMillis(Math.round(Double.parseDouble(args[0]) * 1000));
        for (int i = 1; i < args.length; i++) {
            ErmInstance inst = InstanceReader.read(Path.of(args[i]));
            ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow(() -> new IllegalArgumentException("out of the local search's reach"));
            long[] times = new long[SEEDS];
            for (int seed = 1; seed <= SEEDS; seed++) {
                long t0 = System.nanoTime();
                WitnessHeuristic.Outcome o = switch (SEARCH) {
                    case "projected" -> new ProjectedSearch(net, seed).run(net.scaledBound(), Limits.timeout(limit), Long.MAX_VALUE, (v, l) -> { });
                    case "unitswap" -> new UnitSwapSearch(net, seed).run(net.scaledBound(), Limits.timeout(limit), Long.MAX_VALUE, (v, l) -> { });
                    case "schedule" -> new SearchSchedule(net, seed).run(net.scaledBound(), Limits.timeout(limit), (v, l) -> { }).orElseThrow();
                    default -> new LocalSearch(net, seed).run(net.scaledBound(), Limits.timeout(limit));
                };
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Verifier.Verdict v = Verifier.verify(inst, net.decode(o.best()));
                times[seed - 1] = o.bestLoss() <= net.scaledBound() ? ms : limit.toMillis();
                System.out.printf("%s seed %d: scaled loss %d (G %d) %d ms, moves %d, restarts %d, verified %s%n",
                        Path.of(args[i]).getFileName(), seed, o.bestLoss(), net.scaledBound(), ms, o.moves(), o.restarts(), v.accepted());
            }
            if (SEEDS > 1) {
                Arrays.sort(times);
                long median = SEEDS % 2 == 1 ? times[SEEDS / 2] : (times[SEEDS / 2 - 1] + times[SEEDS / 2]) / 2;
                System.out.printf("%s: median %d ms over %d seeds%n", Path.of(args[i]).getFileName(), median, SEEDS);
            }
        }
    }
}
