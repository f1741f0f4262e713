package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ermbit.bench.generate.TeacherGenerator;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Domain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code solve} and {@code optimize} print as the answer is the answer: the weights and biases of
 * the {@code c layer} lines and of the JSON {@code witness}, written back as an ermbit-witness/1 file,
 * are accepted by {@code ermbit verify} (the exact verifier, independent of the printing code) with the
 * printed loss; optima equal instances/MANIFEST (brute force). Also the fixed parts of the line
 * protocol that scripts read: the order of header, status and witness lines, the provenance lines, and
 * the JSON fields of every status.
 */
class ReportedWitnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LAYER = Pattern.compile("c layer (\\d+) weights (\\[.*]) biases (\\[.*])");

    /** Examples with their MANIFEST optimum (brute force over the finite domain). */
    static Stream<Arguments> optima() {
        return Stream.of(
                Arguments.of("xor-2-2-1.json", "0"),
                Arguments.of("leaky-1-1-1-mean.json", "3/40"),
                Arguments.of("rational-1-1-1.json", "5/36"),
                Arguments.of("bias-domain-2-2-1.json", "0"),
                Arguments.of("decimals-fractions.json", "347/144000"),
                Arguments.of("xor-linear-csv.json", "1/4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optima")
    void optimizeLayerLinesAreAWitnessWithTheOptimalLoss(String example, String optimum, @TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("optimize", SolveCommandTest.ex(example));
        assertEquals(30, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("c loss " + optimum, lossLine(lines), r.out());
        assertVerified(SolveCommandTest.ex(example), witnessFromLayerLines(lines, nameOf(r)), optimum, dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optima")
    void optimizeJsonWitnessHasTheOptimalLoss(String example, String optimum, @TempDir Path dir) throws IOException {
        CliRun r = CliRun.of("optimize", SolveCommandTest.ex(example), "--json");
        assertEquals(30, r.exit(), r.out() + r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("OPTIMUM FOUND", o.get("status").asText());
        assertEquals(optimum, o.get("loss").asText());
        assertEquals("NP", o.get("route").asText());
        assertFalse(o.get("provenance").isEmpty(), r.out());
        assertTrue(o.get("time_ms").asLong() >= 0, r.out());
        assertVerified(SolveCommandTest.ex(example), witnessFile(o.get("instance").asText(), o.get("witness").get("layers")),
                optimum, dir);
    }

    @Test
    void solveWithoutTheLocalSearchPrintsTheSolversWitness(@TempDir Path dir) throws IOException {
        String xor = SolveCommandTest.ex("xor-2-2-1.json");
        CliRun r = CliRun.of("solve", xor, "--no-local-search");
        assertEquals(10, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("c ermbit solve " + xor, "c instance xor-2-2-1: 2 inputs, 2 layers, 4 data points, squared loss (mean)",
                "c route NP"), lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith("c encoding 55 vars"), r.out());
        int s = lines.indexOf("s SATISFIABLE");
        assertTrue(s > 3, r.out());
        assertTrue(lines.get(s - 1).startsWith("c solved by sat4j "), r.out());
        assertEquals("c loss 0", lines.get(s + 1));
        assertEquals("c witness verified by the exact rational verifier; activation pattern matches the recomputed one",
                lines.get(s + 2));
        assertTrue(lines.get(lines.size() - 1).matches("c time \\d+\\.\\d{3} s"), r.out());
        assertVerified(xor, witnessFromLayerLines(lines, "xor-2-2-1"), "0", dir);
    }

    @Test
    void jsonForUnsatisfiableAndUnknownHasNoWitnessAndSaysWhy(@TempDir Path dir) throws IOException {
        CliRun unsat = CliRun.of("solve", SolveCommandTest.ex("leaky-1-1-1-mean.json"), "--json");
        assertEquals(20, unsat.exit(), unsat.out() + unsat.err());
        JsonNode u = JSON.readTree(unsat.out());
        assertEquals("UNSATISFIABLE", u.get("status").asText());
        assertEquals("leaky-1-1-1-mean", u.get("instance").asText());
        assertFalse(u.has("witness") || u.has("loss"), unsat.out());
        assertTrue(u.get("provenance").get(0).asText().startsWith("sat4j"), unsat.out());

        var g = TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 3, 16, new Activation.Relu(),
                new Domain.FixedPoint(4, 0), 50, 3, 0, 1));
        Path planted = dir.resolve("planted.json");
        InstanceWriter.write(g.instance(), planted);   // far beyond one second for sat4j alone (SolveCommandTest)
        CliRun unknown = CliRun.of("solve", planted.toString(), "--json", "--timeout", "1", "--no-local-search");
        assertEquals(0, unknown.exit(), unknown.out() + unknown.err());
        JsonNode k = JSON.readTree(unknown.out());
        assertEquals("UNKNOWN", k.get("status").asText());
        assertTrue(k.get("reason").asText().startsWith("sat4j: UNKNOWN (timeout"), unknown.out());
        assertFalse(k.has("witness") || k.has("loss"), unknown.out());
    }

    private static String nameOf(CliRun r) {
        Matcher m = Pattern.compile("(?m)^c instance ([^:]+):").matcher(r.out());
        assertTrue(m.find(), r.out());
        return m.group(1);
    }

    private static String lossLine(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("c loss ")).findFirst().orElseThrow()
                .replaceFirst("  \\(≈ .*\\)$", "");
    }

    /** An ermbit-witness/1 file built from the {@code c layer} lines (numbers kept as printed). */
    private static String witnessFromLayerLines(List<String> lines, String instance) throws IOException {
        ArrayNode layers = JSON.createArrayNode();
        for (String line : lines) {
            Matcher m = LAYER.matcher(line);
            if (!m.matches()) continue;
            assertEquals(layers.size() + 1, Integer.parseInt(m.group(1)), line);
            ObjectNode layer = layers.addObject();
            layer.set("weights", JSON.readTree(quoteNumbers(m.group(2))));
            layer.set("biases", JSON.readTree(quoteNumbers(m.group(3))));
        }
        assertFalse(layers.isEmpty(), String.join("\n", lines));
        return witnessFile(instance, layers);
    }

    /** "[[1,-1/2]]" → "[["1","-1/2"]]": the printed rationals as witness-file strings. */
    private static String quoteNumbers(String printed) {
        return printed.replaceAll("([-0-9/]+)", "\"$1\"");
    }

    private static String witnessFile(String instance, JsonNode layers) {
        ObjectNode w = JSON.createObjectNode();
        w.put("format", "ermbit-witness/1");
        w.put("instance", instance);
        w.set("layers", layers);
        return w.toString();
    }

    /**
     * {@code ermbit verify} computes exactly the expected loss for the witness and finds nothing wrong
     * with it but, for optimize's answers (which ignore the threshold), a loss above the instance's
     * threshold.
     */
    private static void assertVerified(String instance, String witness, String loss, Path dir) throws IOException {
        Path f = dir.resolve("w.json");
        Files.writeString(f, witness);
        CliRun v = CliRun.of("verify", instance, f.toString());
        List<String> lines = v.out().lines().toList();
        assertEquals("c loss " + loss, lines.get(1), witness + "\n" + v.out() + v.err());
        List<String> problems = lines.stream().filter(l -> l.startsWith("c problem:")).toList();
        if (v.exit() == 0) {
            assertEquals("s VERIFIED", lines.get(0), v.out());
            assertEquals(List.of(), problems, v.out());
        } else {
            assertEquals(1, v.exit(), v.out() + v.err());
            assertEquals("s REFUTED", lines.get(0), v.out());
            assertEquals(1, problems.size(), v.out());
            assertTrue(problems.get(0).startsWith("c problem: loss " + loss + " exceeds the threshold"), v.out());
        }
    }
}
