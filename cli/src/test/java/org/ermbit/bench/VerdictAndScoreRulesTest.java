package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InputException;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of docs/CLI.md "ermbit bench" one by one, with hand-made rows: when an answer is WRONG
 * (and with which message), what counts as solved ("correct and within the limit"), PAR-2 and the
 * error count, which rows are scored, shards, and the configuration's checks.
 */
class VerdictAndScoreRulesTest {

    private static final Rational THREE_HALVES = Rational.of(3, 2);

    private static Optional<String> check(ExpectedAnswer e, RunStatus s, Rational loss) {
        return AnswerCheck.contradiction(e, s, Optional.ofNullable(loss));
    }

    @Test
    void anOptimumIsContradictedByAnotherProvedOptimumAnyLossBelowItOrUnsat() {
        ExpectedAnswer opt = ExpectedAnswer.optimum(THREE_HALVES);
        // a verified loss equal to the optimum, or above it, is consistent whether proved or not
        for (RunStatus s : List.of(RunStatus.OPTIMUM, RunStatus.FEASIBLE, RunStatus.SAT)) {
            assertEquals(Optional.empty(), check(opt, s, THREE_HALVES), s.toString());
        }
        assertEquals(Optional.empty(), check(opt, RunStatus.SAT, Rational.TWO));
        assertEquals(Optional.of("claimed optimum 2, the MANIFEST says 3/2"), check(opt, RunStatus.OPTIMUM, Rational.TWO));
        assertEquals(Optional.of("claimed optimum 1, the MANIFEST says 3/2"), check(opt, RunStatus.OPTIMUM, Rational.ONE));
        assertEquals(Optional.of("found loss 1, below the MANIFEST's optimum 3/2"), check(opt, RunStatus.FEASIBLE, Rational.ONE));
        assertEquals(Optional.of("found loss 1, below the MANIFEST's optimum 3/2"), check(opt, RunStatus.SAT, Rational.ONE));
        assertEquals(Optional.of("answered UNSAT, the MANIFEST states an optimum 3/2"), check(opt, RunStatus.UNSAT, null));
        for (RunStatus s : List.of(RunStatus.UNKNOWN, RunStatus.TIMEOUT, RunStatus.MEMOUT, RunStatus.ERROR, RunStatus.UNAVAILABLE)) {
            assertEquals(Optional.empty(), check(opt, s, null), s.toString());
        }
    }

    @Test
    void decisionsAreContradictedOnlyByTheOppositeAnswer() {
        assertEquals(Optional.of("answered UNSAT, the MANIFEST says sat"), check(ExpectedAnswer.sat(), RunStatus.UNSAT, null));
        for (RunStatus s : List.of(RunStatus.SAT, RunStatus.OPTIMUM, RunStatus.FEASIBLE)) {
            assertEquals(Optional.empty(), check(ExpectedAnswer.sat(), s, Rational.ZERO), s.toString());
            assertEquals(Optional.of("answered " + s + ", the MANIFEST says unsat"), check(ExpectedAnswer.unsat(), s, Rational.ZERO));
        }
        for (RunStatus s : List.of(RunStatus.UNKNOWN, RunStatus.TIMEOUT, RunStatus.MEMOUT, RunStatus.ERROR, RunStatus.UNAVAILABLE)) {
            assertEquals(Optional.empty(), check(ExpectedAnswer.sat(), s, null), s.toString());
            assertEquals(Optional.empty(), check(ExpectedAnswer.unsat(), s, null), s.toString());
            assertEquals(Optional.empty(), check(ExpectedAnswer.unknown(), s, null), s.toString());
        }
        assertEquals(Optional.empty(), check(ExpectedAnswer.unsat(), RunStatus.UNSAT, null));
        assertEquals(Optional.empty(), check(ExpectedAnswer.unknown(), RunStatus.UNSAT, null));
        assertEquals(Optional.of("counted 0 models, the MANIFEST says 18"), check(ExpectedAnswer.parse("count=18"), RunStatus.UNSAT, Rational.ZERO));
        assertEquals(Optional.of("counted 3 models, the MANIFEST says 0"), check(ExpectedAnswer.parse("count=0"), RunStatus.SAT, Rational.of(3)));
    }

    private static RunResult row(String solver, Mode mode, RunStatus st, long ms, boolean wrong) {
        return new RunResult(solver, "i.json", "f", mode, ExpectedAnswer.unknown(), st, Optional.empty(), ms, 0, wrong, 10_000, 256, "");
    }

    @Test
    void solvedMeansADefinitiveCorrectAnswerWithinTheLimitInclusive() {
        assertTrue(row("s", Mode.SOLVE, RunStatus.SAT, 10_000, false).solved(), "exactly at the limit is within it");
        assertEquals(10_000, row("s", Mode.SOLVE, RunStatus.UNSAT, 10_000, false).par2Ms());
        assertFalse(row("s", Mode.SOLVE, RunStatus.SAT, 10_001, false).solved());
        assertEquals(20_000, row("s", Mode.SOLVE, RunStatus.SAT, 10_001, false).par2Ms());
        assertFalse(row("s", Mode.SOLVE, RunStatus.SAT, 5, true).solved(), "a wrong answer is never solved");
        // an optimisation is solved only by a proved optimum; a decision or a count by SAT / UNSAT
        assertTrue(row("s", Mode.OPTIMIZE, RunStatus.OPTIMUM, 5, false).solved());
        assertFalse(row("s", Mode.OPTIMIZE, RunStatus.FEASIBLE, 5, false).solved());
        assertFalse(row("s", Mode.OPTIMIZE, RunStatus.SAT, 5, false).solved());
        assertFalse(row("s", Mode.SOLVE, RunStatus.OPTIMUM, 5, false).solved());
        assertTrue(row("s", Mode.COUNT, RunStatus.UNSAT, 5, false).solved());
        for (RunStatus s : List.of(RunStatus.UNKNOWN, RunStatus.TIMEOUT, RunStatus.MEMOUT, RunStatus.ERROR)) {
            assertFalse(row("s", Mode.SOLVE, s, 5, false).solved(), s.toString());
        }
    }

    @Test
    void errorsCountErrorAndMemoutUnavailableRowsAreNotScoredAndUnlistedSolversComeLast() {
        List<RunResult> rows = List.of(
                row("z", Mode.SOLVE, RunStatus.ERROR, 100, false), row("z", Mode.SOLVE, RunStatus.MEMOUT, 200, false),
                row("z", Mode.SOLVE, RunStatus.TIMEOUT, 16_000, false), row("z", Mode.SOLVE, RunStatus.UNAVAILABLE, 0, false),
                row("a", Mode.SOLVE, RunStatus.UNAVAILABLE, 0, false), row("b", Mode.SOLVE, RunStatus.SAT, 1234, false));
        // order given: a, b; z is not in it. a has only an UNAVAILABLE row: not scored at all
        List<Score> scores = Score.of(rows, List.of("a", "b"));
        // z: three scored runs, none solved, two errors (ERROR, MEMOUT; a TIMEOUT is not one), PAR-2 3 x 2 x 10 s
        assertEquals(List.of(new Score("b", 1, 1, 0, 0, 1234), new Score("z", 3, 0, 0, 2, 60_000)), scores);
        assertEquals(new BigDecimal("20.000"), scores.get(1).meanPar2Seconds());
        // display rounding is half up at the millisecond: 1001 ms over 2 runs is 0.5005 s
        assertEquals("0.501", new Score("r", 2, 0, 0, 0, 1001).meanPar2Seconds().toPlainString());
        assertEquals(0, BigDecimal.ZERO.compareTo(new Score("r", 0, 0, 0, 0, 0).meanPar2Seconds()));
        assertEquals("0.007", Score.seconds(7));
        assertEquals("61.000", Score.seconds(61_000));
    }

    @Test
    void shardsTakeEveryNthPositionAndParseIOverN() {
        List<Integer> tasks = List.of(0, 1, 2, 3, 4, 5, 6);
        assertEquals(List.of(1, 4), new Shard(2, 3).select(tasks));
        assertEquals(List.of(2, 5), new Shard(3, 3).select(tasks));
        assertEquals(List.of(0, 3, 6), Shard.parse(" 1 / 3 ").select(tasks));
        assertEquals(tasks, Shard.all().select(tasks));
        assertEquals(List.of(), new Shard(8, 8).select(tasks), "more shards than tasks: the last ones are empty");
        assertEquals("2/8", Shard.parse("2/8").toString());
        assertEquals(new Shard(3, 3), Shard.parse("3/3"));
        assertEquals(new Shard(1, 1), Shard.parse("1/1"));
        for (String bad : List.of("0/3", "4/3", "1/0", "-1/2", "2", "1/2/3", "a/b", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("shard must be i/n"), e.getMessage());
        }
    }

    @Test
    void configurationChecksAndReportFilesNextToTheCsv(@TempDir Path dir) {
        ChildRunner.Limits limits = new ChildRunner.Limits(1000, 64);
        Path csv = dir.resolve("results.csv");
        assertEquals(dir.resolve("results"), new BenchConfig(dir, List.of("a"), limits, 1, Shard.all(), csv, false).reportBase());
        assertEquals(dir.resolve("results.txt"), new BenchConfig(dir, List.of("a"), limits, 1, Shard.all(), dir.resolve("results.txt"), false).reportBase());
        assertThrows(IllegalArgumentException.class, () -> new BenchConfig(dir, List.of(), limits, 1, Shard.all(), csv, false));
        assertThrows(IllegalArgumentException.class, () -> new BenchConfig(dir, List.of("a", "b", "a"), limits, 1, Shard.all(), csv, false));
        assertThrows(IllegalArgumentException.class, () -> new BenchConfig(dir, List.of("a"), limits, 0, Shard.all(), csv, false));
        BenchConfig two = new BenchConfig(dir, List.of("a"), limits, 2, Shard.all(), csv, false, List.of("planted", "3sat"));
        assertTrue(two.includes("3sat"));
        assertFalse(two.includes("parity"));
        assertTrue(new BenchConfig(dir, List.of("a"), limits, 1, Shard.all(), csv, false).includes("anything"));
    }

    @Test
    void aMalformedManifestNamesItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "# comment\n\na.json f solve sat planted\nb.json f solve sat\n");
        InputException e = assertThrows(InputException.class, () -> Manifest.open(dir));
        assertEquals(dir.resolve(Manifest.FILE_NAME) + ": line 4: expected 5 fields PATH FAMILY MODE EXPECTED SOURCE, got 4", e.oneLine());
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "a.json f solve sat planted\nb.json f decide sat planted\n");
        InputException mode = assertThrows(InputException.class, () -> Manifest.open(dir));
        assertEquals(dir.resolve(Manifest.FILE_NAME) + ": line 2: mode must be 'solve', 'optimize' or 'count', got 'decide'", mode.oneLine());
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "a.json f solve sat planted\na.json f solve unsat planted\n");
        InputException twice = assertThrows(InputException.class, () -> Manifest.open(dir));
        assertEquals(dir.resolve(Manifest.FILE_NAME) + ": line 2: path a.json is listed twice", twice.oneLine());
    }

    /**
     * Bug fixed (session 23): a solve line stating an optimum was accepted, and every UNSAT on it was
     * judged WRONG whatever the threshold. EXPECTED must fit MODE; unknown fits every mode.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            solve optimum=1    | a solve line states sat, unsat or unknown, not optimum=1
            solve count=3      | a solve line states sat, unsat or unknown, not count=3
            optimize sat       | a optimize line states optimum=p/q or unknown, not sat
            optimize count=0   | a optimize line states optimum=p/q or unknown, not count=0
            count unsat        | a count line states count=N or unknown, not unsat
            count optimum=1/2  | a count line states count=N or unknown, not optimum=1/2
            """)
    void expectedAnswersMustFitTheMode(String modeAndExpected, String message, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "a.json f solve unknown -\nb.json f " + modeAndExpected + " planted\n");
        InputException e = assertThrows(InputException.class, () -> Manifest.open(dir));
        assertEquals(dir.resolve(Manifest.FILE_NAME) + ": line 2: " + message, e.oneLine());
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "a.json f optimize unknown -\nb.json f count unknown -\nc.json f solve unsat -\n");
        assertEquals(3, Manifest.open(dir).entries().size());
    }

    @Test
    void optionErrorsOfTheConfigurationNameTheOption(@TempDir Path dir) {
        ChildRunner.Limits limits = new ChildRunner.Limits(1000, 256);
        Path csv = dir.resolve("r.csv");
        assertEquals("-j, --jobs: must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new BenchConfig(dir, List.of("a"), limits, 0, Shard.all(), csv, false)).getMessage());
        assertEquals("--solvers: sat4j is listed twice", assertThrows(IllegalArgumentException.class,
                () -> new BenchConfig(dir, List.of("sat4j", "z3", "sat4j"), limits, 1, Shard.all(), csv, false)).getMessage());
    }
}
