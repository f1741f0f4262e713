package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The file name {@code -} reads standard input (plain or compressed), once. */
class StandardInputTest {

    private static final Path XOR = VerifyAndInfoTest.EXAMPLES.resolve("xor-2-2-1.json");
    private static final Path COMPRESSED = Path.of("src", "test", "resources", "compressed");

    @Test
    void anInstanceOnStandardInputIsSolved() throws Exception {
        CliRun r = withStdin(Files.readAllBytes(XOR), "solve", "-");
        assertEquals(10, r.exit(), r.err());
        assertTrue(r.out().lines().toList().contains("c ermbit solve -"), r.out());
        assertTrue(r.out().lines().toList().contains("s SATISFIABLE"), r.out());
    }

    /** The sharpSAT test set publishes 24 models for ais6; here it arrives xz-compressed on a pipe. */
    @Test
    void aCompressedCnfOnStandardInputIsCounted() throws Exception {
        CliRun r = withStdin(Files.readAllBytes(COMPRESSED.resolve("ais6.cnf.xz")), "count", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().toList().contains("c s exact arb int 24"), r.out());
    }

    @Test
    void standardInputIsReadOnce() throws Exception {
        CliRun empty = withStdin(new byte[0], "info", "-");
        MalformedInputTest.assertOneLineError(empty, "-", "");
        assertEquals("ermbit: -: standard input is empty (it can be read only once)", empty.errLines().get(0));
        CliRun twice = withStdin(Files.readAllBytes(XOR), "verify", "-", "-");
        MalformedInputTest.assertOneLineError(twice, "-", "");
        assertEquals("ermbit: -: standard input is empty (it can be read only once)", twice.errLines().get(0));
    }

    /** As an output file, {@code -} would create a file named "-": refused by name, before any work (only export -o - writes to stdout). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--witness|solve @xor --witness -",
        "--output|reduce 3sat-relu @cnf -o -",
        "--witness-out|reduce 3sat-relu @cnf -o @tmp/i.json --assignment @tmp/a.txt --witness-out -",
        "--csv|bench @suite --solvers sat4j --csv -",
        "--output|bench --merge @tmp/a.csv -o -",
        "--out|generate planted --count 1 -o -",
    })
    void dashAsAnOutputFileIsRefused(String option, String command, @org.junit.jupiter.api.io.TempDir Path tmp) {
        String cnf = Path.of("src", "test", "resources", "satlib", "uf20-01.cnf").toString();
        String[] args = command.replace("@xor", XOR.toString()).replace("@cnf", cnf).replace("@suite", VerifyAndInfoTest.EXAMPLES.toString())
                .replace("@tmp", tmp.toString()).split(" ");
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("ermbit: " + option + ": '-' (standard output) is not supported here; give a file name (./- names a file called -)",
                r.err().strip());
        assertTrue(java.nio.file.Files.notExists(Path.of("-")), "no file named - was created");
    }

    private static CliRun withStdin(byte[] bytes, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(bytes));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }
}
