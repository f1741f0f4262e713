package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ermbit.core.format.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A results CSV that bench resumes or merges: every malformed cell is refused with its column and
 * value (no Java exception text), and rows judged against a different MANIFEST answer are not mixed
 * with new ones (their WRONG flag would be stale).
 */
class ResultCsvRowsTest {

    private static final String GOOD = "a,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,";

    /** GOOD with cell {@code column} (0-based) replaced. */
    private static String with(int column, String value) {
        String[] cells = GOOD.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(with(5, "BOGUS"), "status: unknown status 'BOGUS' (known: SAT, UNSAT, OPTIMUM, FEASIBLE, UNKNOWN, TIMEOUT, MEMOUT, ERROR, UNAVAILABLE)"),
                Arguments.of(with(9, "maybe"), "wrong: 'maybe' is neither empty nor WRONG"),
                Arguments.of(with(7, "abc"), "time_ms: not a non-negative integer: 'abc'"),
                Arguments.of(with(7, "-5"), "time_ms: not a non-negative integer: '-5'"),
                Arguments.of(with(7, "99999999999999999999"), "time_ms: not a non-negative integer: '99999999999999999999'"),
                Arguments.of(with(8, "3000000000"), "exit_code: not an integer: '3000000000'"),
                Arguments.of(with(10, ""), "timeout_ms: not a non-negative integer: ''"),
                Arguments.of(with(11, "-1"), "memory_mb: not a non-negative integer: '-1'"),
                Arguments.of(with(6, "1/0"), "denominator is zero in \"1/0\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedCellsNameTheColumnAndTheValue(String row, String message, @TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, ResultCsv.HEADER + "\n" + row + "\n");
        InputException e = assertThrows(InputException.class, () -> ResultCsv.open(csv), row);
        assertEquals(csv + ": line 2: " + message, e.oneLine());
    }

    @Test
    void aWellFormedRowIsReadBack(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, ResultCsv.HEADER + "\n" + GOOD + "\n" + with(9, "WRONG").replace(",SAT,", ",UNSAT,") + "\n");
        List<RunResult> rows = ResultCsv.readOnly(csv);
        assertEquals(2, rows.size());
        assertEquals(RunStatus.SAT, rows.get(0).status());
        assertEquals(100, rows.get(0).timeMs());
        assertEquals(false, rows.get(0).wrong());
        assertEquals(true, rows.get(1).wrong());
    }

    /**
     * The MANIFEST now says unsat for parity-k2-h1 (brute force) but the CSV's row was judged against
     * "sat": resuming would keep a stale verdict, so bench refuses the CSV.
     */
    @Test
    void rowsJudgedAgainstAnotherManifestAnswerAreRefused(@TempDir Path dir) throws Exception {
        Path suite = HarnessTest.suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, ResultCsv.HEADER + "\n" + "a,parity/parity-k2-h1-b3.json,parity,solve,sat,SAT,0,100,10,,10000,256,\n");
        BenchConfig c = new BenchConfig(suite, List.of("a"), new ChildRunner.Limits(10_000, 256), 1, Shard.all(), csv, false);
        BenchRunner runner = new BenchRunner(c, new HarnessTest.Scripted(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        InputException e = assertThrows(InputException.class, runner::run);
        assertEquals(csv + ": a on parity/parity-k2-h1-b3.json: was judged against the MANIFEST's solve sat, the MANIFEST now says solve unsat:"
                + " use another CSV", e.oneLine());
    }

    /**
     * Bug fixed (session 23): bench trusted a row's wrong cell, so an edited row (SAT on an unsat
     * instance, wrong cell empty) was counted as solved and bench exited 0. The cell must now be what
     * judging the row's answer against the MANIFEST gives; the CSV is refused otherwise, untouched.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SAT,0,100,10,      | answered SAT (loss 0), which contradicts the MANIFEST's unsat, but its wrong cell says false
            UNSAT,,100,20,WRONG | answered UNSAT, which agrees with the MANIFEST's unsat, but its wrong cell says true
            """)
    void aWrongCellThatDisagreesWithTheAnswerIsRefused(String cells, String message, @TempDir Path dir) throws Exception {
        Path suite = HarnessTest.suite(dir.resolve("suite"));
        Path csv = dir.resolve("r.csv");
        String text = ResultCsv.HEADER + "\n" + "a,parity/parity-k2-h1-b3.json,parity,solve,unsat," + cells.strip() + ",10000,256,\n";
        Files.writeString(csv, text);
        BenchConfig c = new BenchConfig(suite, List.of("a"), new ChildRunner.Limits(10_000, 256), 1, Shard.all(), csv, false);
        HarnessTest.Scripted runs = new HarnessTest.Scripted();
        BenchRunner runner = new BenchRunner(c, runs, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        InputException e = assertThrows(InputException.class, runner::run);
        assertEquals(csv + ": a on parity/parity-k2-h1-b3.json: " + message + ": the CSV was edited; use another CSV", e.oneLine());
        assertEquals(0, runs.calls.get());
        assertEquals(text, Files.readString(csv));
    }

    /** Bug fixed (session 23): a CSV that could not be created failed as an internal error after the first run. */
    @Test
    void aCsvThatCannotBeCreatedIsRefusedBeforeAnyRun(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Path suite = HarnessTest.suite(dir.resolve("suite"));
        Path csv = Path.of("/proc/self/ermbit-results.csv");
        BenchConfig c = new BenchConfig(suite, List.of("a"), new ChildRunner.Limits(10_000, 256), 1, Shard.all(), csv, false);
        HarnessTest.Scripted runs = new HarnessTest.Scripted();
        BenchRunner runner = new BenchRunner(c, runs, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        InputException e = assertThrows(InputException.class, runner::run);
        assertTrue(e.oneLine().startsWith(csv + ": cannot be written: "), e.oneLine());
        assertEquals(0, runs.calls.get());
    }

    /** A new CSV holds the header as soon as bench accepts it, before any run; an existing empty one gets it with its first row. */
    @Test
    void theHeaderIsWrittenWhenTheCsvIsOpened(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sub/r.csv");
        try (ResultCsv r = ResultCsv.read(csv)) {
            r.openForAppend();
            assertEquals(ResultCsv.HEADER + "\n", Files.readString(csv));
        }
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        try (ResultCsv r = ResultCsv.read(empty)) {
            r.openForAppend();
            assertEquals("", Files.readString(empty));
        }
    }
}
