package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ermbit.bench.generate.DomainTags;
import org.ermbit.bench.generate.Labeler;
import org.ermbit.bench.generate.ParityGenerator;
import org.ermbit.bench.generate.SuiteWriter;
import org.ermbit.bench.generate.ThreeSatGenerator;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The harness with a scripted task runner: resume, wrong-answer detection, shards, PAR-2. No wall-clock assertions. */
class HarnessTest {

    private static final ChildRunner.Limits LIMITS = new ChildRunner.Limits(10_000, 256);

    /** A suite of three instances: parity k2 h2 (sat, planted), parity k2 h1 (unsat, brute force), a 3sat one. */
    static Path suite(Path dir) {
        SuiteWriter w = new SuiteWriter(dir, new Labeler(Labeler.DEFAULT_CAP));
        w.write(ParityGenerator.generate(2, 2, DomainTags.integers(3)));
        w.write(ParityGenerator.generate(2, 1, DomainTags.integers(3)));
        w.write(ThreeSatGenerator.generate(5, 3, 1));
        return dir;
    }

    /**
     * Found by FuzzOtherInputsTest: a MANIFEST saved with a UTF-8 byte-order mark had its first line
     * (the '#' header comment behind the mark) read as an entry: "expected 5 fields …, got 8".
     */
    @Test
    void aByteOrderMarkBeforeTheManifestIsIgnored(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        List<ManifestEntry> entries = Manifest.open(suite).entries();
        Path manifest = suite.resolve(Manifest.FILE_NAME);
        Files.writeString(manifest, "\uFEFF" + Files.readString(manifest));
        assertEquals(entries, Manifest.open(suite).entries());
        Files.writeString(manifest, "\uFEFF" + entries.get(0).line() + "\n");
        assertEquals(List.of(entries.get(0)), Manifest.open(suite).entries(), "also when the first line is an entry");
    }

    /** Answers every task correctly (per its MANIFEST line) in 1 s of pretend time, counting calls. */
    static final class Scripted implements TaskRunner {
        final AtomicInteger calls = new AtomicInteger();
        final Map<String, ChildRunner.Outcome> overrides = new HashMap<>();

        @Override
        public ChildRunner.Outcome run(Task t, Path file) {
            calls.incrementAndGet();
            assertTrue(Files.isRegularFile(file));
            ChildRunner.Outcome o = overrides.get(t.key());
            if (o != null) return o;
            return switch (t.entry().expected().kind()) {
                case SAT -> new ChildRunner.Outcome(RunStatus.SAT, Optional.of(Rational.ZERO), 1000, 10, "");
                case UNSAT -> new ChildRunner.Outcome(RunStatus.UNSAT, Optional.empty(), 1000, 20, "");
                default -> new ChildRunner.Outcome(RunStatus.UNKNOWN, Optional.empty(), 1000, 0, "scripted");
            };
        }
    }

    static BenchRunner.Summary bench(Path suite, Path csv, Shard shard, TaskRunner runner) {
        BenchConfig c = new BenchConfig(suite, List.of("a", "b"), LIMITS, 1, shard, csv, false);
        return new BenchRunner(c, runner, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).run();
    }

    @Test
    void aKilledRunResumesWithoutRepeatingFinishedPairs(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        Scripted first = new Scripted();
        assertEquals(6, bench(suite, csv, Shard.all(), first).ran());
        assertEquals(6, first.calls.get());
        // simulate a kill while the last row was being written: cut the file in the middle of its last line
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        int lastStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        Files.writeString(csv, text.substring(0, lastStart + 7), StandardCharsets.UTF_8);
        Scripted second = new Scripted();
        BenchRunner.Summary s = bench(suite, csv, Shard.all(), second);
        assertEquals(1, second.calls.get(), "only the pair whose row was cut off runs again");
        assertEquals(5, s.skipped());
        assertEquals(6, ResultCsv.open(csv).rows().size());
        assertEquals(text, Files.readString(csv, StandardCharsets.UTF_8), "the repaired file equals the uninterrupted one");
        Scripted third = new Scripted();
        bench(suite, csv, Shard.all(), third);
        assertEquals(0, third.calls.get());
    }

    /**
     * Ctrl-C on a terminal reaches the child JVMs as well: a child stopped by a signal has no result.
     * The harness stops (one worker: after 3 rows), records no row for the stopped run, and the same
     * command later runs exactly the 3 runs left.
     */
    @Test
    void aChildStoppedByASignalStopsTheHarnessAndLeavesNoRow(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        Scripted answers = new Scripted();
        TaskRunner signalled = (t, f) -> {
            if (answers.calls.get() == 3) throw new java.util.concurrent.CancellationException("the child JVM was stopped by a signal (exit 130)");
            return answers.run(t, f);
        };
        BenchRunner.Interrupted e = org.junit.jupiter.api.Assertions.assertThrows(BenchRunner.Interrupted.class,
                () -> bench(suite, csv, Shard.all(), signalled));
        assertEquals(3, e.done());
        assertEquals(6, e.todo());
        assertEquals(3, ResultCsv.open(csv).rows().size(), "the three finished runs, nothing for the stopped one");
        Scripted resumed = new Scripted();
        assertEquals(3, bench(suite, csv, Shard.all(), resumed).ran());
        assertEquals(3, resumed.calls.get());
    }

    @Test
    void familiesRestrictTheRunsAndTheTables(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        Scripted runner = new Scripted();
        BenchConfig c = new BenchConfig(suite, List.of("a", "b"), LIMITS, 1, Shard.all(), csv, false, List.of("3sat"));
        BenchRunner.Summary s = new BenchRunner(c, runner, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).run();
        assertEquals(2, runner.calls.get(), "one 3sat instance x two solvers");
        assertTrue(s.rows().stream().allMatch(r -> r.family().equals("3sat")));
        BenchConfig none = new BenchConfig(suite, List.of("a"), LIMITS, 1, Shard.all(), csv, false, List.of("nosuchfamily"));
        BenchRunner empty = new BenchRunner(none, runner, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        org.junit.jupiter.api.Assertions.assertThrows(org.ermbit.core.format.InputException.class, empty::run);
    }

    @Test
    void aContradictionOfTheManifestIsFlaggedAndCounted(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Scripted liar = new Scripted();
        // solver b claims SAT on the unsat parity instance, solver a claims UNSAT on the sat one
        liar.overrides.put(Task.key("b", "parity/parity-k2-h1-b3.json"), new ChildRunner.Outcome(RunStatus.SAT, Optional.of(Rational.ZERO), 500, 10, ""));
        liar.overrides.put(Task.key("a", "parity/parity-k2-h2-b3.json"), new ChildRunner.Outcome(RunStatus.UNSAT, Optional.empty(), 500, 20, ""));
        Path csv = dir.resolve("r.csv");
        BenchRunner.Summary s = bench(suite, csv, Shard.all(), liar);
        assertEquals(2, s.wrong());
        List<String> wrongLines = Files.readAllLines(csv).stream().filter(l -> l.contains(",WRONG,")).toList();
        assertEquals(2, wrongLines.size());
        Score a = s.scores().get(0);
        assertEquals("a", a.solver());
        assertEquals(1, a.wrong());
        assertEquals(2, a.solved(), "a: 3sat and parity-h1 solved, the wrong answer on parity-h2 is not");
        assertEquals(2 * 1000 + 2 * 10_000, a.par2Ms(), "a: 1 s + 1 s + twice the 10 s limit for the wrong answer");
        assertTrue(MarkdownReport.render(s.rows(), List.of("a", "b"), "t").contains("**WRONG"));
    }

    @Test
    void theDefaultConfigurationRunsPlainSolveAndANamedSolverRunsAlone(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        List<Task> tasks = BenchRunner.tasks(Manifest.open(suite), List.of(ChildRunner.DEFAULT_CONFIGURATION, "ext-cadical"));
        ChildRunner runner = new ChildRunner(LIMITS, List.of("java", "Main"));
        Path file = dir.resolve("x.json");
        List<String> plain = runner.command(tasks.stream().filter(t -> t.solver().equals("default")).findFirst().orElseThrow(), file);
        List<String> alone = runner.command(tasks.stream().filter(t -> t.solver().equals("ext-cadical")).findFirst().orElseThrow(), file);
        assertTrue(!plain.contains("--solver") && !plain.contains("--no-local-search"), plain.toString());
        int i = alone.indexOf("--solver");
        assertEquals(List.of("--solver", "ext-cadical", "--no-local-search"), alone.subList(i, i + 3), alone.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void shardsPartitionTheRunsAndMergeBackToTheWhole(int n, @TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        List<Task> all = BenchRunner.tasks(Manifest.open(suite), List.of("a", "b"));
        Map<String, Integer> seen = new HashMap<>();
        List<Path> csvs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            for (Task t : new Shard(i, n).select(all)) seen.merge(t.key(), 1, Integer::sum);
            Path csv = dir.resolve("shard" + i + ".csv");
            bench(suite, csv, new Shard(i, n), new Scripted());
            if (Files.exists(csv)) csvs.add(csv);
        }
        assertEquals(all.size(), seen.size());
        assertTrue(seen.values().stream().allMatch(c -> c == 1), "every run in exactly one shard: " + seen);
        Path merged = dir.resolve("all.csv");
        assertTrue(ResultCsv.merge(csvs, merged).isEmpty());
        assertEquals(6, ResultCsv.open(merged).rows().size());
        Scripted none = new Scripted();
        bench(suite, merged, Shard.all(), none);
        assertEquals(0, none.calls.get(), "the merged CSV holds every run");
    }

    @Test
    void par2ByHand() {
        ExpectedAnswer sat = ExpectedAnswer.sat();
        List<RunResult> rows = List.of(
                // solver a: solved in 1.5 s; timed out; wrong answer (counts as unsolved)
                row("a", "i1", RunStatus.SAT, 1500, false), row("a", "i2", RunStatus.TIMEOUT, 15_000, false), row("a", "i3", RunStatus.UNSAT, 800, true),
                // solver b: solved in 2 s; UNKNOWN after 3 s; SAT but after the 10 s limit
                row("b", "i1", RunStatus.SAT, 2000, false), row("b", "i2", RunStatus.UNKNOWN, 3000, false), row("b", "i3", RunStatus.SAT, 10_200, false));
        List<Score> scores = Score.of(rows, List.of("a", "b"));
        // a: 1.5 + 2*10 + 2*10 = 41.5 s; b: 2 + 2*10 + 2*10 = 42 s
        assertEquals(new Score("a", 3, 1, 1, 0, 41_500), scores.get(0));
        assertEquals(new Score("b", 3, 1, 0, 0, 42_000), scores.get(1));
        assertEquals("13.833", scores.get(0).meanPar2Seconds().toPlainString());
        assertEquals(sat, rows.get(0).expected());
    }

    private static RunResult row(String solver, String inst, RunStatus st, long ms, boolean wrong) {
        return new RunResult(solver, inst, "f", Mode.SOLVE, ExpectedAnswer.sat(), st, Optional.empty(), ms, 0, wrong, 10_000, 256, "");
    }

    @Test
    void answerCheckRules() {
        assertTrue(AnswerCheck.contradiction(ExpectedAnswer.sat(), RunStatus.UNSAT, Optional.empty()).isPresent());
        assertTrue(AnswerCheck.contradiction(ExpectedAnswer.unsat(), RunStatus.SAT, Optional.of(Rational.ZERO)).isPresent());
        assertFalse(AnswerCheck.contradiction(ExpectedAnswer.sat(), RunStatus.TIMEOUT, Optional.empty()).isPresent());
        ExpectedAnswer opt = ExpectedAnswer.optimum(Rational.of(3, 2));
        assertTrue(AnswerCheck.contradiction(opt, RunStatus.OPTIMUM, Optional.of(Rational.TWO)).isPresent());
        assertFalse(AnswerCheck.contradiction(opt, RunStatus.OPTIMUM, Optional.of(Rational.of(3, 2))).isPresent());
        assertFalse(AnswerCheck.contradiction(opt, RunStatus.FEASIBLE, Optional.of(Rational.TWO)).isPresent());
        assertTrue(AnswerCheck.contradiction(opt, RunStatus.FEASIBLE, Optional.of(Rational.ONE)).isPresent(), "a loss below the optimum refutes the MANIFEST");
        assertFalse(AnswerCheck.contradiction(ExpectedAnswer.unknown(), RunStatus.SAT, Optional.empty()).isPresent());
    }

    @Test
    void childOutcomeClassification() {
        assertEquals(RunStatus.MEMOUT, ChildRunner.classify(Mode.SOLVE, 3, "", "Terminating due to java.lang.OutOfMemoryError: Java heap space", 5).status());
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.SOLVE, 134, "", "# A fatal error has been detected by the Java Runtime", 5).status());
        assertEquals(RunStatus.UNAVAILABLE, ChildRunner.classify(Mode.SOLVE, 2, "", "ermbit: solver 'ext-cbc' is not available here: cbc not found", 5).status());
        ChildRunner.Outcome f = ChildRunner.classify(Mode.OPTIMIZE, 10, "{\"status\":\"SATISFIABLE\",\"loss\":\"7/2\"}\n", "", 5);
        assertEquals(RunStatus.FEASIBLE, f.status());
        assertEquals(Rational.of(7, 2), f.loss().orElseThrow());
        assertEquals(RunStatus.OPTIMUM, ChildRunner.classify(Mode.OPTIMIZE, 30, "{\"status\":\"OPTIMUM FOUND\",\"loss\":\"2\"}", "", 5).status());
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.SOLVE, 20, "{\"status\":\"SATISFIABLE\"}", "", 5).status(), "exit code and status disagree");
    }

    @Test
    void countExpectationsParseAndPrint() {
        ExpectedAnswer big = ExpectedAnswer.parse("count=1833399373286175689218");
        assertEquals(ExpectedAnswer.Kind.COUNT, big.kind());
        assertEquals(Rational.of(new java.math.BigInteger("1833399373286175689218")), big.value().orElseThrow());
        assertEquals("count=1833399373286175689218", big.toString());
        assertEquals("count=0", ExpectedAnswer.parse("count=0").toString());
        for (String bad : List.of("count=", "count=-1", "count=1/2", "count=x", "count=1e3")) {
            assertThrows(IllegalArgumentException.class, () -> ExpectedAnswer.parse(bad), bad);
        }
        assertEquals(Mode.COUNT, Mode.parse("count"));
    }

    @Test
    void aCountIsCheckedAgainstTheManifest() {
        ExpectedAnswer eighteen = ExpectedAnswer.parse("count=18");
        assertFalse(AnswerCheck.contradiction(eighteen, RunStatus.SAT, Optional.of(Rational.of(18))).isPresent());
        assertTrue(AnswerCheck.contradiction(eighteen, RunStatus.SAT, Optional.of(Rational.of(17))).isPresent());
        assertTrue(AnswerCheck.contradiction(eighteen, RunStatus.UNSAT, Optional.of(Rational.ZERO)).isPresent());
        assertFalse(AnswerCheck.contradiction(eighteen, RunStatus.UNKNOWN, Optional.empty()).isPresent());
        assertFalse(AnswerCheck.contradiction(ExpectedAnswer.parse("count=0"), RunStatus.UNSAT, Optional.of(Rational.ZERO)).isPresent());
        // a correct count within the limit is solved, whatever its sign
        RunResult counted = new RunResult("component", "a.cnf", "counting", Mode.COUNT, eighteen, RunStatus.SAT, Optional.of(Rational.of(18)),
                900, 0, false, 10_000, 256, "");
        assertTrue(counted.solved());
        assertEquals(900, counted.par2Ms());
    }

    @Test
    void countChildOutputClassification() {
        String sat = "c ermbit count a.cnf\nc counter component\ns SATISFIABLE\nc s type mc\nc s exact arb int 86432\n";
        ChildRunner.Outcome o = ChildRunner.classify(Mode.COUNT, 0, sat, "", 7);
        assertEquals(RunStatus.SAT, o.status());
        assertEquals(Rational.of(86432), o.loss().orElseThrow());
        ChildRunner.Outcome zero = ChildRunner.classify(Mode.COUNT, 0, "s UNSATISFIABLE\nc s type mc\nc s exact arb int 0\n", "", 7);
        assertEquals(RunStatus.UNSAT, zero.status());
        ChildRunner.Outcome timeout = ChildRunner.classify(Mode.COUNT, 0,
                "c timeout before the count was known\ns UNKNOWN\nc s type mc\n", "", 7);
        assertEquals(RunStatus.UNKNOWN, timeout.status());
        assertEquals("timeout", timeout.reason());
        // inconsistent or missing lines are errors, never answers
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.COUNT, 0, "s SATISFIABLE\nc s exact arb int 0\n", "", 7).status());
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.COUNT, 0, "s SATISFIABLE\n", "", 7).status());
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.COUNT, 2, "", "ermbit: a.cnf: line 3: bad literal", 7).status());
        assertEquals(RunStatus.MEMOUT, ChildRunner.classify(Mode.COUNT, 3, "", "Terminating due to java.lang.OutOfMemoryError: Java heap space", 7).status());
    }

    @Test
    void countTasksRunCountersAndDecisionsRunSolvers(@TempDir Path dir) {
        ManifestEntry count = new ManifestEntry("c/a.cnf", "counting", Mode.COUNT, ExpectedAnswer.parse("count=3"), "src");
        ManifestEntry solve = new ManifestEntry("p/b.json", "planted", Mode.SOLVE, ExpectedAnswer.sat(), "planted");
        ChildRunner runner = new ChildRunner(new ChildRunner.Limits(2_500, 256), List.of("java", "-cp", "X", "org.ermbit.cli.Main"));
        Path file = dir.resolve("a.cnf");
        assertEquals(List.of("java", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", "X", "org.ermbit.cli.Main",
                "count", file.toString(), "--timeout", "2.5"), runner.command(new Task("default", count), file));
        assertEquals(List.of("java", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", "X", "org.ermbit.cli.Main",
                "count", file.toString(), "--counter", "logicng", "--timeout", "2.5"), runner.command(new Task("logicng", count), file));
        // mismatched pairs are not run at all
        ChildRunner.Outcome solverOnCount = runner.run(new Task("sat4j", count), file);
        assertEquals(RunStatus.UNAVAILABLE, solverOnCount.status());
        assertTrue(solverOnCount.reason().contains("not a model counter"), solverOnCount.reason());
        ChildRunner.Outcome counterOnSolve = runner.run(new Task("component", solve), file);
        assertEquals(RunStatus.UNAVAILABLE, counterOnSolve.status());
        assertTrue(counterOnSolve.reason().contains("is a model counter"), counterOnSolve.reason());
    }

    @Test
    void csvQuotingRoundTrips(@TempDir Path dir) {
        Path csv = dir.resolve("q.csv");
        RunResult r = new RunResult("s", "x/y.json", "f", Mode.OPTIMIZE, ExpectedAnswer.optimum(Rational.of(-3, 4)), RunStatus.FEASIBLE,
                Optional.of(Rational.of(5, 4)), 12, 10, false, 1000, 64, "reason, with \"quotes\"\nand a newline");
        try (ResultCsv out = ResultCsv.open(csv)) {
            out.append(r);
        }
        assertEquals(List.of(r), ResultCsv.open(csv).rows());
    }
}
