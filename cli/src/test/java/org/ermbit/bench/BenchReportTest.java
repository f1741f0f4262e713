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
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InputException;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ermbit bench} writes (docs/CLI.md "ermbit bench"): one stdout row per finished run, the
 * Markdown tables on stdout and in FILE.md, the CSV rows, and the stderr lines (runs to do, one line
 * per run when stderr is not a terminal, WRONG ANSWER at once and again at the end). The suite is a
 * hand-written MANIFEST of three instances and the answers are scripted, so every number below is
 * computed by hand from the PAR-2 rule: solved runs count their time, all others twice the limit.
 */
class BenchReportTest {

    private static final ChildRunner.Limits LIMITS = new ChildRunner.Limits(10_000, 256);

    /** a.json sat, b.json unsat (family fam1), c.json optimum 3/2 (family fam2); the instance files are placeholders. */
    static Path suite(Path dir) throws Exception {
        Files.createDirectories(dir);
        for (String f : List.of("a.json", "b.json", "c.json")) Files.writeString(dir.resolve(f), "{}");
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "# hand-written\n"
                + "a.json fam1 solve sat planted\n"
                + "b.json fam1 solve unsat brute-force\n"
                + "c.json fam2 optimize optimum=3/2 brute-force\n");
        return dir;
    }

    /** x: SAT 1.5 s, a wrong SAT on b (0.5 s), OPTIMUM 3/2 in 2 s; y: TIMEOUT (15 s), UNSAT 0.25 s, FEASIBLE loss 1 (below 3/2: wrong) in 9 s. */
    static HarnessTest.Scripted answers() {
        HarnessTest.Scripted s = new HarnessTest.Scripted();
        s.overrides.put(Task.key("x", "a.json"), new ChildRunner.Outcome(RunStatus.SAT, Optional.of(Rational.ZERO), 1500, 10, ""));
        s.overrides.put(Task.key("x", "b.json"), new ChildRunner.Outcome(RunStatus.SAT, Optional.of(Rational.ZERO), 500, 10, "r1"));
        s.overrides.put(Task.key("x", "c.json"), new ChildRunner.Outcome(RunStatus.OPTIMUM, Optional.of(Rational.of(3, 2)), 2000, 30, ""));
        s.overrides.put(Task.key("y", "a.json"), new ChildRunner.Outcome(RunStatus.TIMEOUT, Optional.empty(), 15_000, -1, "killed"));
        s.overrides.put(Task.key("y", "b.json"), new ChildRunner.Outcome(RunStatus.UNSAT, Optional.empty(), 250, 20, ""));
        s.overrides.put(Task.key("y", "c.json"), new ChildRunner.Outcome(RunStatus.FEASIBLE, Optional.of(Rational.ONE), 9000, 10, ""));
        return s;
    }

    record Run(BenchRunner.Summary summary, String out, String err) {
    }

    static Run bench(BenchConfig c, TaskRunner runner) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BenchRunner.Summary s = new BenchRunner(c, runner, new PrintWriter(out, true), new PrintWriter(err, true)).run();
        return new Run(s, out.toString(), err.toString());
    }

    @Test
    void rowsTablesCsvAndMessagesOfARunWithTwoWrongAnswers(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("out").resolve("r.csv");
        BenchConfig c = new BenchConfig(suite, List.of("x", "y"), LIMITS, 1, Shard.all(), csv, false);
        Run run = bench(c, answers());
        Path base = dir.resolve("out").resolve("r");

        String md = "### ermbit bench: " + suite + "\n\n"
                + "Limits per run: 10.000 s wall clock (child JVM start to exit), 256 MB heap. PAR-2: solved runs count their time, all others twice the limit.\n\n"
                + "#### All families\n\n"
                + "| solver | solved | runs | wrong | errors | PAR-2 total (s) | PAR-2 mean (s) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n"
                // x: 1.5 + 2*10 (wrong) + 2 = 23.5 s over 3 runs = 7.8333 s; y: 2*10 (timeout) + 0.25 + 2*10 (wrong) = 40.25 s, / 3 = 13.4166 s
                + "| x | 2 | 3 | **1** | 0 | 23.500 | 7.833 |\n"
                + "| y | 1 | 3 | **1** | 0 | 40.250 | 13.417 |\n"
                + "\n"
                + "#### Family fam1 (2 instances)\n\n"
                + "| solver | solved | runs | wrong | errors | PAR-2 total (s) | PAR-2 mean (s) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n"
                + "| x | 1 | 2 | **1** | 0 | 21.500 | 10.750 |\n"
                + "| y | 1 | 2 | 0 | 0 | 20.250 | 10.125 |\n"
                + "\n"
                + "#### Family fam2 (1 instance)\n\n"
                + "| solver | solved | runs | wrong | errors | PAR-2 total (s) | PAR-2 mean (s) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n"
                + "| x | 1 | 1 | 0 | 0 | 2.000 | 2.000 |\n"
                + "| y | 0 | 1 | **1** | 0 | 20.000 | 20.000 |\n"
                + "\n"
                + "#### Per instance\n\n"
                + "| instance | expected | x | y |\n"
                + "|---|---|---|---|\n"
                + "| a.json | sat | SAT 1.500 | TIMEOUT 15.000 |\n"
                + "| b.json | unsat | **WRONG SAT 0.500** | UNSAT 0.250 |\n"
                + "| c.json | optimum=3/2 | OPTIMUM 3/2 2.000 | **WRONG FEASIBLE 1 9.000** |\n"
                + "\n"
                + "#### WRONG answers\n\n"
                + "* **WRONG**: x on b.json: SAT loss 0, MANIFEST says unsat\n"
                + "* **WRONG**: y on c.json: FEASIBLE loss 1, MANIFEST says optimum=3/2\n"
                + "\n";
        String rows = "x a.json SAT loss=0 1.500s\n"
                + "y a.json TIMEOUT 15.000s\n"
                + "WRONG x b.json SAT loss=0 0.500s\n"
                + "y b.json UNSAT 0.250s\n"
                + "x c.json OPTIMUM loss=3/2 2.000s\n"
                + "WRONG y c.json FEASIBLE loss=1 9.000s\n";
        assertEquals(rows + "\n" + md, run.out());
        assertEquals(md, Files.readString(Path.of(base + ".md"), StandardCharsets.UTF_8));
        assertEquals(List.of(
                "ermbit bench: 6 runs to do (0 already in " + csv + ", shard 1/1 of 6 runs)",
                "ermbit bench: [1/6] x a.json SAT",
                "ermbit bench: [2/6] y a.json TIMEOUT",
                "ermbit bench: WRONG ANSWER: x on b.json: WRONG: answered SAT, the MANIFEST says unsat (r1)",
                "ermbit bench: [3/6] x b.json SAT",
                "ermbit bench: [4/6] y b.json UNSAT",
                "ermbit bench: [5/6] x c.json OPTIMUM",
                "ermbit bench: WRONG ANSWER: y on c.json: WRONG: found loss 1, below the MANIFEST's optimum 3/2",
                "ermbit bench: [6/6] y c.json FEASIBLE",
                "ermbit bench: wrote " + base + ".md",
                "ermbit bench: *** 2 WRONG ANSWERS (see the 'wrong' column of " + csv + ") ***"), run.err().lines().toList());
        assertEquals(List.of(ResultCsv.HEADER,
                "x,a.json,fam1,solve,sat,SAT,0,1500,10,,10000,256,",
                "y,a.json,fam1,solve,sat,TIMEOUT,,15000,-1,,10000,256,killed",
                "x,b.json,fam1,solve,unsat,SAT,0,500,10,WRONG,10000,256,\"WRONG: answered SAT, the MANIFEST says unsat (r1)\"",
                "y,b.json,fam1,solve,unsat,UNSAT,,250,20,,10000,256,",
                "x,c.json,fam2,optimize,optimum=3/2,OPTIMUM,3/2,2000,30,,10000,256,",
                "y,c.json,fam2,optimize,optimum=3/2,FEASIBLE,1,9000,10,WRONG,10000,256,\"WRONG: found loss 1, below the MANIFEST's optimum 3/2\""),
                Files.readAllLines(csv, StandardCharsets.UTF_8));
        assertEquals(6, run.summary().ran());
        assertEquals(0, run.summary().skipped());
        assertEquals(2, run.summary().wrong());

        // the same CSV with solver x alone: nothing runs, and only x's rows are reported (one wrong answer, singular)
        Run again = bench(new BenchConfig(suite, List.of("x"), LIMITS, 1, Shard.all(), csv, false), new HarnessTest.Scripted());
        assertEquals(0, again.summary().ran());
        assertEquals(3, again.summary().skipped());
        assertEquals(1, again.summary().wrong(), "y's wrong answer is not part of a run of x alone");
        assertTrue(again.summary().rows().stream().allMatch(r -> r.solver().equals("x")));
        List<String> err = again.err().lines().toList();
        assertEquals("ermbit bench: 0 runs to do (3 already in " + csv + ", shard 1/1 of 3 runs)", err.get(0));
        assertEquals("ermbit bench: *** 1 WRONG ANSWER (see the 'wrong' column of " + csv + ") ***", err.get(err.size() - 1));
        assertTrue(again.out().startsWith("\n### ermbit bench: " + suite + "\n"), again.out());

        // family fam2 with solver x: one correct answer, no WRONG line at all
        Run clean = bench(new BenchConfig(suite, List.of("x"), LIMITS, 1, Shard.all(), csv, false, List.of("fam2")), new HarnessTest.Scripted());
        assertEquals(0, clean.summary().wrong());
        assertFalse(clean.err().contains("WRONG"), clean.err());
        assertFalse(clean.out().contains("WRONG"), clean.out());
    }

    @Test
    void aResumedRunReportsTheCutOffLineAndCountsWhatIsLeft(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        BenchConfig c = new BenchConfig(suite, List.of("x", "y"), LIMITS, 1, Shard.all(), csv, false);
        bench(c, answers());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        int lastStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        Files.writeString(csv, text.substring(0, lastStart + 7), StandardCharsets.UTF_8);
        HarnessTest.Scripted second = answers();
        Run run = bench(c, second);
        assertEquals(1, second.calls.get());
        List<String> err = run.err().lines().toList();
        assertEquals("ermbit bench: " + csv + ": dropped an incomplete last line (7 bytes) left by an interrupted run", err.get(0));
        assertEquals("ermbit bench: 1 runs to do (5 already in " + csv + ", shard 1/1 of 6 runs)", err.get(1));
        assertEquals("ermbit bench: [1/1] y c.json FEASIBLE", err.get(3));
        assertEquals(text, Files.readString(csv, StandardCharsets.UTF_8));
    }

    @Test
    void aShardSaysSoInItsTitleAndRunsEveryNthTask(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        HarnessTest.Scripted runner = answers();
        // canonical order: a/x a/y b/x b/y c/x c/y; shard 2/2 takes positions 1, 3, 5: solver y's runs
        Run run = bench(new BenchConfig(suite, List.of("x", "y"), LIMITS, 1, new Shard(2, 2), csv, false), runner);
        assertEquals(3, runner.calls.get());
        assertTrue(run.summary().rows().stream().allMatch(r -> r.solver().equals("y")));
        assertTrue(run.out().contains("\n### ermbit bench: " + suite + " (shard 2/2)\n"), run.out());
        assertEquals("ermbit bench: 3 runs to do (0 already in " + csv + ", shard 2/2 of 6 runs)", run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void theCactusPlotIsWrittenWhenARunWasSolvedAndSaidWhenNot(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        Run run = bench(new BenchConfig(suite, List.of("x", "y"), LIMITS, 1, Shard.all(), csv, true), answers());
        Path base = dir.resolve("r");
        assertTrue(run.err().contains("ermbit bench: wrote " + base + ".md, " + base + "-cactus.png, " + base + "-cactus.svg\n"), run.err());
        assertTrue(Files.size(Path.of(base + "-cactus.png")) > 0);
        assertTrue(Files.readString(Path.of(base + "-cactus.svg")).contains("<svg"));

        // nothing solved: every answer UNKNOWN
        Path csv2 = dir.resolve("none.csv");
        HarnessTest.Scripted unknown = new HarnessTest.Scripted();
        for (String i : List.of("a.json", "b.json", "c.json")) {
            unknown.overrides.put(Task.key("x", i), new ChildRunner.Outcome(RunStatus.UNKNOWN, Optional.empty(), 100, 0, "timeout"));
        }
        Run none = bench(new BenchConfig(suite, List.of("x"), LIMITS, 1, Shard.all(), csv2, true), unknown);
        Path base2 = dir.resolve("none");
        assertTrue(none.err().contains("ermbit bench: wrote " + base2 + ".md (no solved run, no cactus plot)\n"), none.err());
        assertFalse(Files.exists(Path.of(base2 + "-cactus.png")));
        assertFalse(Files.exists(Path.of(base2 + "-cactus.svg")));
    }

    /** A count run's row shows the count (CLI.md: the count is in the CSV's loss column), and its matrix cell too. */
    @Test
    void aCountRunShowsItsCount(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("suite");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("d.cnf"), "p cnf 3 2\n1 2 0\n-1 3 0\n");
        Files.writeString(suite.resolve(Manifest.FILE_NAME), "d.cnf counting count count=4 hand\n");
        HarnessTest.Scripted runner = new HarnessTest.Scripted();
        runner.overrides.put(Task.key("x", "d.cnf"), new ChildRunner.Outcome(RunStatus.SAT, Optional.of(Rational.of(4)), 100, 0, ""));
        Run run = bench(new BenchConfig(suite, List.of("x"), LIMITS, 1, Shard.all(), dir.resolve("r.csv"), false), runner);
        assertTrue(run.out().startsWith("x d.cnf SAT count=4 0.100s\n"), run.out());
        assertTrue(run.out().contains("| d.cnf | count=4 | SAT 4 0.100 |\n"), run.out());
        assertEquals(0, run.summary().wrong());
    }

    /**
     * Rows and progress lines appear as each run finishes, not at the end: with buffered writers, what
     * the second run sees already holds the first run's row and progress line.
     */
    @Test
    void rowsAndProgressLinesAreFlushedAsEachRunFinishes(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> seen = new java.util.ArrayList<>();
        HarnessTest.Scripted answers = answers();
        TaskRunner watching = (t, file) -> {
            seen.add(out + "|" + err);
            return answers.run(t, file);
        };
        BenchConfig c = new BenchConfig(suite, List.of("x", "y"), LIMITS, 1, Shard.all(), dir.resolve("r.csv"), false);
        new BenchRunner(c, watching, new PrintWriter(new java.io.BufferedWriter(out)), new PrintWriter(new java.io.BufferedWriter(err))).run();
        assertEquals("|ermbit bench: 6 runs to do (0 already in " + dir.resolve("r.csv") + ", shard 1/1 of 6 runs)\n", seen.get(0));
        assertTrue(seen.get(1).startsWith("x a.json SAT loss=0 1.500s\n|"), seen.get(1));
        assertTrue(seen.get(1).endsWith("ermbit bench: [1/6] x a.json SAT\n"), seen.get(1));
        // after the run, the tables and the last stderr line are there without closing the writers
        assertTrue(out.toString().endsWith("* **WRONG**: y on c.json: FEASIBLE loss 1, MANIFEST says optimum=3/2\n\n"), out.toString());
        assertTrue(err.toString().endsWith(" ***\n"), err.toString());
    }

    /** The cactus plot's data (CLI.md: solved runs per solver, sorted by time): wrong, late and unsolved runs are not on it. */
    @Test
    void theCactusPlotShowsEachSolversSolvedTimesInAscendingOrder() {
        List<RunResult> rows = List.of(
                plotRow("a", Mode.SOLVE, RunStatus.SAT, 300, false), plotRow("a", Mode.SOLVE, RunStatus.UNSAT, 100, false),
                plotRow("a", Mode.SOLVE, RunStatus.TIMEOUT, 20_000, false), plotRow("a", Mode.SOLVE, RunStatus.SAT, 200, true),
                plotRow("a", Mode.SOLVE, RunStatus.SAT, 10_001, false), plotRow("b", Mode.SOLVE, RunStatus.UNKNOWN, 40, false),
                plotRow("c", Mode.OPTIMIZE, RunStatus.OPTIMUM, 50, false), plotRow("c", Mode.OPTIMIZE, RunStatus.FEASIBLE, 60, false));
        // b (listed first) solved nothing and has no series; c is not listed and comes after the listed ones
        java.util.Map<String, List<Long>> series = CactusPlot.solvedTimes(rows, List.of("b", "a"));
        assertEquals(List.of("a", "c"), List.copyOf(series.keySet()));
        assertEquals(List.of(100L, 300L), series.get("a"));
        assertEquals(List.of(50L), series.get("c"));
        assertTrue(CactusPlot.solvedTimes(rows.subList(5, 6), List.of("b")).isEmpty());
    }

    /** Bug fixed (session 23): within one power of ten a logarithmic time axis had no labels; it is linear then. */
    @Test
    void theTimeAxisIsLogarithmicOnlyAcrossAPowerOfTen() {
        assertFalse(CactusPlot.spansADecade(java.util.Map.of("a", List.of(1400L, 3800L))));
        assertFalse(CactusPlot.spansADecade(java.util.Map.of("a", List.of(1000L), "b", List.of(9999L))));
        assertTrue(CactusPlot.spansADecade(java.util.Map.of("a", List.of(1000L), "b", List.of(10_000L))));
        assertTrue(CactusPlot.spansADecade(java.util.Map.of("a", List.of(0L, 10L))));
        assertFalse(CactusPlot.spansADecade(java.util.Map.of("a", List.of(0L, 9L))));
    }

    private static RunResult plotRow(String solver, Mode mode, RunStatus st, long ms, boolean wrong) {
        return new RunResult(solver, "i" + ms + ".json", "f", mode, ExpectedAnswer.unknown(), st, Optional.empty(), ms, 0, wrong, 10_000, 256, "");
    }

    /**
     * The rows of other shards in the same CSV are reported with this shard's, so they are checked the
     * same way: a row made with other limits is refused even when it belongs to another shard.
     */
    @Test
    void rowsOfOtherShardsWithOtherLimitsAreRefusedToo(@TempDir Path dir) throws Exception {
        Path suite = suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        // y on a.json is position 1: shard 2/2, not 1/2; it was run with a 5 s limit
        Files.writeString(csv, ResultCsv.HEADER + "\ny,a.json,fam1,solve,sat,SAT,0,100,10,,5000,256,\n");
        HarnessTest.Scripted runner = answers();
        BenchConfig c = new BenchConfig(suite, List.of("x", "y"), LIMITS, 1, new Shard(1, 2), csv, false);
        InputException e = assertThrows(InputException.class, () -> bench(c, runner));
        assertEquals(csv + ": y on a.json: was run with a 5.000 s / 256 MB limit, not 10.000 s / 256 MB: use another CSV or the same limits",
                e.oneLine());
        assertEquals(0, runner.calls.get());
        // and one judged against another answer (stale WRONG flag)
        Files.writeString(csv, ResultCsv.HEADER + "\ny,b.json,fam1,solve,sat,UNSAT,,100,20,WRONG,10000,256,\n");
        InputException stale = assertThrows(InputException.class, () -> bench(c, runner));
        assertEquals(csv + ": y on b.json: was judged against the MANIFEST's solve sat, the MANIFEST now says solve unsat: use another CSV",
                stale.oneLine());
    }
}
