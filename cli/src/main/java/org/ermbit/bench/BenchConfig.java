package org.ermbit.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ermbit bench} runs: the suite's MANIFEST, solver ids (in table order), per-run limits,
 * parallel child JVMs, the shard, the results CSV, whether to draw the cactus plot, and the
 * families to run (empty: every family of the MANIFEST).
 */
public record BenchConfig(Path manifest, List<String> solvers, ChildRunner.Limits limits, int jobs, Shard shard, Path csv, boolean plot,
        List<String> families) {
    public BenchConfig {
        solvers = List.copyOf(solvers);
        families = List.copyOf(families);
        if (solvers.isEmpty()) throw new IllegalArgumentException("no solver given");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String s : solvers) if (!seen.add(s)) throw new IllegalArgumentException("--solvers: " + s + " is listed twice");
        if (jobs < 1) throw new IllegalArgumentException("-j, --jobs: must be at least 1, got " + jobs);
    }

    /** Every family of the MANIFEST. */
    public BenchConfig(Path manifest, List<String> solvers, ChildRunner.Limits limits, int jobs, Shard shard, Path csv, boolean plot) {
        this(manifest, solvers, limits, jobs, shard, csv, plot, List.of());
    }

    /** Whether instances of {@code family} are part of this run. */
    public boolean includes(String family) {
        return families.isEmpty() || families.contains(family);
    }

    /** Report files sit next to the CSV: {@code results.csv} → {@code results.md}, {@code results-cactus.png/.svg}. */
    public Path reportBase() {
        String name = csv.getFileName().toString();
        String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        Path parent = csv.toAbsolutePath().getParent();
        return parent.resolve(stem);
    }
}
