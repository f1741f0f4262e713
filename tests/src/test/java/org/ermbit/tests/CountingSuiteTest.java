package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.bench.ExpectedAnswer;
import org.ermbit.bench.Manifest;
import org.ermbit.bench.ManifestEntry;
import org.ermbit.bench.Mode;
import org.junit.jupiter.api.Test;

/**
 * The bench suite instances/counting lists exactly the files of the counting test material, each
 * byte-identical to the tested copy and with the count stated in its counts.tsv.
 */
class CountingSuiteTest {
    private static final Path SUITE = Path.of("..", "instances", "counting");
    private static final Path TESTED = Path.of("..", "solvers", "src", "test", "resources", "counting");

    @Test
    void manifestMatchesTheTestedFilesAndCounts() throws IOException {
        Map<String, String> stated = new HashMap<>();
        List<String> tsv = Files.readAllLines(TESTED.resolve("counts.tsv"));
        for (String line : tsv.subList(1, tsv.size())) {
            String[] f = line.split("\t");
            stated.put(f[0], f[1]);
        }
        List<ManifestEntry> entries = Manifest.open(SUITE).entries();
        assertEquals(stated.keySet(), entries.stream().map(ManifestEntry::path).collect(java.util.stream.Collectors.toSet()));
        for (ManifestEntry e : entries) {
            assertEquals(Mode.COUNT, e.mode(), e.path());
            assertEquals(ExpectedAnswer.parse("count=" + stated.get(e.path())), e.expected(), e.path());
            assertArrayEquals(Files.readAllBytes(TESTED.resolve(e.path())), Files.readAllBytes(SUITE.resolve(e.path())), e.path());
        }
    }
}
