package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark (not a unit test; runs only with {@code -Dermbit.bench=true}): how long after the
 * deadline each available backend returns from a hard model (clausal pigeonhole, 15 pigeons; for
 * {@code cpsat}, which proves pigeonhole at once, random 3-SAT with 400 variables and 2000 clauses).
 * Prints a Markdown table for docs/BENCHMARKS.md. Asserts only the status, never the time.
 */
@EnabledIfSystemProperty(named = "ermbit.bench", matches = "true")
class TimeoutLatencyBenchmark {
    private static final int RUNS = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(1);

    @Test
    void stopLatencyPerBackend() throws Exception {
        Model pigeonhole = HardModels.pigeonholeClauses(15);
        StringBuilder table = new StringBuilder("| backend | deadline 1 s: latency after deadline, ms (min / median / max of " + RUNS
                + ") | abandoned |\n|---|---|---|\n");
        for (SolverProvider p : SolverRegistry.load().all()) {
            Model hard = p.id().equals("cpsat") ? HardModels.randomThreeSat(400, 2000, 1) : pigeonhole;
            if (!p.probe().available() || p.refusal(hard) != null) continue;
            List<Long> latencies = new ArrayList<>();
            int abandoned = 0;
            try (Solver s = p.create()) {
                for (int i = 0; i < RUNS; i++) {
                    Instant deadline = Instant.now().plus(DEADLINE);
                    SolveResult r = s.solve(hard, new Limits(Optional.of(deadline), new CancelToken()));
                    long late = Duration.between(deadline, Instant.now()).toMillis();
                    assertEquals(Status.UNKNOWN, r.status(), p.id() + ": " + r);
                    latencies.add(late);
                    if (r.stats().containsKey("abandoned")) abandoned++;
                }
            }
            Collections.sort(latencies);
            table.append("| ").append(p.id()).append(" | ").append(latencies.get(0)).append(" / ").append(latencies.get(RUNS / 2))
                    .append(" / ").append(latencies.get(RUNS - 1)).append(" | ").append(abandoned).append(" of ").append(RUNS).append(" |\n");
            Thread.sleep(1500); // let abandoned workers of this backend wind down before the next one
        }
        System.out.println("TIMEOUT-LATENCY\n" + table);
    }
}
