package org.ermbit.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.ermbit.cli.StandardError;
import org.ermbit.core.format.AtomicFiles;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.PrintableText;

/**
 * Runs a benchmark: every (instance, solver) pair of the MANIFEST in canonical order, restricted to
 * the shard, minus the pairs the CSV already holds (resume). Each finished run is checked against
 * the MANIFEST, appended to the CSV at once, and printed as one row on stdout; a wrong answer is
 * announced on stderr immediately. At the end the tables (stdout and {@code .md}) and the cactus
 * plot are produced from all rows of the CSV that belong to this suite and solver list.
 */
public final class BenchRunner {

    /** Exit code when the CSV holds at least one wrong answer. */
    public static final int EXIT_WRONG = 4;

    /** What a run of the harness did. */
    public record Summary(int ran, int skipped, int wrong, List<Score> scores, List<RunResult> rows) {
    }

    private final BenchConfig config;
    private final TaskRunner runner;
    private final PrintWriter out;
    private final PrintWriter err;

    public BenchRunner(BenchConfig config, TaskRunner runner, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    /** All tasks of the suite in canonical order: instances by path, then solvers as given. */
    public static List<Task> tasks(Manifest manifest, List<String> solvers) {
        List<Task> tasks = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) for (String s : solvers) tasks.add(new Task(s, e));
        return tasks;
    }

    public Summary run() {
        Path suite = config.manifest();
        if (!Files.exists(suite)) throw new InputException(suite.toString(), "", "no such file or directory");
        if (Files.isDirectory(suite) && !Files.exists(suite.resolve(Manifest.FILE_NAME))) {
            throw new InputException(suite.toString(), "", "no " + Manifest.FILE_NAME + " in this directory (a suite is a directory with a MANIFEST, see ermbit generate)");
        }
        Manifest manifest = Manifest.open(suite);
        if (manifest.entries().isEmpty()) throw new InputException(manifest.file().toString(), "", "no instances (is this a suite directory or MANIFEST?)");
        for (ManifestEntry e : manifest.entries()) {
            if (!Files.isRegularFile(manifest.baseDir().resolve(e.path()))) {
                throw new InputException(manifest.file().toString(), e.path(), "instance file not found");
            }
        }
        List<Task> all = tasks(manifest, config.solvers()).stream().filter(t -> config.includes(t.entry().family())).toList();
        if (all.isEmpty()) throw new InputException(manifest.file().toString(), "", "no instances of the families " + config.families());
        List<Task> mine = config.shard().select(all);
        int ran = 0;
        try (ResultCsv csv = ResultCsv.read(config.csv())) {
            checkRowsMatch(csv, all);
            // repaired only once the CSV is accepted: a refused CSV is left as it was, and its error stays the only line
            if (!csv.repair().isEmpty()) err.println("ermbit bench: " + PrintableText.oneLine(config.csv() + ": " + csv.repaired()));
            csv.openForAppend(); // a CSV that cannot be created is refused before any run starts
            List<Task> todo = mine.stream().filter(t -> !csv.done(t)).toList();
            err.println("ermbit bench: " + todo.size() + " runs to do (" + (mine.size() - todo.size()) + " already in " + PrintableText.oneLine(config.csv().toString())
                    + ", shard " + config.shard() + " of " + all.size() + " runs)");
            err.flush();
            ran = execute(todo, manifest, csv);
            List<RunResult> rows = relevant(csv.rows(), all);
            int wrong = (int) rows.stream().filter(RunResult::wrong).count();
            report(rows);
            return new Summary(ran, mine.size() - todo.size(), wrong, Score.of(rows, config.solvers()), rows);
        }
    }

    /**
     * Refuses to mix runs in one CSV: a row for one of our tasks (of any shard: all of them are
     * reported) must have our limits, must have been judged against the answer the MANIFEST states
     * now, and its {@code wrong} cell must be what that judgement gives for its answer (a row whose
     * answer contradicts the MANIFEST is never taken as correct because the cell says so).
     */
    private void checkRowsMatch(ResultCsv csv, List<Task> tasks) {
        Map<String, Task> byKey = new HashMap<>();
        for (Task t : tasks) byKey.put(t.key(), t);
        for (RunResult r : csv.rows()) {
            Task t = byKey.get(r.key());
            if (t == null) continue;
            if (!r.expected().equals(t.entry().expected()) || r.mode() != t.entry().mode()) {
                throw new InputException(config.csv().toString(), r.solver() + " on " + r.instance(), "was judged against the MANIFEST's "
                        + r.mode().word() + " " + r.expected() + ", the MANIFEST now says " + t.entry().mode().word() + " " + t.entry().expected()
                        + ": use another CSV");
            }
            boolean wrong = AnswerCheck.contradiction(r.expected(), r.status(), r.loss()).isPresent();
            if (wrong != r.wrong()) {
                throw new InputException(config.csv().toString(), r.solver() + " on " + r.instance(), "answered " + r.status()
                        + r.loss().map(l -> " (loss " + l + ")").orElse("") + ", which " + (wrong ? "contradicts" : "agrees with") + " the MANIFEST's "
                        + r.expected() + ", but its wrong cell says " + r.wrong() + ": the CSV was edited; use another CSV");
            }
            if (r.timeoutMs() != config.limits().timeoutMs() || r.memoryMb() != config.limits().memoryMb()) {
                throw new InputException(config.csv().toString(), r.solver() + " on " + r.instance(), "was run with a " + Score.seconds(r.timeoutMs())
                        + " s / " + r.memoryMb() + " MB limit, not " + Score.seconds(config.limits().timeoutMs()) + " s / "
                        + config.limits().memoryMb() + " MB: use another CSV or the same limits");
            }
        }
    }

    private int execute(List<Task> todo, Manifest manifest, ResultCsv csv) {
        if (todo.isEmpty()) return 0;
        AtomicInteger done = new AtomicInteger();
        ProgressBar bar = !StandardError.isTerminal() ? null : new ProgressBarBuilder().setTaskName("bench").setInitialMax(todo.size())
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        ExecutorService pool = Executors.newFixedThreadPool(config.jobs());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task t : todo) {
                futures.add(pool.submit(() -> {
                    RunResult r = runOne(t, manifest.baseDir().resolve(t.entry().path()));
                    csv.append(r);
                    int k = done.incrementAndGet();
                    synchronized (this) {
                        out.println(row(r));
                        out.flush();
                        if (r.wrong()) {
                            err.println("ermbit bench: WRONG ANSWER: " + r.solver() + " on " + r.instance() + ": " + PrintableText.oneLine(r.reason()));
                        }
                        if (bar != null) {
                            bar.step();
                            bar.setExtraMessage(t.solver() + " " + t.entry().path());
                        } else {
                            err.println("ermbit bench: [" + k + "/" + todo.size() + "] " + r.solver() + " " + r.instance() + " " + r.status());
                        }
                        err.flush();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // a child stopped by a signal (Ctrl-C reaches the whole process group): stop like the harness itself
                    if (e.getCause() instanceof CancellationException) throw stop(pool, done.get(), todo.size());
                    throw new IllegalStateException("a benchmark run failed in the harness: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Interrupted stopped = stop(pool, done.get(), todo.size());
                    Thread.currentThread().interrupt();
                    throw stopped;
                }
            }
        } finally {
            pool.shutdownNow();
            if (bar != null) bar.close();
        }
        return done.get();
    }

    /**
     * SIGINT / SIGTERM: interrupts the workers, which kill their child JVMs, and waits for them; the
     * rows already appended stay in the CSV, the runs stopped midway get none (the same command redoes them).
     */
    private static Interrupted stop(ExecutorService pool, int done, int todo) {
        pool.shutdownNow();
        awaitWorkers(pool);
        return new Interrupted(done, todo);
    }

    /** Waits (uninterruptibly, at most 10 s) for interrupted workers to kill their child JVMs. */
    private static void awaitWorkers(ExecutorService pool) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!pool.isTerminated() && System.nanoTime() < until) {
            try {
                pool.awaitTermination(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException again) {
                // keep waiting: returning now could leave a child JVM running
            }
        }
    }

    /** The run was interrupted after {@code done} of {@code todo} runs; those are in the CSV. */
    public static final class Interrupted extends RuntimeException {
        private final int done;
        private final int todo;

        Interrupted(int done, int todo) {
            super("interrupted after " + done + " of " + todo + " runs");
            this.done = done;
            this.todo = todo;
        }

        /** Runs finished (and appended to the CSV) before the interrupt. */
        public int done() {
            return done;
        }

        /** Runs this invocation had to do. */
        public int todo() {
            return todo;
        }
    }

    /** Runs one task and checks it against the MANIFEST. */
    RunResult runOne(Task t, Path file) {
        ChildRunner.Outcome o = runner.run(t, file);
        ManifestEntry e = t.entry();
        Optional<String> contradiction = AnswerCheck.contradiction(e.expected(), o.status(), o.loss());
        String reason = contradiction.map(c -> "WRONG: " + c + (o.reason().isEmpty() ? "" : " (" + o.reason() + ")")).orElse(o.reason());
        return new RunResult(t.solver(), e.path(), e.family(), e.mode(), e.expected(), o.status(), o.loss(), o.timeMs(), o.exitCode(),
                contradiction.isPresent(), config.limits().timeoutMs(), config.limits().memoryMb(), reason);
    }

    private static List<RunResult> relevant(List<RunResult> rows, List<Task> all) {
        Set<String> keys = new HashSet<>();
        for (Task t : all) keys.add(t.key());
        return rows.stream().filter(r -> keys.contains(r.key())).toList();
    }

    static String row(RunResult r) {
        return (r.wrong() ? "WRONG " : "") + r.solver() + " " + r.instance() + " " + r.status()
                + r.loss().map(l -> (r.mode() == Mode.COUNT ? " count=" : " loss=") + l).orElse("") + " " + Score.seconds(r.timeMs()) + "s";
    }

    private void report(List<RunResult> rows) {
        String title = "ermbit bench: " + PrintableText.oneLine(config.manifest().toString()) + (config.shard().count() > 1 ? " (shard " + config.shard() + ")" : "");
        String md = MarkdownReport.render(rows, config.solvers(), title);
        out.println();
        out.print(md);
        out.flush();
        Path base = config.reportBase();
        String shown = PrintableText.oneLine(base.toString());
        try {
            AtomicFiles.write(Path.of(base + ".md"), md.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + base + ".md", e);
        }
        if (config.plot()) {
            if (CactusPlot.write(rows, config.solvers(), "ermbit bench: cactus plot", Path.of(base + "-cactus"))) {
                err.println("ermbit bench: wrote " + shown + ".md, " + shown + "-cactus.png, " + shown + "-cactus.svg");
            } else {
                err.println("ermbit bench: wrote " + shown + ".md (no solved run, no cactus plot)");
            }
        } else {
            err.println("ermbit bench: wrote " + shown + ".md");
        }
        long wrong = rows.stream().filter(RunResult::wrong).count();
        if (wrong > 0) {
            err.println("ermbit bench: *** " + wrong + " WRONG ANSWER" + (wrong > 1 ? "S" : "") + " (see the 'wrong' column of " + PrintableText.oneLine(config.csv().toString()) + ") ***");
        }
        err.flush();
    }
}
