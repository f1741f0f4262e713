package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Domain;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import org.ermbit.bench.generate.TeacherGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DESIGN §9 contracts of {@code ermbit solve} and {@code ermbit optimize}, run in-process on the
 * shipped examples: exit codes 10/20/0 and 30/10/0, exactly one {@code s} line, every other line a
 * {@code c} (or {@code o}) line, optima equal to instances/MANIFEST (an independent brute force),
 * witness files that {@code verify} accepts, JSON output, and one-line usage errors that start no
 * solve.
 */
class SolveCommandTest {

    private static final Path INSTANCES = Path.of("..", "instances");

    static String ex(String name) {
        return VerifyAndInfoTest.ex(name);
    }

    /** instances/examples/xor-2-2-1.json with {@code from} (which must occur) replaced by {@code to}. */
    static String xorWith(String from, String to) throws IOException {
        String text = Files.readString(Path.of(ex("xor-2-2-1.json")));
        assertTrue(text.contains(from), from);
        return text.replace(from, to);
    }

    /** The single {@code s} line of a run; fails unless every other non-empty line is a comment (or {@code o} line). */
    static String statusLine(CliRun r) {
        List<String> s = new ArrayList<>();
        for (String line : r.out().lines().filter(l -> !l.isEmpty()).toList()) {
            if (line.startsWith("s ")) s.add(line);
            else assertTrue(line.startsWith("c ") || line.startsWith("o "), "not a protocol line: " + line);
        }
        assertEquals(1, s.size(), r.out());
        return s.get(0);
    }

    @Test
    void satisfiableXorWritesAWitnessThatVerifyAccepts(@TempDir Path dir) {
        Path w = dir.resolve("w.json");
        CliRun r = CliRun.of("solve", ex("xor-2-2-1.json"), "--witness", w.toString());
        assertEquals(10, r.exit(), r.err());
        assertEquals("s SATISFIABLE", statusLine(r));
        assertTrue(r.out().contains("c instance xor-2-2-1: 2 inputs, 2 layers, 4 data points, squared loss (mean)"), r.out());
        assertTrue(r.out().contains("c loss 0\n"), r.out());
        assertEquals("", r.err());
        CliRun v = CliRun.of("verify", ex("xor-2-2-1.json"), w.toString());
        assertEquals(0, v.exit(), v.out() + v.err());
        assertEquals("s VERIFIED", statusLine(v));
    }

    /** leaky-1-1-1-mean: optimum 3/40 (MANIFEST, brute force) above its threshold 1/20. */
    @Test
    void unsatisfiableInstanceSaysItIsAboutTheFiniteDomain() {
        CliRun r = CliRun.of("solve", ex("leaky-1-1-1-mean.json"));
        assertEquals(20, r.exit(), r.err());
        assertEquals("s UNSATISFIABLE", statusLine(r));
        assertTrue(r.out().contains("c instance leaky-1-1-1-mean: 1 input, 2 layers"), r.out());
        assertTrue(r.out().contains("no parameter vector in this finite domain has loss <= 1/20"), r.out());
        assertTrue(r.out().contains("c proved by sat4j"), r.out());
    }

    /** A negative threshold: no loss reaches it, with the local search running next to the solver. */
    @Test
    void negativeThresholdIsUnsatisfiableWithTheLocalSearchOn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("neg.json");
        Files.writeString(f, xorWith("\"threshold\": \"0\"", "\"threshold\": \"-1\""));
        CliRun r = CliRun.of("solve", f.toString());
        assertEquals(20, r.exit(), r.out());
        assertEquals("s UNSATISFIABLE", statusLine(r));
        // no backend is asked: every loss is at least 0 (sat4j could spend its whole timeout on huge data)
        assertTrue(r.out().contains("c proved by every loss is non-negative (the threshold is negative)"), r.out());
        // a comparison baseline still answers for itself
        CliRun baseline = CliRun.of("solve", f.toString(), "--solver", "enumerate");
        assertEquals(20, baseline.exit(), baseline.out());
        assertTrue(baseline.out().contains("c proved by enumerate"), baseline.out());
    }

    static Stream<String[]> examples() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(INSTANCES.resolve("MANIFEST"))) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 4 && f[1].equals("examples")) rows.add(new String[] {f[0], f[3].substring("optimum=".length())});
        }
        assertFalse(rows.isEmpty());
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void optimizeProvesTheManifestOptimumWithDecreasingImprovements(String file, String optimum) {
        CliRun r = CliRun.of("optimize", INSTANCES.resolve(file).toString());
        assertEquals(30, r.exit(), r.out() + r.err());
        assertEquals("s OPTIMUM FOUND", statusLine(r));
        assertTrue(r.out().contains("\nc optimum " + optimum + "\n"), r.out());
        List<Rational> improvements = r.out().lines().filter(l -> l.startsWith("o ")).map(l -> RationalParser.parse(l.substring(2))).toList();
        assertFalse(improvements.isEmpty(), r.out());
        for (int i = 1; i < improvements.size(); i++) assertTrue(improvements.get(i).compareTo(improvements.get(i - 1)) < 0, r.out());
        assertEquals(RationalParser.parse(optimum), improvements.get(improvements.size() - 1));
    }

    @Test
    void jsonOutputIsOneObjectWithStatusAndExactLoss() throws IOException {
        CliRun r = CliRun.of("optimize", ex("leaky-1-1-1-mean.json"), "--json");
        assertEquals(30, r.exit(), r.err());
        assertEquals(1, r.out().lines().filter(l -> !l.isBlank()).count(), r.out());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("OPTIMUM FOUND", o.get("status").asText());
        assertEquals("3/40", o.get("loss").asText());
        assertEquals(2, o.get("witness").get("layers").size());
        // sat4j proves the optimum with a DRUP proof of "loss < 3/40", checked by ermbit; its size depends on the race
        assertEquals("DRUP", o.get("certificate").get("format").asText(), r.out());
        assertTrue(o.get("certificate").get("summary").asText().matches(
                "DRUP proof of its PB constraints checked: ([0-9]+ lemmas?|the [0-9]+ of [0-9]+ lemmas? the refutation uses)"), r.out());
    }

    /** A refutation by a certifying backend carries its checked proof in the JSON object, as in the prover line. */
    @Test
    void jsonOutputCarriesTheCheckedCertificate() throws IOException {
        CliRun r = CliRun.of("solve", INSTANCES.resolve("parity/parity-k2-h1-b3.json").toString(), "--solver", "logicng", "--json");
        assertEquals(20, r.exit(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("UNSATISFIABLE", o.get("status").asText());
        assertEquals("DRAT", o.get("certificate").get("format").asText());
        String summary = o.get("certificate").get("summary").asText();
        assertTrue(summary.matches("DRAT proof of its CNF checked: [1-9][0-9]* lemmas?"), summary);
        assertEquals("logicng 2.6.0 (" + summary + ")", o.get("provenance").get(0).asText());
    }

    /** A planted 3-16-1 teacher is far beyond one second for Sat4j alone: UNKNOWN, exit 0, with a reason. */
    @Test
    void timeoutGivesUnknownWithAReason(@TempDir Path dir) {
        var g = TeacherGenerator.generate(new TeacherGenerator.Spec("planted", 3, 16, new Activation.Relu(), new Domain.FixedPoint(4, 0),
                50, 3, 0, 1));
        Path f = dir.resolve("planted.json");
        InstanceWriter.write(g.instance(), f);
        CliRun r = CliRun.of("solve", f.toString(), "--timeout", "1", "--no-local-search");
        assertEquals(0, r.exit(), r.err());
        assertEquals("s UNKNOWN", statusLine(r));
        // the deadline may fall in the search or, on a loaded machine, while the model is still being lowered
        assertTrue(r.out().lines().anyMatch(l -> l.matches("c reason: sat4j: UNKNOWN \\(timeout( while lowering the model for the backend)?\\)")), r.out());
    }

    /**
     * The tangent-cut loop stops at the deadline: smtinterpol needs far more than a second to prove
     * tls-b6's optimum (it does not prove tls-b3's in 60 s), so optimize ends unproved, with the
     * timeout as the reason, and no exception.
     */
    @Test
    void tangentCutRefinementStopsAtTheTimeout() {
        CliRun r = CliRun.of("optimize", INSTANCES.resolve("realram/tls-b6.json").toString(), "--solver", "smtinterpol",
                "--no-local-search", "--squares", "cuts", "--timeout", "1");
        assertTrue(r.exit() == 10 || r.exit() == 0, r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("timeout"), r.out());
    }

    /** A 2-bit rational domain: y = −x/3 + 1/2 for x ≥ 0 and 1/2 for x &lt; 0 is relu(x)·(−1/3) + 1/2 (hand). */
    @Test
    void rationalDomainsAreSolvedWithFractionalWeights(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("third.json");
        Files.writeString(f, "{\"format\": \"ermbit/1\", \"name\": \"third\", \"network\": {\"inputs\": 1, \"layers\": ["
                + "{\"units\": 1, \"activation\": \"relu\"}, {\"units\": 1, \"activation\": \"identity\"}]},"
                + " \"parameters\": {\"domain\": \"rational\", \"bits\": 2}, \"loss\": {\"type\": \"squared\", \"aggregate\": \"sum\"},"
                + " \"threshold\": 0, \"data\": {\"inputs\": [[3], [6], [-3]], \"targets\": [[\"-1/2\"], [\"-3/2\"], [\"1/2\"]]}}");
        Path w = dir.resolve("w.json");
        CliRun r = CliRun.of("solve", f.toString(), "--no-local-search", "--witness", w.toString());
        assertEquals(10, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("c loss 0\n"), r.out());
        assertEquals(0, CliRun.of("verify", f.toString(), w.toString()).exit());
        // integer parameters give integer outputs on these integer inputs, and the targets are not integers
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("c layer") && l.contains("/")), r.out());
    }

    /** A 64-bit fixed-point domain is past the local search's reach: it stays out, and nothing is printed on stderr. */
    @Test
    void hugeDomainsKeepTheLocalSearchOutQuietly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("wide.json");
        Files.writeString(f, xorWith("\"parameters\": {\"domain\": \"grid\", \"denominator\": 1, \"min\": -2, \"max\": 1}",
                "\"parameters\": {\"domain\": \"fixed\", \"bits\": 64}"));
        CliRun r = CliRun.of("solve", f.toString(), "--timeout", "2");
        assertTrue(r.exit() == 10 || r.exit() == 0, r.out() + r.err());
        assertEquals("", r.err());
    }

    /** A leaky slope of 1e-9999 would need 33,000-bit integers: refused as not supported (it used to run out of memory). */
    @Test
    void absurdScalesAreUnknownWithAReason(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("slope.json");
        Files.writeString(f, xorWith("{\"units\": 2, \"activation\": \"relu\"}",
                "{\"units\": 2, \"activation\": {\"type\": \"leaky_relu\", \"alpha\": \"1e-9999\"}}"));
        CliRun r = CliRun.of("solve", f.toString(), "--timeout", "5");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("s UNKNOWN", statusLine(r));
        assertTrue(r.out().contains("c reason: not supported: the exact integers of this instance need"), r.out());
    }

    @Test
    void unwritableWitnessPathsAreUsageErrorsBeforeAnySolve(@TempDir Path dir) {
        for (String bad : new String[] {dir.resolve("missing").resolve("w.json").toString(), dir.toString()}) {
            CliRun r = CliRun.of("solve", ex("xor-2-2-1.json"), "--witness", bad);
            assertEquals(2, r.exit(), r.out());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("ermbit: --witness: "), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void crossCheckRefinementPortfolioAndSymmetryOptionsReachThePipeline() {
        CliRun checked = CliRun.of("solve", ex("leaky-1-1-1-mean.json"), "--cross-check", "sat4j");
        assertEquals(20, checked.exit(), checked.err());
        assertTrue(checked.out().contains("(confirmed)"), checked.out());
        // iris-12 has 12 points: refinement decides on a growing subset and says so
        CliRun refined = CliRun.of("solve", ex("iris-12.json"), "--refine");
        assertEquals(10, refined.exit(), refined.err());
        assertTrue(refined.out().contains("data refinement: round"), refined.out());
        CliRun portfolio = CliRun.of("solve", ex("xor-2-2-1.json"), "--solver", "portfolio");
        assertEquals(10, portfolio.exit(), portfolio.err());
        // XOR's two hidden units are interchangeable: symmetry breaking adds variables, --no-symmetry-breaking drops them
        String with = encodingLine(CliRun.of("solve", ex("xor-2-2-1.json")));
        String without = encodingLine(CliRun.of("solve", ex("xor-2-2-1.json"), "--no-symmetry-breaking"));
        assertFalse(with.equals(without), with);
    }

    /**
     * The optimum's "proved by" line names the prover and every cross-check, and not the backend that only
     * found the witness (it named only the last cross-check before).
     */
    @Test
    void theProvedByLineOfAnOptimumNamesTheProverAndEveryCrossCheck() {
        CliRun r = CliRun.of("optimize", ex("leaky-1-1-1-mean.json"), "--cross-check", "z3,smtinterpol");
        assertEquals(30, r.exit(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("c no parameter vector")).findFirst().orElseThrow();
        assertTrue(line.contains("(proved by sat4j "), line);
        assertTrue(line.contains("; z3 ") && line.contains("; smtinterpol "), line);
        assertEquals(2, line.split("\\(confirmed\\)", -1).length - 1, line);
        assertFalse(line.contains("local search"), line);
        // without the local search, sat4j finds the witness and proves it: one entry
        CliRun alone = CliRun.of("optimize", ex("leaky-1-1-1-mean.json"), "--no-local-search");
        assertEquals(30, alone.exit(), alone.err());
        String solvedBy = alone.out().lines().filter(l -> l.startsWith("c solved by ")).findFirst().orElseThrow();
        assertTrue(alone.out().contains("smaller loss (proved by " + solvedBy.substring("c solved by ".length()) + ")"), alone.out());
    }

    private static String encodingLine(CliRun r) {
        assertEquals(10, r.exit(), r.err());
        return r.out().lines().filter(l -> l.startsWith("c encoding ")).findFirst().orElseThrow();
    }

    @Test
    void seedsAreLongIntegers() {
        assertEquals(-9_223_372_036_854_775_808L, SolverOptions.parseSeed("-9223372036854775808"));
        assertEquals(42, SolverOptions.parseSeed(" 42 "));
        for (String bad : new String[] {"9223372036854775808", "1.5", "abc", ""}) {
            CliRun r = CliRun.of("solve", ex("xor-2-2-1.json"), "--seed", bad);
            assertEquals(2, r.exit(), bad + ": " + r.out() + r.err());
            assertEquals("ermbit: --seed: '" + bad + "' is not an integer between -9223372036854775808 and 9223372036854775807", r.err().strip());
        }
        CliRun r = CliRun.of("solve", ex("xor-2-2-1.json"), "--seed", "7");
        assertEquals(10, r.exit(), r.err());
    }

    @Test
    void timeoutsAreExactSecondsRoundedUpToMilliseconds() {
        assertEquals(java.time.Duration.ofMillis(1), SolverOptions.parseTimeout("0.0001"));
        assertEquals(java.time.Duration.ofMillis(1500), SolverOptions.parseTimeout("1.5"));
        assertEquals(java.time.Duration.ofSeconds(10_000_000), SolverOptions.parseTimeout("10000000"));
        for (String bad : new String[] {"0", "0.0", "-0.5", "10000000.001", "1e400", "abc", ""}) {
            CliRun r = CliRun.of("solve", ex("xor-2-2-1.json"), "--timeout", bad);
            assertEquals(2, r.exit(), bad + ": " + r.out() + r.err());
            assertTrue(r.err().startsWith("ermbit: --timeout"), bad + ": " + r.err());
        }
    }

    /** /dev/full passes the up-front check and then fails every write: the answer is still printed in full, exit 1. */
    @Test
    void aWitnessWriteThatFailsAfterSolvingKeepsTheAnswerAndExitsOne() {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full (Linux)");
        CliRun r = CliRun.of("solve", ex("xor-2-2-1.json"), "--witness", "/dev/full");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("s SATISFIABLE", statusLine(r));
        assertTrue(r.out().contains("c layer 1 weights"), r.out());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("/dev/full") && r.err().contains("the answer is printed"), r.err());
    }

    /** Both squared-loss paths on a backend that gets cuts by default and on one that does not: the MANIFEST optimum. */
    @Test
    void everySquaresChoiceProvesTheSameOptimum() {
        for (String solver : new String[] {"sat4j", "smtinterpol"}) {
            for (String squares : new String[] {"auto", "products", "cuts"}) {
                CliRun r = CliRun.of("optimize", ex("decimals-fractions.json"), "--solver", solver, "--no-local-search", "--squares", squares);
                assertEquals(30, r.exit(), solver + " " + squares + ": " + r.out() + r.err());
                assertTrue(r.out().contains("\nc optimum 347/144000\n"), r.out());
            }
        }
        assertEquals(org.ermbit.solvers.pipeline.SquaredLossPath.TANGENT_CUTS, SolverOptions.parseSquares("cuts"));
        assertEquals(org.ermbit.solvers.pipeline.SquaredLossPath.PRODUCTS, SolverOptions.parseSquares("products"));
    }

    /**
     * Option errors name the option (docs/CLI.md, "Exit codes"). --cross-check takes backend ids only:
     * it used to answer "unknown solver 'portfolio' (known: …, portfolio, …)", rejecting a name its own
     * list called known.
     */
    @Test
    void unknownSolverIdsNameTheirOption() {
        CliRun solver = CliRun.of("solve", ex("xor-2-2-1.json"), "--solver", "no-such");
        assertEquals(2, solver.exit());
        assertEquals(1, solver.errLines().size(), solver.err());
        assertTrue(solver.err().startsWith("ermbit: --solver: unknown solver 'no-such'"), solver.err());
        for (String notABackend : List.of("portfolio", "enumerate", "z3-naive", "no-such")) {
            CliRun r = CliRun.of("optimize", ex("xor-2-2-1.json"), "--cross-check", notABackend);
            assertEquals(2, r.exit(), notABackend + ": " + r.out() + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("ermbit: --cross-check: unknown backend '" + notABackend + "'"), r.err());
            String known = r.err().substring(r.err().indexOf("backend ids:"));
            assertTrue(known.contains("sat4j") && !known.contains(notABackend), r.err());
            assertEquals("", r.out());
        }
        CliRun check = CliRun.of("check", "3sat-relu", "--solver", "no-such", Path.of("src", "test", "resources", "satlib", "uf20-01.cnf").toString());
        assertEquals(2, check.exit(), check.err());
        assertTrue(check.err().startsWith("ermbit: --solver: unknown solver 'no-such'"), check.err());
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        CliRun unknown = CliRun.of("solve", ex("xor-2-2-1.json"), "--solver", "no-such");
        assertEquals(2, unknown.exit());
        assertEquals(1, unknown.errLines().size(), unknown.err());
        assertTrue(unknown.err().contains("unknown solver 'no-such'") && unknown.err().contains("portfolio")
                && unknown.err().contains("enumerate"), unknown.err());
        for (String[] args : new String[][] {{"--timeout", "abc"}, {"--timeout", "-1"}, {"--real", "--json"}, {"--real", "--solver", "z3"},
            {"--squares", "bits"}, {"--squares", "CUTS"}, {"--squares", ""}, {"--real", "--squares", "cuts"},
            {"--solver", "x\ns SATISFIABLE"}, {"--solver", "x\u2028s SATISFIABLE"}, {"--squares", "a\rb"}, {"--timeout", "1\u001e2"}}) {
            List<String> a = new ArrayList<>(List.of("solve", ex("xor-2-2-1.json")));
            a.addAll(List.of(args));
            CliRun r = CliRun.of(a.toArray(new String[0]));
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.out() + r.err());
            assertEquals(1, r.errLines().size(), r.err());
        }
    }
}
