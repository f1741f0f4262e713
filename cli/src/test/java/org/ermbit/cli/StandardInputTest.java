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
