package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ermbit generate}: option ranges at their inclusive ends, and sizes the ermbit/1 reader would
 * refuse (InstanceReader: 10^6 units per layer, 10^7 parameters, 64 MiB files) refused up front with
 * exit 2 and nothing written, instead of writing unreadable files or running for hours.
 */
class GenerateCommandTest {

    @TempDir
    Path dir;

    private CliRun generate(String... args) {
        String[] all = Stream.concat(Stream.of("generate"), Stream.concat(Stream.of(args), Stream.of("-o", dir.toString())))
                .toArray(String[]::new);
        return CliRun.of(all);
    }

    @Test
    void inclusiveEndsOfBitsCountAndSeedAreAccepted() throws IOException {
        CliRun one = generate("planted", "--bits", "1", "--points", "3");
        assertEquals(0, one.exit(), one.err());
        assertEquals("planted/planted-2-2-1-b1-n3-s1.json planted solve sat planted", one.out().strip());
        CliRun sixteen = generate("planted", "--bits", "16", "--points", "3", "--brute-force-cap", "0");
        assertEquals(0, sixteen.exit(), sixteen.err());
        assertTrue(Files.readString(dir.resolve("planted/planted-2-2-1-b16-n3-s1.json")).contains("\"bits\": 16"));
        // the last seed, and a count that ends exactly on it
        CliRun last = generate("planted", "--seed", Long.toString(Long.MAX_VALUE - 1), "--count", "2", "--points", "3");
        assertEquals(0, last.exit(), last.err());
        assertEquals(2, last.out().lines().count(), last.out());
    }

    /**
     * Every family is reproducible: regenerating a shipped instance gives the same bytes and the same
     * MANIFEST line as instances/ (whose labels come from construction or brute force: XOR with one
     * hidden unit is unsat, a planted polynomial teacher sat).
     */
    static Stream<Arguments> shipped() {
        return Stream.of(
                Arguments.of(List.of("parity", "-k", "2", "--hidden", "1"), "parity/parity-k2-h1-b3.json parity solve unsat brute-force"),
                Arguments.of(List.of("polynomial"), "polynomial/polynomial-1-1-1-t-n4-s1.json polynomial solve sat planted"),
                Arguments.of(List.of("3sat", "--vars", "10", "--clauses", "43", "--seed", "1"),
                        "3sat/3sat-relu-v10-c43-s1.json 3sat solve sat cnf-enumeration"),
                Arguments.of(List.of("realdata", "--dataset", "iris", "--features", "4", "--hidden", "1", "--ternary", "--points", "12"),
                        "iris/iris-n12-f4-h1-c0-t-s1.json iris optimize optimum=0 brute-force"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("shipped")
    void regeneratingAShippedInstanceGivesTheSameFileAndManifestLine(List<String> args, String manifestLine) throws IOException {
        CliRun r = generate(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertEquals(manifestLine, r.out().strip());
        assertTrue(Files.readAllLines(Path.of("..", "instances", "MANIFEST")).contains(manifestLine), "instances/MANIFEST has " + manifestLine);
        String rel = manifestLine.split(" ")[0];
        assertEquals(Files.readString(Path.of("..", "instances", rel)), Files.readString(dir.resolve(rel)), rel);
        assertEquals(List.of(manifestLine), Files.readAllLines(dir.resolve("MANIFEST")).stream().filter(l -> !l.startsWith("#")).toList());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(List.of("planted", "--bits", "0"), "--bits must be in 1..16, got 0"),
                Arguments.of(List.of("planted", "--bits", "17"), "--bits must be in 1..16, got 17"),
                Arguments.of(List.of("planted", "--bits", "3", "--ternary"), "give --bits or --ternary, not both"),
                Arguments.of(List.of("planted", "--count", "0"), "--count must be >= 1, got 0"),
                Arguments.of(List.of("planted", "--brute-force-cap", "-1"), "--brute-force-cap must be >= 0"),
                Arguments.of(List.of("planted", "--seed", Long.toString(Long.MAX_VALUE), "--count", "2"), "runs past the largest seed"),
                Arguments.of(List.of("planted", "--inputs", "0"), "need inputs, hidden, points, range >= 1"),
                // 5000·5001 + 5000 + 1 parameters: once written, then refused by every command that reads it
                Arguments.of(List.of("planted", "--inputs", "5000", "--hidden", "5000"),
                        "not supported: a 5000-5000-1 network has more than 10000000 parameters (ermbit/1 caps)"),
                Arguments.of(List.of("noisy", "--inputs", "2", "--hidden", "1000001"),
                        "not supported: a 2-1000001-1 network has a layer of 1000001 units, more than 1000000 (ermbit/1 caps)"),
                // 10^8 points of 2 inputs: at least 600 MB of data (the generator used to run out of memory)
                Arguments.of(List.of("planted", "--points", "100000000"), "not supported: 100000000 points of 2 inputs need more than"),
                Arguments.of(List.of("realdata", "--dataset", "iris", "--hidden", "3000000"),
                        "not supported: the network has a layer of 3000000 units, more than 1000000 (ermbit/1 caps)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void outOfRangeOptionsAndOversizedNetworksAreOneLineExitTwoAndWriteNothing(List<String> args, String expected) throws IOException {
        CliRun r = generate(args.toArray(String[]::new));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("ermbit: ") && r.err().contains(expected), r.err());
        assertEquals("", r.out());
        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".json")), "an instance was written");
        }
    }

    /** A 3000-1000-1 noisy network has 3·10^6 parameters of 8 values: far past the labelling cap, labelled unknown without computing 8^3003001 (that product took minutes). */
    @Test
    void largeNetworksWithinTheCapsAreWrittenAndLabelledUnknown() {
        CliRun r = generate("noisy", "--inputs", "3000", "--hidden", "1000", "--points", "2", "--noise", "1");
        assertEquals(0, r.exit(), r.err());
        assertEquals("noisy/noisy-3000-1000-1-b3-n2-noise1-s1.json noisy optimize unknown -", r.out().strip());
    }
}
