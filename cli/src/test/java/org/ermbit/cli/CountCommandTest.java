package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ermbit count}: the Model Counting Competition output contract and the input-error contract. */
class CountCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"component", "logicng"})
    void satisfiableFileGivesCompetitionLines(String counter) throws IOException {
        // (x1 or x2) and (not x1 or x3), x4 declared but unused: 4 models of x1..x3 times 2 = 8
        Path f = write("f.cnf", "c hand-counted: 8 models\np cnf 4 2\n1 2 0\n-1 3 0\n");
        Run r = run("count", "--counter", counter, f.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        int s = lines.indexOf("s SATISFIABLE");
        assertTrue(s >= 0, r.out());
        assertEquals("c s type mc", lines.get(s + 1));
        assertEquals("c s exact arb int 8", lines.get(s + 2));
        assertEquals(List.of("c ermbit count " + f, "c counter " + counter, "c variables 4, clauses 2"), lines.subList(0, 3));
        assertTrue(lines.get(3).matches("c time \\d+\\.\\d{3} s"), r.out());
        // CLI.md: statistics from the component counter only
        assertEquals(counter.equals("component"), lines.get(4).startsWith("c stats decisions "), r.out());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("c ") || l.startsWith("s ")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void unsatisfiableFileCountsZero() throws IOException {
        Path f = write("u.cnf", "p cnf 2 4\n1 2 0\n-1 2 0\n1 -2 0\n-1 -2 0\n");
        Run r = run("count", f.toString());
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("s UNSATISFIABLE\nc s type mc\nc s exact arb int 0\n"), r.out());
    }

    @Test
    void countsBeyondLongArePrintedExactly() throws IOException {
        // no clauses over 100 declared variables: 2^100 models
        Path f = write("free.cnf", "p cnf 100 0\n");
        Run r = run("count", f.toString());
        assertTrue(r.lines().contains("c s exact arb int 1267650600228229401496703205376"), r.out());
    }

    @Test
    void expiredTimeoutGivesUnknownWithoutCount() throws IOException {
        // a chain of 2,000 implications needs more than one check interval of the component counter
        StringBuilder sb = new StringBuilder("p cnf 4000 2000\n");
        for (int i = 1; i <= 2000; i++) sb.append(i).append(' ').append(2000 + i).append(" 0\n");
        Path f = write("big.cnf", sb.toString());
        Run r = run("count", "--timeout", "0.000001", f.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        // CLI.md: the output ends with these three lines and has no count line
        assertEquals(List.of("c timeout before the count was known", "s UNKNOWN", "c s type mc"),
                lines.subList(lines.size() - 3, lines.size()), r.out());
        assertFalse(r.out().contains("exact arb int"), r.out());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty.cnf", "", "empty file"),
                Arguments.of("blank.cnf", "\n  \n", "empty file"),
                Arguments.of("nop.cnf", "c only a comment\n", "missing p-line"),
                Arguments.of("badp.cnf", "p cnf 3\n1 2 0\n", "line 1"),
                Arguments.of("badp2.cnf", "p cnf x 2\n1 2 0\n", "line 1"),
                Arguments.of("negp.cnf", "p cnf -3 2\n1 0\n", "line 1"),
                Arguments.of("dnf.cnf", "p dnf 3 1\n1 2 0\n", "line 1"),
                Arguments.of("range.cnf", "p cnf 3 2\n1 2 0\n-4 1 0\n", "line 3"),
                Arguments.of("nonnum.cnf", "p cnf 3 2\n1 2 0\n1 x 0\n", "line 3"),
                Arguments.of("float.cnf", "p cnf 3 1\n1 2.5 0\n", "line 2"),
                Arguments.of("early.cnf", "1 2 0\np cnf 3 1\n", "line 1"),
                Arguments.of("twop.cnf", "p cnf 3 1\np cnf 3 1\n1 0\n", "line 2"),
                Arguments.of("toomany.cnf", "p cnf 3 1\n1 2 0\n2 3 0\n", "line 3"),
                Arguments.of("truncated.cnf", "p cnf 3 3\n1 2 0\n2 3\n", "line 3"),
                Arguments.of("pmc.cnf", "c t pmc\np cnf 3 1\nc p show 1 0\n1 2 3 0\n",
                        "not supported: the file asks for 'pmc' ('c t pmc'); ermbit count computes plain model counts ('c t mc': unweighted, unprojected)"),
                Arguments.of("wmc.cnf", "c t wmc\np cnf 2 1\nc p weight 1 0.3 0\n1 2 0\n", "the file asks for 'wmc'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedInputIsOneLineWithExit2(String name, String text, String expected) throws IOException {
        Path f = write(name, text);
        Run r = run("count", f.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ermbit: " + f), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.out().contains("s "), r.out());
    }

    /**
     * Projection and weight lines of a file that declares no other type (or 'c t mc') are ignored with
     * a warning: x1 ∨ x2 ∨ x3 has 7 models (by hand), not the 2 of its projection on x1.
     */
    @Test
    void projectionAndWeightLinesWithoutATypeAreIgnoredWithAWarning() throws IOException {
        Path f = write("show.cnf", "c t mc\np cnf 3 1\nc p show 1 0\nvp 1 0\nc p weight 1 0.3 0\n1 2 3 0\n");
        Run r = run("count", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lines().contains("c warning: ignored 1 weight line ('w ...' / 'c p weight ...'): the count is unweighted"), r.out());
        assertTrue(r.lines().contains("c warning: ignored 2 projection lines ('c p show ...' / 'vp ...' / 'c ind ...'): "
                + "the count is over all 3 variables, not projected"), r.out());
        assertTrue(r.lines().contains("c s exact arb int 7"), r.out());
    }

    @Test
    void missingTrailingZeroOnTheLastDeclaredClauseIsAcceptedWithAWarning() throws IOException {
        // DIMACS reader rule (docs/CLI.md): accepted when it is exactly the last declared clause
        Path f = write("nozero.cnf", "p cnf 2 2\n1 2 0\n-1 -2");
        Run r = run("count", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("c warning: line 3: the last clause has no terminating 0"), r.out());
        assertTrue(r.lines().contains("c s exact arb int 2"), r.out()); // x1 xor x2
    }

    @Test
    void missingFileAndBadOptionsAreUsageErrors() {
        Run missing = run("count", dir.resolve("nope.cnf").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.cnf") && missing.err().contains("no such file"), missing.err());
        Run counter = run("count", "--counter", "magic", "x.cnf");
        assertEquals(2, counter.exit());
        assertEquals(1, counter.err().lines().count(), counter.err());
        Run timeout = run("count", "--timeout", "soon", "x.cnf");
        assertEquals(2, timeout.exit());
        Run none = run("count");
        assertEquals(2, none.exit());
    }
}
