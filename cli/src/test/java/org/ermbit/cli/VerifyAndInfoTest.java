package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ermbit verify} and {@code ermbit info} on the shipped examples (instances/examples, read
 * from the project tree) and on hand-made witnesses; expected values are hand calculations stated
 * in each test and in instances/MANIFEST.
 */
class VerifyAndInfoTest {

    static final Path EXAMPLES = Path.of("..", "instances", "examples");

    static String ex(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    @Test
    void xorBookWitnessIsVerifiedWithLossZero() {
        CliRun r = CliRun.of("verify", ex("xor-2-2-1.json"), ex("xor-2-2-1.witness.json"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("s VERIFIED", lines.get(0));
        assertEquals("c loss 0", lines.get(1));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("s ")).count());
        assertEquals("", r.err());
    }

    /**
     * Output bias 1 instead of 0: outputs 1, 2, 2, 1 against 0, 1, 1, 0, squared errors 1 each, mean 1
     * &gt; threshold 0: refuted with loss 1.
     */
    @Test
    void wrongWitnessIsRefutedWithItsExactLoss(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.json");
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"xor-2-2-1\", \"layers\": ["
                + "{\"weights\": [[1, 1], [1, 1]], \"biases\": [0, -1]}, {\"weights\": [[1, -2]], \"biases\": [1]}], \"loss\": 0}");
        CliRun r = CliRun.of("verify", ex("xor-2-2-1.json"), w.toString());
        assertEquals(1, r.exit());
        List<String> lines = r.out().lines().toList();
        assertEquals("s REFUTED", lines.get(0));
        assertEquals("c loss 1", lines.get(1));
        assertTrue(r.out().contains("c warning: the witness states loss 0, the exact loss is 1"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.startsWith("s ") || l.startsWith("c ")));
    }

    /** Book linear model w = 0, b = 1/2 on xor.csv: MSE exactly 1/4 = threshold, verified; loss printed as p/q. */
    @Test
    void csvLinearModelPrintsLossInLowestTerms(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.json");
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"xor-linear-csv\", \"layers\": ["
                + "{\"weights\": [[\"0/3\", 0.0]], \"biases\": [\"2/4\"]}]}");
        CliRun r = CliRun.of("verify", ex("xor-linear-csv.json"), w.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(List.of("s VERIFIED", "c loss 1/4"), r.out().lines().limit(2).toList());
    }

    /**
     * leaky-1-1-1-mean with the identity-like witness (w = 1, b = 0, v = 1, c = 0): outputs −1/5,
     * −1/10, 1, 2 against 0, 0, 1, 2, mean absolute error (1/5 + 1/10)/4 = 3/40 &gt; threshold 1/20.
     */
    @Test
    void leakyMeanWitnessIsRefutedAtThreeFortieths(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.json");
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"leaky-1-1-1-mean\", \"layers\": ["
                + "{\"weights\": [[1]], \"biases\": [0]}, {\"weights\": [[1]], \"biases\": [0]}]}");
        CliRun r = CliRun.of("verify", ex("leaky-1-1-1-mean.json"), w.toString());
        assertEquals(1, r.exit());
        assertEquals(List.of("s REFUTED", "c loss 3/40"), r.out().lines().limit(2).toList());
    }

    /** decimals-fractions with w = 3/4, b = 0: loss 347/144000 by hand (see core VerifierTest). */
    @Test
    void decimalsAndFractions(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.json");
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"decimals-fractions\", \"layers\": ["
                + "{\"weights\": [[0.75]], \"biases\": [\"0\"]}]}");
        CliRun r = CliRun.of("verify", ex("decimals-fractions.json"), w.toString());
        assertEquals(0, r.exit());
        assertEquals(List.of("s VERIFIED", "c loss 347/144000"), r.out().lines().limit(2).toList());
    }

    /**
     * bias-domain-2-2-1: h1 = relu(1 + x1/2 − x2), h2 = relu(1 − 2x1), output fixed to h1 − h2:
     * by hand 0, 3/2, −1, 1/2, 1 = the targets, loss 0.
     */
    @Test
    void separateBiasDomainWithFixedOutputLayer(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.json");
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"bias-domain-2-2-1\", \"layers\": ["
                + "{\"weights\": [[\"1/2\", -1], [-2, 0]], \"biases\": [1, 1]}, {\"weights\": [[1, -1]], \"biases\": [0]}]}");
        CliRun r = CliRun.of("verify", ex("bias-domain-2-2-1.json"), w.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("s VERIFIED", "c loss 0"), r.out().lines().limit(2).toList());
        // a bias of 1/2 lies in the weight domain but not in the integer bias domain: bad input
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"bias-domain-2-2-1\", \"layers\": ["
                + "{\"weights\": [[\"1/2\", -1], [-2, 0]], \"biases\": [\"1/2\", 1]}, {\"weights\": [[1, -1]], \"biases\": [0]}]}");
        MalformedInputTest.assertOneLineError(CliRun.of("verify", ex("bias-domain-2-2-1.json"), w.toString()),
                w.toString(), "$.layers[0].biases[0]");
    }

    /** iris-12: ŷ = petal length − 3 separates the 12 points with margin ≥ 1 (petal lengths ≤ 1.7 and ≥ 4.0): hinge 0. */
    @Test
    void irisGridWitness(@TempDir Path dir) throws IOException {
        Path w = dir.resolve("w.json");
        Files.writeString(w, "{\"format\": \"ermbit-witness/1\", \"instance\": \"iris-12\", \"layers\": ["
                + "{\"weights\": [[0, 0, 1, 0]], \"biases\": [-3]}]}");
        CliRun r = CliRun.of("verify", ex("iris-12.json"), w.toString());
        assertEquals(0, r.exit());
        assertEquals(List.of("s VERIFIED", "c loss 0"), r.out().lines().limit(2).toList());
    }

    @Test
    void infoReportsSizesRouteAndBitGrowth() {
        CliRun r = CliRun.of("info", ex("xor-2-2-1.json"));
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("parameters: 9 (9 free, 0 fixed)"), out);
        assertTrue(out.contains("data points: 4"), out);
        assertTrue(out.contains("search space: 4^9 = 262144 parameter vectors"), out);
        assertTrue(out.contains("route: NP"), out);
        // layer 1: |z| <= 2·(|w| ≤ 2)·(|x| ≤ 1) + 2 = 6, integers: 6 needs 3 bits + denominator 1 bit = 4
        assertTrue(out.contains("bit-growth bound layer 1: at most 4 bits (|h| <= 6"), out);
        // layer 2: 2·2·6 + 2 = 26: 5 + 1 = 6 bits
        assertTrue(out.contains("bit-growth bound layer 2: at most 6 bits (|h| <= 26"), out);
        // one hidden layer, squared loss, free identity output, 4^3 settings per unit
        assertTrue(out.contains("witness search: unit-swap, plain (on by default"), out);
    }

    /** The example in docs/CLI.md is the real output, line for line (the description is shortened there). */
    @Test
    void infoPrintsTheOutputDocumentedInCliMd() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "CLI.md"));
        String start = "$ ./ermbit info instances/examples/xor-2-2-1.json\n";
        int from = doc.indexOf(start);
        assertTrue(from >= 0, "CLI.md lost its info example");
        List<String> documented = List.of(doc.substring(from + start.length(), doc.indexOf("```", from)).split("\n"));
        List<String> printed = CliRun.of("info", ex("xor-2-2-1.json")).out().lines()
                .toList();
        assertEquals(documented.size(), printed.size(), String.join("\n", printed));
        for (int i = 0; i < printed.size(); i++) {
            String d = documented.get(i);
            if (d.endsWith(" …")) assertTrue(printed.get(i).startsWith(d.substring(0, d.length() - 2)), printed.get(i));
            else assertEquals(d, printed.get(i));
        }
    }

    /**
     * Separate weight and bias domains and three fixed output parameters: 4 free weights of 8 values
     * (fixed point, 3 bits, 1 fraction bit) and 2 free biases of 3 values, 3^2 · 8^4 = 36864 vectors.
     */
    @Test
    void infoShowsSeparateDomainsFixedParametersAndTheSearchSpace() {
        CliRun r = CliRun.of("info", ex("bias-domain-2-2-1.json"));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.containsAll(List.of(
                "parameters: 9 (6 free, 3 fixed)",
                "domain of weights: fixed (bits 3, fraction_bits 1), -2 .. 3/2, 8 values",
                "domain of biases: grid (denominator 1, min -1, max 1), -1 .. 1, 3 values",
                "search space: 3^2 * 8^4 = 36864 parameter vectors",
                "loss: squared, aggregate sum",
                "threshold: 1/2",
                "expected: optimum 0")), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("domain: ")), r.out());
    }

    /**
     * Search spaces past 2^256 are given as a lower bound: 40 free 8-bit parameters are 256^40 = 2^320
     * vectors, printed as ">= 2^320"; with every parameter fixed there is one vector.
     */
    @Test
    void infoBoundsHugeSearchSpacesAndCountsAFullyFixedNetworkAsOne(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"format\": \"ermbit/1\", \"name\": \"big\", \"network\": {\"inputs\": 3, \"layers\": ["
                + "{\"units\": 10, \"activation\": \"identity\"}]}, \"parameters\": {\"domain\": \"fixed\", \"bits\": 8},"
                + " \"loss\": {\"type\": \"squared\"}, \"threshold\": 0,"
                + " \"data\": {\"inputs\": [[1, 2, 3]], \"targets\": [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]}}");
        CliRun r = CliRun.of("info", big.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\nsearch space: 256^40 >= 2^320 parameter vectors\n"), r.out());

        Path fixed = dir.resolve("fixed.json");
        Files.writeString(fixed, "{\"format\": \"ermbit/1\", \"name\": \"f\", \"network\": {\"inputs\": 1, \"layers\": ["
                + "{\"units\": 1, \"activation\": \"identity\"}]}, \"parameters\": {\"domain\": \"grid\", \"min\": -1, \"max\": 1},"
                + " \"fixed\": [{\"layer\": 1, \"unit\": 0, \"input\": 0, \"value\": \"1\"}, {\"layer\": 1, \"unit\": 0, \"bias\": true, \"value\": \"0\"}],"
                + " \"loss\": {\"type\": \"squared\"}, \"threshold\": 0, \"data\": {\"inputs\": [[1]], \"targets\": [[1]]}}");
        CliRun f = CliRun.of("info", fixed.toString());
        assertEquals(0, f.exit(), f.err());
        assertTrue(f.out().contains("\nparameters: 2 (0 free, 2 fixed)\n"), f.out());
        assertTrue(f.out().contains("\nsearch space: 1 parameter vector (every parameter is fixed)\n"), f.out());
    }

    @Test
    void infoNamesTheWitnessHeuristicsThatApply(@TempDir Path dir) throws IOException {
        // absolute loss: only the plain search (the projected ones need squared loss)
        String leaky = CliRun.of("info", ex("leaky-1-1-1-mean.json")).out();
        assertTrue(leaky.contains("witness search: plain (on by default"), leaky);
        // a rational domain has no common scale: no witness search at all
        Path f = dir.resolve("rational.json");
        Files.writeString(f, "{\"format\": \"ermbit/1\", \"name\": \"r\", \"network\": {\"inputs\": 1, \"layers\": ["
                + "{\"units\": 1, \"activation\": \"relu\"}, {\"units\": 1, \"activation\": \"identity\"}]},"
                + " \"parameters\": {\"domain\": \"rational\", \"bits\": 2}, \"loss\": {\"type\": \"squared\", \"aggregate\": \"sum\"},"
                + " \"threshold\": 0, \"data\": {\"inputs\": [[1]], \"targets\": [[1]]}}");
        CliRun r = CliRun.of("info", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("witness search: none (it needs fixed or grid domains"), r.out());
    }

    /** A description may hold any text; info prints it on one line (no line a line-splitting reader would see twice). */
    @Test
    void infoPrintsAMultiLineDescriptionOnOneLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("d.json");
        Files.writeString(f, "{\"format\": \"ermbit/1\", \"name\": \"d\", \"description\": \"first\\nroute: counting\\u2028third\\rend\","
                + " \"network\": {\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"identity\"}]},"
                + " \"parameters\": {\"domain\": \"grid\", \"min\": -1, \"max\": 1}, \"loss\": {\"type\": \"squared\"},"
                + " \"threshold\": 0, \"data\": {\"inputs\": [[1]], \"targets\": [[1]]}}");
        CliRun r = CliRun.of("info", f.toString());
        assertEquals(0, r.exit(), r.err());
        java.util.List<String> lines = java.util.List.of(r.out().split("[\n\r\u000B\u000C\u001C-\u001E\u0085\u2028\u2029]"));
        assertTrue(lines.contains("description: first route: counting third end"), r.out());
        assertEquals(java.util.List.of("route: NP"), lines.stream().filter(l -> l.startsWith("route:")).map(l -> l.substring(0, 9)).toList(), r.out());
    }

    @Test
    void infoLabelsPolynomialInstancesHonestly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("poly.json");
        Files.writeString(f, "{\"format\": \"ermbit/1\", \"name\": \"p\", \"network\": {\"inputs\": 1, \"layers\": ["
                + "{\"units\": 1, \"activation\": {\"type\": \"polynomial\", \"coefficients\": [0, 0, 1]}},"
                + " {\"units\": 1, \"activation\": \"identity\"}]}, \"parameters\": {\"domain\": \"grid\", \"min\": -1, \"max\": 1},"
                + " \"loss\": {\"type\": \"squared\"}, \"threshold\": 0, \"data\": {\"inputs\": [[2]], \"targets\": [[4]]}}");
        CliRun r = CliRun.of("info", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("route: counting (polynomial activation of degree 2"), r.out());
        assertTrue(r.out().contains("#P-hard as stated by the source paper"), r.out());
        // layer 1: |z| <= 1·1·2 + 1 = 3, h = z² <= 9 (4 + 1 bits); layer 2: 1·9 + 1 = 10 (4 + 1 bits)
        assertTrue(r.out().contains("bit-growth bound layer 1: at most 5 bits (|h| <= 9"), r.out());
        assertTrue(r.out().contains("bit-growth bound layer 2: at most 5 bits (|h| <= 10"), r.out());
    }

    /**
     * Seven t² layers: the bound has 33 digits at layer 6 (printed exactly) and 65 at layer 7 (printed as
     * the power of two it stays below); such lines were once tens of thousands of characters long. The
     * expected values follow the recursion of docs/CLI.md in the test: |x| <= 2, W = B = 1, fan-in 1,
     * M_z = W·M + B, h = z².
     */
    @Test
    void infoShowsHugeBoundsAsPowersOfTwo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("deep.json");
        String square = "{\"units\": 1, \"activation\": {\"type\": \"polynomial\", \"coefficients\": [0, 0, 1]}}, ";
        Files.writeString(f, "{\"format\": \"ermbit/1\", \"name\": \"deep\", \"network\": {\"inputs\": 1, \"layers\": ["
                + square.repeat(7) + "{\"units\": 1, \"activation\": \"identity\"}]}, \"parameters\": {\"domain\": \"grid\", \"min\": -1, \"max\": 1},"
                + " \"loss\": {\"type\": \"squared\"}, \"threshold\": 0, \"data\": {\"inputs\": [[2]], \"targets\": [[4]]}}");
        CliRun r = CliRun.of("info", f.toString());
        assertEquals(0, r.exit(), r.err());
        java.math.BigInteger m = java.math.BigInteger.TWO;
        List<Integer> digits = new java.util.ArrayList<>();
        for (int layer = 1; layer <= 7; layer++) {
            m = m.add(java.math.BigInteger.ONE).pow(2);
            digits.add(m.toString().length());
            String bound = m.toString().length() <= 40 ? "<= " + m : "< 2^" + m.bitLength();
            String line = "bit-growth bound layer " + layer + ": at most " + (m.bitLength() + 1) + " bits (|h| " + bound + ", denominator divides 1)";
            assertTrue(r.out().lines().anyMatch(line::equals), line + " in\n" + r.out());
        }
        assertEquals(List.of(1, 3, 5, 9, 17, 33, 65), digits);
        assertTrue(r.out().lines().filter(l -> l.startsWith("bit-growth")).allMatch(l -> l.length() < 160), r.out());
    }

    @Test
    void helpAndVersion() {
        for (String[] args : new String[][] {{"--help"}, {"verify", "--help"}, {"info", "--help"}, {"--version"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.out().isBlank());
        }
        assertTrue(CliRun.of("--help").out().contains("verify"));
        assertTrue(CliRun.of("--version").out().startsWith("ermbit "));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        for (String[] args : new String[][] {{}, {"verify"}, {"verify", "a.json"}, {"frobnicate"}, {"info", "--bogus", "x"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals(1, r.errLines().size(), r.err());
        }
    }
}
