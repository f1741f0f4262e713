package org.ermbit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import org.ermbit.solvers.count.ModelCounters;
import org.ermbit.solvers.external.ProcessRunner;

/**
 * Runs one task in a child JVM — the same {@code java} and class path as this process, running
 * {@code ermbit solve|optimize FILE [--solver ID --no-local-search] --timeout S --json}, or for a
 * count task {@code ermbit count FILE [--counter ID] --timeout S}, with {@code -Xmx} set to the
 * memory limit — so a crash, a native abort or an out-of-memory error ends the child, not the
 * harness. The child is killed (with its descendants) when it outlives the limit by the grace
 * period. Exit codes 10/20/30/0 and the JSON line (for a count: exit 0 and the {@code s} and
 * {@code c s exact arb int} lines) decide the status; anything else is an error. Model counters
 * are only paired with count tasks and solvers only with the others; a mismatched pair is
 * {@code UNAVAILABLE} without starting a child.
 */
public final class ChildRunner {
    /**
     * The bench's name for ermbit's default configuration — {@code ermbit solve FILE} with no solver
     * option: Sat4j with the local search for witnesses next to it. Every other id runs that solver
     * alone ({@code --solver ID --no-local-search}).
     */
    public static final String DEFAULT_CONFIGURATION = "default";

    /** The line of {@code ermbit count} output that carries the count. */
    private static final String COUNT_LINE = "c s exact arb int ";

    /** Exit code of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int EXIT_OOM = 3;
    /** Exit statuses of a JVM ended by SIGINT / SIGTERM (ermbit's graceful stop, or the default handler): no result. */
    static final int EXIT_SIGINT = 130;
    static final int EXIT_SIGTERM = 143;

    private final Limits limits;
    private final List<String> javaPrefix;

    /** Per-run limits of the harness. */
    public record Limits(long timeoutMs, int memoryMb) {
        public Limits {
            if (timeoutMs < 1) throw new IllegalArgumentException("timeout must be positive");
            if (memoryMb < 64) throw new IllegalArgumentException("memory limit must be at least 64 MB");
        }

        /** Extra wall time before the harness kills a child: 10% of the limit, at least 5 s (JVM start-up, clean shutdown). */
        public long graceMs() {
            return Math.max(5_000, timeoutMs / 10);
        }
    }

    public ChildRunner(Limits limits) {
        this(limits, defaultJava());
    }

    /** {@code javaPrefix}: the command that starts the CLI's main class, before the subcommand arguments. */
    ChildRunner(Limits limits, List<String> javaPrefix) {
        this.limits = limits;
        this.javaPrefix = List.copyOf(javaPrefix);
    }

    /**
     * This JVM's {@code java} with this process's class path, running {@code org.ermbit.cli.Main}, and
     * this JVM's ermbit settings ({@link #ermbitSettings}) so that a child solves as the parent would.
     */
    static List<String> defaultJava() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                "-XX:+UseSerialGC"));
        cmd.addAll(ermbitSettings(System.getProperties()));
        cmd.add("org.ermbit.cli.Main");
        return cmd;
    }

    /** {@code -Dermbit.NAME=VALUE} for every property named {@code ermbit.…} (backend settings such as {@code ermbit.sat4j.config}), by name. */
    static List<String> ermbitSettings(java.util.Properties properties) {
        return properties.stringPropertyNames().stream().filter(n -> n.startsWith("ermbit.")).sorted()
                .map(n -> "-D" + n + "=" + properties.getProperty(n)).toList();
    }

    /** Why the task's solver cannot run its mode (a counter on a decision, a solver on a count), or empty. */
    static Optional<String> mismatch(Task t) {
        boolean counter = ModelCounters.ids().contains(t.solver());
        if (t.entry().mode() == Mode.COUNT && !counter && !t.solver().equals(DEFAULT_CONFIGURATION)) {
            return Optional.of("'" + t.solver() + "' is not a model counter (count tasks take " + String.join(", ", ModelCounters.ids()) + " or default)");
        }
        if (t.entry().mode() != Mode.COUNT && counter) {
            return Optional.of("'" + t.solver() + "' is a model counter; it runs only count tasks");
        }
        return Optional.empty();
    }

    /** The full command line of a task (for logs and tests). */
    public List<String> command(Task t, Path instanceFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaPrefix.get(0));
        cmd.add("-Xmx" + limits.memoryMb() + "m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(javaPrefix.subList(1, javaPrefix.size()));
        cmd.add(t.entry().mode().word());
        cmd.add(instanceFile.toString());
        if (t.entry().mode() == Mode.COUNT) {
            if (!t.solver().equals(DEFAULT_CONFIGURATION)) {
                cmd.add("--counter");
                cmd.add(t.solver());
            }
            cmd.add("--timeout");
            cmd.add(seconds(limits.timeoutMs()));
            return cmd;
        }
        if (!t.solver().equals(DEFAULT_CONFIGURATION)) {
            // a named solver runs alone, without the default configuration's local search
            cmd.add("--solver");
            cmd.add(t.solver());
            cmd.add("--no-local-search");
        }
        cmd.add("--timeout");
        cmd.add(seconds(limits.timeoutMs()));
        cmd.add("--json");
        return cmd;
    }

    private static String seconds(long ms) {
        return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
    }

    /** Runs the task and classifies the outcome; the caller checks it against the MANIFEST. */
    public Outcome run(Task t, Path instanceFile) {
        Optional<String> mismatch = mismatch(t);
        if (mismatch.isPresent()) return new Outcome(RunStatus.UNAVAILABLE, Optional.empty(), 0, -1, mismatch.get());
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("ermbit-bench-", ".out");
            err = Files.createTempFile("ermbit-bench-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command(t, instanceFile)).redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            p = pb.start();
            boolean finished = p.waitFor(limits.timeoutMs() + limits.graceMs(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessRunner.kill(p);
                p.waitFor();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!finished) {
                return new Outcome(RunStatus.TIMEOUT, Optional.empty(), ms, -1, "killed after " + ms + " ms (limit " + limits.timeoutMs() + " ms + grace)");
            }
            if (p.exitValue() == EXIT_SIGINT || p.exitValue() == EXIT_SIGTERM) {
                // Ctrl-C on a terminal reaches the children too: a run stopped by a signal has no result to record
                throw new CancellationException("the child JVM was stopped by a signal (exit " + p.exitValue() + ")");
            }
            return classify(t.entry().mode(), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), ms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a child JVM", e);
        } catch (InterruptedException e) {
            // the harness is stopping (SIGINT / SIGTERM): the child must not outlive it
            if (p != null) ProcessRunner.kill(p);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a child JVM");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** What a child run produced. */
    public record Outcome(RunStatus status, Optional<Rational> loss, long timeMs, int exitCode, String reason) {
    }

    /** Maps exit code and output to a status (package-private for tests). */
    static Outcome classify(Mode mode, int exit, String stdout, String stderr, long ms) {
        String errLine = lastLine(stderr);
        if (exit == EXIT_OOM || stderr.contains("java.lang.OutOfMemoryError") || stderr.contains("Terminating due to java.lang.OutOfMemoryError")) {
            return new Outcome(RunStatus.MEMOUT, Optional.empty(), ms, exit,
                    "out of memory" + (errLine.isEmpty() ? " (exit " + exit + ", nothing on stderr)" : ": " + errLine));
        }
        if (exit == 2 && stderr.contains("is not available here")) return new Outcome(RunStatus.UNAVAILABLE, Optional.empty(), ms, exit, errLine);
        if (exit != 0 && exit != 10 && exit != 20 && exit != 30) {
            return new Outcome(RunStatus.ERROR, Optional.empty(), ms, exit, "exit " + exit + (errLine.isEmpty() ? "" : ": " + errLine));
        }
        if (mode == Mode.COUNT) return classifyCount(exit, stdout, ms);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(lastLine(stdout));
        } catch (IOException e) {
            return new Outcome(RunStatus.ERROR, Optional.empty(), ms, exit, "exit " + exit + " without a JSON result line");
        }
        if (json == null || !json.has("status")) return new Outcome(RunStatus.ERROR, Optional.empty(), ms, exit, "exit " + exit + " without a JSON result line");
        String status = json.get("status").asText();
        Optional<Rational> loss = json.has("loss") ? Optional.of(RationalParser.parse(json.get("loss").asText())) : Optional.empty();
        String reason = json.has("reason") ? json.get("reason").asText() : "";
        RunStatus s = switch (status) {
            case "SATISFIABLE" -> exit == 10 ? (mode == Mode.SOLVE ? RunStatus.SAT : RunStatus.FEASIBLE) : RunStatus.ERROR;
            case "UNSATISFIABLE" -> exit == 20 ? RunStatus.UNSAT : RunStatus.ERROR;
            case "OPTIMUM FOUND" -> exit == 30 ? RunStatus.OPTIMUM : RunStatus.ERROR;
            case "UNKNOWN" -> exit == 0 ? RunStatus.UNKNOWN : RunStatus.ERROR;
            default -> RunStatus.ERROR;
        };
        if (s == RunStatus.ERROR) reason = "status '" + status + "' with exit " + exit;
        return new Outcome(s, loss, ms, exit, reason);
    }

    /**
     * A count run: exit 0 with {@code s SATISFIABLE} and a positive {@code c s exact arb int N}
     * (status SAT, the count as value), {@code s UNSATISFIABLE} with count 0 (UNSAT), or
     * {@code s UNKNOWN} (UNKNOWN); anything else is an error.
     */
    private static Outcome classifyCount(int exit, String stdout, long ms) {
        String status = null;
        Optional<Rational> count = Optional.empty();
        String reason = "";
        for (String line : stdout.split("\r?\n")) {
            if (line.startsWith("s ")) status = line.substring(2).strip();
            String digits = line.startsWith(COUNT_LINE) ? line.substring(COUNT_LINE.length()).strip() : "";
            if (digits.matches("[0-9]+")) count = Optional.of(Rational.of(new java.math.BigInteger(digits)));
            if (line.startsWith("c timeout")) reason = "timeout";
        }
        if (exit == 0 && "SATISFIABLE".equals(status) && count.isPresent() && count.get().signum() > 0) {
            return new Outcome(RunStatus.SAT, count, ms, exit, "");
        }
        if (exit == 0 && "UNSATISFIABLE".equals(status) && count.isPresent() && count.get().signum() == 0) {
            return new Outcome(RunStatus.UNSAT, count, ms, exit, "");
        }
        if (exit == 0 && "UNKNOWN".equals(status) && count.isEmpty()) return new Outcome(RunStatus.UNKNOWN, count, ms, exit, reason);
        return new Outcome(RunStatus.ERROR, Optional.empty(), ms, exit,
                "count output with status '" + status + "', count " + count.map(Rational::toString).orElse("none") + " and exit " + exit);
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\r?\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
