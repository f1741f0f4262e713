package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ermbit.core.format.PrintableText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File names are input too: a name holding a line break (in the sense of Python's
 * {@code splitlines}) must not split ermbit's line-based output (docs/CLI.md "Output"). Comment
 * lines that mention a file print it flattened; {@code check}, whose result line starts with the
 * name verbatim, refuses such a name (exit 2, one line).
 */
class FileNamesInOutputTest {

    static final String CNF = "p cnf 3 2\n1 -2 0\n2 3 0\n";
    static final String SLP = "1 = 0 + 0\n2 = 1 * 1\n";

    @TempDir
    Path dir;

    /** Lines as a line-splitting reader sees them (Python's str.splitlines). */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\r\n|[\n\r\u000B\u000C\u001C-\u001E\u0085\u2028\u2029]", -1))
                .filter(l -> !l.isEmpty()).toList();
    }

    /**
     * Every stdout line starts with one of the prefixes, there are exactly {@code sLines} {@code s} lines, and
     * no control character (such as ESC, which rewrites terminal lines) is printed raw.
     */
    static void assertLines(CliRun r, int sLines, String... prefixes) {
        List<String> out = lines(r.out());
        assertTrue(!out.isEmpty(), "no output: " + r.err());
        for (String l : out) {
            assertTrue(Arrays.stream(prefixes).anyMatch(l::startsWith), "stray line " + l + " in\n" + r.out());
        }
        assertEquals(sLines, out.stream().filter(l -> l.startsWith("s ")).count(), r.out());
        assertTrue(r.out().chars().noneMatch(c -> c != '\n' && PrintableText.breaksLine(c)), "raw control character in " + r.out());
    }

    /** A file named "x" + brk + "s FAKE" + ext in the temp directory, or skip where the file system refuses such names. */
    Path file(String brk, String ext, String content) throws IOException {
        Path f;
        try {
            f = dir.resolve("x" + brk + "s FAKE" + ext);
            Files.writeString(f, content);
        } catch (InvalidPathException | IOException e) {
            assumeTrue(false, "file system refuses the name: " + e);
            throw e;
        }
        return f;
    }

    Path instance(String brk) throws IOException {
        return file(brk, ".json", Files.readString(Path.of("../instances/examples/xor-2-2-1.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\u000B", "\u001C", "\u0085", "\u2028", "\u001B[2K"})
    void solveAndOptimizeHeaders(String brk) throws IOException {
        Path f = instance(brk);
        CliRun solve = CliRun.of("solve", f.toString());
        assertEquals(10, solve.exit(), solve.err());
        assertLines(solve, 1, "c ", "s ");
        CliRun opt = CliRun.of("optimize", f.toString());
        assertEquals(30, opt.exit(), opt.err());
        assertLines(opt, 1, "c ", "s ", "o ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\u2028"})
    void solveRealHeader(String brk) throws IOException {
        CliRun r = CliRun.of("solve", "--real", instance(brk).toString());
        assertEquals(10, r.exit(), r.err());
        assertLines(r, 1, "c ", "s ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\u0085", "\u2028", "\u001B[2K"})
    void exportWroteLine(String brk) throws IOException {
        Path out = dir.resolve("e" + brk + "s FAKE.opb");
        CliRun r = CliRun.of("export", "../instances/examples/xor-2-2-1.json", "-f", "opb", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertLines(r, 0, "c wrote ");
        assertEquals(1, lines(r.out()).size(), r.out());
        assertTrue(Files.exists(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\u0085", "\u2028", "\u001B[2K"})
    void countHeader(String brk) throws IOException {
        CliRun r = CliRun.of("count", file(brk, ".cnf", CNF).toString());
        assertEquals(0, r.exit(), r.err());
        assertLines(r, 1, "c ", "s ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\u2028", "\u001C"})
    void reduceThreeSatReluLines(String brk) throws IOException {
        Path cnf = file(brk, ".cnf", CNF);
        Path out = dir.resolve("r" + brk + "s FAKE.json");
        Path sol = file(brk, ".sol", "v 1 2 3 0\n");
        Path w = dir.resolve("w" + brk + "s FAKE.json");
        CliRun r = CliRun.of("reduce", "3sat-relu", cnf.toString(), "-o", out.toString(), "--assignment", sol.toString(),
                "--witness-out", w.toString());
        assertEquals(0, r.exit(), r.err());
        assertLines(r, 0, "c ");
        assertEquals(2, lines(r.out()).size(), r.out());
    }

    /** The reduced instance is named after the input file; the name must stay readable by ermbit itself. */
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\u2028", "\u0085"})
    void countingReductionsWriteReadableInstances(String brk) throws IOException {
        Path out = dir.resolve("g" + brk + "s FAKE.json");
        CliRun g = CliRun.of("reduce", "sharp3sat-gradbit", file(brk, ".cnf", CNF).toString(), "-o", out.toString());
        assertEquals(0, g.exit(), g.err());
        assertLines(g, 0, "c ");
        CliRun info = CliRun.of("info", out.toString());
        assertEquals(0, info.exit(), info.err());

        Path out2 = dir.resolve("p" + brk + "s FAKE.json");
        CliRun p = CliRun.of("reduce", "posslp-gradsign", file(brk, ".slp", SLP).toString(), "-o", out2.toString());
        assertEquals(0, p.exit(), p.err());
        assertLines(p, 0, "c ");
        CliRun info2 = CliRun.of("info", out2.toString());
        assertEquals(0, info2.exit(), info2.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\u0085", "\u2028", "\u001B"})
    void checkRefusesNamesItCannotPrintOnOneLine(String brk) throws IOException {
        Path cnf = file(brk, ".cnf", CNF);
        Path slp = file(brk, ".slp", SLP);
        for (String[] args : List.of(new String[] {"check", "3sat-relu", cnf.toString()},
                new String[] {"check", "sharp3sat-gradbit", cnf.toString()},
                new String[] {"check", "posslp-gradsign", slp.toString()})) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), args[1] + ": " + r.out() + r.err());
            assertEquals("", r.out(), args[1]);
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("ermbit: ") && r.err().contains("file name"), r.err());
        }
    }

    /**
     * bench --merge names the CSV a conflicting row came from on stderr and the output file on stdout;
     * CSV cells that bench prints verbatim (solver, instance, family) refuse line breaks.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u2028", "\u001C", "\u001B[2K"})
    void benchMergeLines(String brk) throws IOException {
        String header = "solver,instance,family,mode,expected,status,loss,time_ms,exit_code,wrong,timeout_ms,memory_mb,reason\n";
        Path a = dir.resolve("a" + brk + "s FAKE.csv");
        Path b = dir.resolve("b" + brk + "s FAKE.csv");
        Files.writeString(a, header + "sat4j,x.json,fam,solve,sat,SAT,0,100,10,,20000,2048,\n");
        Files.writeString(b, header + "sat4j,x.json,fam,solve,sat,UNKNOWN,,100,0,,20000,2048,\"why" + brk + "s FAKE\"\n");
        CliRun r = CliRun.of("bench", "--merge", a.toString(), b.toString(), "-o", dir.resolve("m" + brk + "s FAKE.csv").toString());
        assertEquals(0, r.exit(), r.err());
        assertLines(r, 0, "merged 2 CSV files into ");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("ermbit bench: conflicting duplicate: "), r.err());
        assertTrue(r.err().chars().noneMatch(c -> c != '\n' && PrintableText.breaksLine(c)), r.err());

        Path c = dir.resolve("c.csv");
        Files.writeString(c, header + "sat4j,\"x" + brk + "s FAKE.json\",fam,solve,sat,SAT,0,100,10,,20000,2048,\n");
        CliRun bad = CliRun.of("bench", "--merge", c.toString(), a.toString(), "-o", dir.resolve("n.csv").toString());
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().startsWith("ermbit: " + c + ": line 2: "), bad.err());
    }
}
