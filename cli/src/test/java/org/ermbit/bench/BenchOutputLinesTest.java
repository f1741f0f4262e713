package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bench output is line-based (one row per run, tables, one stderr line per event): MANIFEST fields,
 * the suite and CSV paths and a child's reason must not split a line for a line-splitting reader
 * (Python's {@code splitlines}) nor put raw control characters on a terminal.
 */
class BenchOutputLinesTest {

    /** Lines as Python's str.splitlines sees them. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\r\n|[\n\r\u000B\u000C\u001C-\u001E\u0085\u2028\u2029]", -1)).filter(l -> !l.isEmpty()).toList();
    }

    static boolean raw(String text) {
        return text.chars().anyMatch(c -> c != '\n' && PrintableText.breaksLine(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u001B[2K", "\u007F"})
    void manifestFieldsThatCouldSplitALineAreRefused(String brk, @TempDir Path dir) throws Exception {
        for (String line : List.of("p/x" + brk + "INJ.json planted solve sat planted", "p/x.json fam" + brk + "INJ solve sat planted",
                "p/x.json planted solve sat src" + brk + "INJ")) {
            Files.writeString(dir.resolve("MANIFEST"), line + "\n");
            InputException e = assertThrows(InputException.class, () -> Manifest.open(dir), line);
            assertEquals("line 1", e.location());
            assertEquals(1, lines(e.oneLine()).size(), e.oneLine());
            assertFalse(raw(e.oneLine()), e.oneLine());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\u0085", "\u2028", "\u001C", "\u001B[2K"})
    void suiteAndCsvPathsAndReasonsStayOnTheirLines(String brk, @TempDir Path dir) {
        Path suite = HarnessTest.suite(dir.resolve("suite" + brk + "s INJ"));
        Path csv = dir.resolve("r" + brk + "s INJ.csv");
        HarnessTest.Scripted runner = new HarnessTest.Scripted();
        // a wrong answer whose reason (from the child's JSON) holds the line break
        for (ManifestEntry e : Manifest.open(suite).entries()) {
            if (e.expected().kind() == ExpectedAnswer.Kind.UNSAT) {
                runner.overrides.put(Task.key("a", e.path()), new ChildRunner.Outcome(RunStatus.SAT, Optional.of(Rational.ZERO), 1000, 10,
                        "reason" + brk + "s INJ"));
            }
        }
        assertFalse(runner.overrides.isEmpty());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        BenchConfig c = new BenchConfig(suite, List.of("a", "b"), new ChildRunner.Limits(10_000, 256), 1, Shard.all(), csv, false);
        assertEquals(runner.overrides.size(), new BenchRunner(c, runner, new PrintWriter(out, true), new PrintWriter(err, true)).run().wrong());
        assertTrue(runner.calls.get() > 0);
        for (String text : List.of(out.toString(), err.toString())) {
            assertFalse(raw(text), text);
            for (String l : lines(text)) assertFalse(l.startsWith("s INJ"), "split line in\n" + text);
        }
        for (String l : lines(err.toString())) assertTrue(l.startsWith("ermbit bench: "), l);
    }

    /** A results CSV is read back into the tables: its solver, instance and family cells are printed verbatim. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u2028", "\u001B[2K"})
    void csvCellsThatCouldSplitATableLineAreRefused(String brk, @TempDir Path dir) throws Exception {
        String header = "solver,instance,family,mode,expected,status,loss,time_ms,exit_code,wrong,timeout_ms,memory_mb,reason\n";
        for (String row : List.of("\"a" + brk + "INJ\",x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,",
                "a,\"x" + brk + "INJ.json\",fam,solve,sat,SAT,0,100,10,,20000,2048,",
                "a,x.json,\"fam" + brk + "INJ\",solve,sat,SAT,0,100,10,,20000,2048,")) {
            Path csv = dir.resolve("r.csv");
            Files.writeString(csv, header + row + "\n");
            InputException e = assertThrows(InputException.class, () -> ResultCsv.open(csv), row);
            assertEquals("line 2", e.location());
            assertEquals(1, lines(e.oneLine()).size(), e.oneLine());
        }
    }
}
