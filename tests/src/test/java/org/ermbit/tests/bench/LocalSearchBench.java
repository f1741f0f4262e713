package org.ermbit.tests.bench;

import java.nio.file.Path;
import java.time.Duration;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.search.LocalSearch;
import org.ermbit.solvers.search.WitnessHeuristic;
import org.ermbit.solvers.search.ProjectedSearch;
import org.ermbit.solvers.search.SearchSchedule;
import org.ermbit.solvers.search.ScaledNetwork;

/**
 * The local search alone, without a solver (docs/BENCHMARKS.md, "Issue #3 targets, session 6"). Usage:
 * {@code java -cp cli/target/ermbit.jar:tests/target/test-classes org.ermbit.tests.bench.LocalSearchBench
 * LIMIT_S FILE…}; {@code -Dermbit.bench.search=projected} runs {@link ProjectedSearch} instead, {@code =schedule} the
 * default pipeline's {@link SearchSchedule} (both in turns). Prints, per instance, the best scaled loss against the bound G, the time, the moves and
 * restarts, and whether the exact verifier accepts the best vector.
 */
public final class LocalSearchBench {
    private static final String SEARCH = System.getProperty("ermbit.bench.search", "local");

    private LocalSearchBench() {
    }

    public static void main(String[] args) {
        Duration limit = Duration.ofMillis(Math.round(Double.parseDouble(args[0]) * 1000));
        for (int i = 1; i < args.length; i++) {
            ErmInstance inst = InstanceReader.read(Path.of(args[i]));
            ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow(() -> new IllegalArgumentException("out of the local search's reach"));
            long t0 = System.nanoTime();
            WitnessHeuristic.Outcome o = switch (SEARCH) {
                case "projected" -> new ProjectedSearch(net, 1).run(net.scaledBound(), Limits.timeout(limit), Long.MAX_VALUE, (v, l) -> { });
                case "schedule" -> new SearchSchedule(net, 1).run(net.scaledBound(), Limits.timeout(limit), (v, l) -> { }).orElseThrow();
                default -> new LocalSearch(net, 1).run(net.scaledBound(), Limits.timeout(limit));
            };
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Verifier.Verdict v = Verifier.verify(inst, net.decode(o.best()));
            System.out.printf("%s: scaled loss %d (G %d) %d ms, moves %d, restarts %d, verified %s%n",
                    Path.of(args[i]).getFileName(), o.bestLoss(), net.scaledBound(), ms, o.moves(), o.restarts(), v.accepted());
        }
    }
}
