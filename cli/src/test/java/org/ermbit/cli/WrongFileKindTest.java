package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CNF given where an instance is expected, or an instance where a CNF is expected, is still one
 * line and exit 2, and the line says which kind of file it looks like and which command reads it
 * (they said only "invalid JSON: Unrecognized token 'p'" and "clause before the p-line").
 */
class WrongFileKindTest {

    @TempDir
    static Path dir;

    static final String CNF = "c a SATLIB-style comment\np cnf 2 1\n1 -2 0\n";
    static final String BARE_CNF = "p cnf 2 1\n1 -2 0\n";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "solve   | cnf      | this looks like a DIMACS CNF file: 'ermbit count' counts its models",
        "info    | bare-cnf | this looks like a DIMACS CNF file",
        "optimize| cnf      | this looks like a DIMACS CNF file",
        "count   | json     | not DIMACS CNF: this looks like a JSON file (an ermbit/1 instance is read by 'ermbit solve', 'info' and 'verify')",
        "count   | witness  | not DIMACS CNF: this looks like a JSON file"})
    void theErrorNamesTheKindOfFile(String command, String kind, String expected) throws IOException {
        Path file = switch (kind) {
            case "cnf" -> Files.writeString(dir.resolve("f.cnf"), CNF);
            case "bare-cnf" -> Files.writeString(dir.resolve("bare.cnf"), BARE_CNF);
            case "json" -> Path.of("..", "instances", "examples", "xor-2-2-1.json");
            default -> Path.of("..", "instances", "examples", "xor-2-2-1.witness.json");
        };
        CliRun r = CliRun.of(command, file.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
    }
}
