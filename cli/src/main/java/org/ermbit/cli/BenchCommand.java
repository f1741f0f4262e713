package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ermbit.bench.BenchConfig;
import org.ermbit.bench.BenchRunner;
import org.ermbit.bench.ChildRunner;
import org.ermbit.bench.ResultCsv;
import org.ermbit.bench.Shard;
import org.ermbit.core.format.PrintableText;
import org.ermbit.solvers.baseline.Baselines;
import org.ermbit.solvers.count.ModelCounters;
import org.ermbit.solvers.pipeline.Routes;
import org.ermbit.solvers.registry.SolverRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ermbit bench SUITE --solvers A,B --timeout S --csv F}: runs solvers × instances in child
 * JVMs, appends results to the CSV (resuming an interrupted run), checks answers against the
 * MANIFEST, prints per-run rows and PAR-2 tables, writes {@code F.md} and a cactus plot. Exit 0, or
 * {@value BenchRunner#EXIT_WRONG} when a wrong answer is in the CSV. {@code ermbit bench --merge A.csv
 * B.csv -o ALL.csv} joins the CSVs of shards.
 */
@Command(name = "bench", description = {"Benchmark solvers on a suite (directory with a MANIFEST): child JVM per run, CSV with resume, "
        + "answers checked against the MANIFEST (exit 4 on a wrong answer), PAR-2 tables (Markdown) and a cactus plot (PNG, SVG).",
        "Shards: --shard i/n runs every n-th run; merge the shards' CSVs with --merge A.csv B.csv -o ALL.csv, then run bench with --csv ALL.csv to get the tables."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "Suite directory (with a MANIFEST) or a MANIFEST file.")
    Path suite;

    @Option(names = "--solvers", split = ",", paramLabel = "ID", description = "Solver ids, in table order: 'default' (ermbit's default "
            + "configuration, as 'ermbit solve' without --solver) or any id 'ermbit solve --solver' takes, which then runs alone "
            + "(--no-local-search); for count tasks, 'default' (as 'ermbit count') or a counter id 'ermbit count --counter' takes. "
            + "A solver paired with a count task, or a counter with a decision, gets UNAVAILABLE rows. Default: default.")
    List<String> solvers = new ArrayList<>(List.of(ChildRunner.DEFAULT_CONFIGURATION));

    @Option(names = "--timeout", paramLabel = "S", description = "Wall-clock limit per run in seconds. Default: 60.")
    String timeout = "60";

    @Option(names = "--memory", paramLabel = "MB", description = "Heap limit per child JVM in MB (-Xmx). Default: 2048.")
    int memoryMb = 2048;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Child JVMs at a time. Default: 1.")
    int jobs = 1;

    @Option(names = "--families", split = ",", paramLabel = "NAME", description = "Run only these MANIFEST families (default: all).")
    List<String> families = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only shard i of n (1-based; every n-th run of the canonical order).")
    String shard;

    @Option(names = "--csv", paramLabel = "FILE", description = "Results CSV (appended; existing rows are skipped). Default: bench-results.csv.")
    Path csv = Path.of("bench-results.csv");

    @Option(names = "--no-plot", description = "Do not draw the cactus plot.")
    boolean noPlot;

    @Option(names = "--merge", arity = "1..*", paramLabel = "CSV", description = "Merge these result CSVs into the file given by -o (no runs).")
    List<Path> merge;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output of --merge.")
    Path output;

    @Spec
    CommandSpec spec;

    /** Smallest heap a child JVM is given (-Xmx). */
    static final int MIN_MEMORY_MB = 64;

    /** The machine's physical memory in MB, or 0 when the JVM cannot tell. */
    private static long physicalMemoryMb() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 0;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (merge != null) {
            if (output == null) throw new UsageException("--merge needs -o FILE");
            if (suite != null) throw new UsageException("--merge takes CSV files only, not a SUITE");
            OutputFiles.checkWritable(output, "--output");
            List<String> conflicts = ResultCsv.merge(merge, output);
            for (String c : conflicts) err.println("ermbit bench: conflicting duplicate: " + PrintableText.oneLine(c));
            out.println("merged " + merge.size() + " CSV files into " + PrintableText.oneLine(output.toString()));
            return 0;
        }
        if (suite == null) throw new UsageException("missing SUITE (a directory with a MANIFEST), or use --merge");
        if (output != null) throw new UsageException("-o is only for --merge (use --csv for results)");
        OutputFiles.checkWritableCreatingDirectories(csv, "--csv");
        checkSolverIds();
        long physicalMb = physicalMemoryMb();
        if (memoryMb < MIN_MEMORY_MB || (physicalMb > 0 && memoryMb > physicalMb)) {
            throw new UsageException("--memory: " + memoryMb + " MB is outside " + MIN_MEMORY_MB + ".."
                    + (physicalMb > 0 ? physicalMb + " (this machine's memory)" : "") + " MB");
        }
        long timeoutMs = SolverOptions.parseTimeout(timeout).toMillis();
        Shard part;
        try {
            part = shard == null ? Shard.all() : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard: " + e.getMessage());
        }
        BenchConfig config;
        try {
            config = new BenchConfig(suite, solvers, new ChildRunner.Limits(timeoutMs, memoryMb), jobs,
                    part, csv, !noPlot, families);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        BenchRunner.Summary s;
        try {
            s = new BenchRunner(config, new ChildRunner(config.limits())::run, out, err).run();
        } catch (BenchRunner.Interrupted e) {
            err.println("ermbit bench: interrupted after " + e.done() + " of " + e.todo() + " runs; "
                    + (e.done() == 0 ? "none had finished" : "they are in " + PrintableText.oneLine(csv.toString())) + ", the same command resumes");
            return Main.EXIT_INTERRUPTED;
        }
        return s.wrong() > 0 ? BenchRunner.EXIT_WRONG : 0;
    }

    private void checkSolverIds() {
        java.util.Set<String> known = new java.util.LinkedHashSet<>(SolverRegistry.load().ids());
        known.add(Routes.PORTFOLIO);
        known.add(ChildRunner.DEFAULT_CONFIGURATION);
        known.addAll(Baselines.ids());
        known.addAll(ModelCounters.ids());
        for (String id : solvers) {
            if (!known.contains(id)) throw new UsageException("--solvers: unknown solver '" + id + "' (known: " + String.join(", ", known) + ")");
        }
    }
}
