package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compressed input files, made by the system's gzip / xz / bzip2 / zstd / tar (resources/compressed/README.md):
 * gzip and xz are read as the plain file, the others are refused with the command that unpacks them.
 */
class CompressedInputTest {

    private static final Path DIR = Path.of("src", "test", "resources", "compressed");

    /** The sharpSAT test set publishes 24 models for ais6. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ais6.cnf.gz", "ais6.cnf.xz"})
    void aCompressedCnfIsCountedAsThePlainFile(String file) {
        CliRun r = CliRun.of("count", DIR.resolve(file).toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().toList().contains("c s exact arb int 24"), r.out());
    }

    @Test
    void aGzippedInstanceIsSolved() {
        CliRun r = CliRun.of("solve", DIR.resolve("xor-2-2-1.json.gz").toString());
        assertEquals(10, r.exit(), r.err());
        List<String> out = r.out().lines().toList();
        assertTrue(out.contains("s SATISFIABLE") && out.contains("c loss 0"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ais6.cnf.bz2|not supported: bzip2-compressed input (unpack it first: bunzip2 -k FILE)",
        "ais6.cnf.zst|not supported: zstd-compressed input (unpack it first: unzstd FILE)",
        "ais6.tar.gz|not supported: a tar archive (extract its files first: tar -xf FILE)",
        "ais6.tar|not supported: a tar archive (extract its files first: tar -xf FILE)",
        "ais6-dict512m.cnf.xz|not supported: xz data that needs 524392 KiB of memory to decompress, more than the limit of 262144 KiB (recompress it with xz -9 or a smaller dictionary)",
        "truncated.cnf.gz|corrupt gzip data: cut off before its end",
        "not-gzip.cnf.gz|corrupt gzip data: Unsupported compression method",
    })
    void otherFormatsAndCorruptDataAreOneLineAndExitTwo(String file, String message) {
        Path p = DIR.resolve(file);
        CliRun r = CliRun.of("count", p.toString());
        MalformedInputTest.assertOneLineError(r, p.toString(), "");
        assertEquals("ermbit: " + p + ": " + message, r.errLines().get(0));
    }
}
