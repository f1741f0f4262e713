package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ermbit.core.eval.Backprop;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ermbit reduce / check for sharp3sat-gradbit and posslp-gradsign, through Main.run. */
class CountingReductionsCliTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/counting/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * Bug fixed (session 23): reduce and check of sharp3sat-gradbit read a projected or weighted
     * question ('c t pmc', 'c t wmc') as a plain count, check reporting "agree" with the unprojected
     * count (3 here; projected on x1 it is 2). They refuse it like ermbit count, writing nothing.
     */
    @Test
    void aProjectedOrWeightedQuestionIsRefusedNotCountedPlainly() throws IOException {
        Path pmc = write("tpmc.cnf", "c t pmc\np cnf 2 1\n1 2 0\nc p show 1 0\n");
        Path wmc = write("twmc.cnf", "c t wmc\np cnf 2 1\nc p weight 1 0.3 0\n1 2 0\n");
        Path out = dir.resolve("x.json");
        for (Path f : List.of(pmc, wmc)) {
            String type = f == pmc ? "pmc" : "wmc";
            String reason = f + ": not supported: the file asks for '" + type + "' ('c t " + type
                    + "'); sharp3sat-gradbit encodes the plain model count ('c t mc': unweighted, unprojected)";
            CliRun reduce = CliRun.of("reduce", "sharp3sat-gradbit", f.toString(), "-o", out.toString());
            assertEquals(2, reduce.exit(), reduce.out());
            assertEquals("ermbit: " + reason, reduce.err().strip());
            assertFalse(Files.exists(out));
            CliRun check = CliRun.of("check", "sharp3sat-gradbit", f.toString());
            assertEquals(2, check.exit(), check.out());
            assertEquals("ermbit: " + reason, check.err().strip());
            assertEquals("", check.out());
        }
    }

    /** The reader's warnings (here: fewer clauses than declared) reach reduce's and check's output as c lines. */
    @Test
    void readerWarningsAreShown() throws IOException {
        Path f = write("short.cnf", "p cnf 2 2\n1 2 0\n");
        String warning = "c warning: " + f + ": the p-line declares 2 clauses but the file has 1; counted the clauses present";
        CliRun reduce = CliRun.of("reduce", "sharp3sat-gradbit", f.toString(), "-o", dir.resolve("s.json").toString());
        assertEquals(0, reduce.exit(), reduce.err());
        assertEquals(warning, reduce.out().lines().findFirst().orElseThrow());
        CliRun check = CliRun.of("check", "sharp3sat-gradbit", f.toString());
        assertEquals(0, check.exit(), check.err());
        assertEquals(warning, check.out().lines().findFirst().orElseThrow());
        assertTrue(check.out().contains(f + " source=3 target=3 agree"), check.out());
    }

    /** Bug fixed (session 23): an empty file name was "is a directory" without a name. */
    @Test
    void anEmptyFileNameIsSaidToBeOne() throws IOException {
        CliRun count = CliRun.of("count", "");
        assertEquals(2, count.exit());
        assertEquals("ermbit: empty file name, expected a DIMACS CNF file", count.err().strip());
        CliRun reduce = CliRun.of("reduce", "sharp3sat-gradbit", resource("mode0.cnf").toString(), "-o", "");
        assertEquals(2, reduce.exit());
        assertEquals("ermbit: --output: empty file name", reduce.err().strip());
    }

    @Test
    void reduceWritesAPolynomialInstanceWhoseGradientBitsHoldTheStatedCount() throws IOException {
        Path cnf = resource("mode0.cnf"); // stated count 3 (ganak)
        Path out = dir.resolve("I.json");
        CliRun r = CliRun.of("reduce", "sharp3sat-gradbit", cnf.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        Matcher m = Pattern.compile("bits \\[(\\d+), (\\d+)\\) of dL/dtheta at theta = 0 \\(theta = weight of layer (\\d+), unit 0, input 0").matcher(r.out());
        assertTrue(m.find(), r.out());
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        int layer = Integer.parseInt(m.group(3));
        // read the written file independently of the reduction's objects
        ErmInstance inst = InstanceReader.read(out);
        assertTrue(inst.architecture().layer(1).activation() instanceof Activation.Polynomial);
        assertFalse(inst.architecture().isPiecewiseLinear());
        Map<ParameterRef, Rational> fixed = new HashMap<>();
        for (FixedParameter f : inst.fixed()) fixed.put(f.ref(), f.value());
        ParameterRef theta = ParameterRef.weight(layer, 0, 0);
        assertFalse(fixed.containsKey(theta));
        assertEquals(inst.architecture().parameterCount() - 1, fixed.size()); // θ is the only trainable parameter
        NetworkParameters p = NetworkParameters.build(inst.architecture(), ref -> fixed.getOrDefault(ref, Rational.ZERO));
        Rational d = Backprop.gradient(inst, p).gradient().get(theta);
        BigInteger bits = d.numerator().shiftRight(from).and(BigInteger.ONE.shiftLeft(to - from).subtract(BigInteger.ONE));
        assertEquals(BigInteger.valueOf(3), bits);
    }

    @Test
    void checkAgreesOnSmallFormulasAndCountsZeroModels() throws IOException {
        Path a = resource("mode0.cnf"); // 3 models
        Path b = resource("test_unsat_1.cnf"); // 0 models
        Path c = write("three.cnf", "p cnf 3 2\n1 -2 3 0\n-1 2 0\n"); // hand count: 8 − 1 − 2 = 5
        CliRun r = CliRun.of("check", "sharp3sat-gradbit", a.toString(), b.toString(), c.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(a + " source=3 target=3 agree"), lines.get(0));
        assertTrue(lines.get(1).startsWith(b + " source=0 target=0 agree"), lines.get(1));
        assertTrue(lines.get(2).startsWith(c + " source=5 target=5 agree"), lines.get(2));
        assertEquals("3 passed, 0 failed", lines.get(3));
    }

    @Test
    void agreesWithTheIndependentlyStatedCountAtTheDefaultBudget() throws IOException {
        Path f = resource("test_sat_1.cnf"); // pycosat's test states 18 solutions; the gradient peaks at ~1.3 Mbit
        CliRun r = CliRun.of("check", "sharp3sat-gradbit", f.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith(f + " source=18 target=18 agree"), r.out());
    }

    @Test
    void overBudgetIsSkippedNeverAgreement() throws IOException {
        Path f = resource("test_sat_1.cnf"); // 18 models; N has ~700,000 bits
        CliRun r = CliRun.of("check", "sharp3sat-gradbit", "--max-bits", "5000", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains(f + " source=18 target=- skipped (needs ~"), r.out());
        assertTrue(r.out().contains("c 1 skipped"), r.out());
        assertTrue(r.out().strip().endsWith("0 passed, 0 failed"), r.out());
    }

    @Test
    void malformedInputIsOneLineExitTwo() throws IOException {
        Path bad = write("bad.cnf", "p cnf 2 1\n1 x 0\n");
        CliRun r = CliRun.of("check", "sharp3sat-gradbit", bad.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("bad.cnf"), r.err());
        CliRun r2 = CliRun.of("reduce", "sharp3sat-gradbit", bad.toString(), "-o", dir.resolve("x.json").toString());
        assertEquals(2, r2.exit());
        assertEquals(1, r2.errLines().size(), r2.err());
        Path badSlp = write("bad.slp", "1 = 0 + 0\n2 = 1 * 5\n");
        CliRun r3 = CliRun.of("check", "posslp-gradsign", badSlp.toString());
        assertEquals(2, r3.exit());
        assertEquals(1, r3.errLines().size(), r3.err());
        assertTrue(r3.err().contains("bad.slp") && r3.err().contains("line 2"), r3.err());
        CliRun r4 = CliRun.of("reduce", "sharp3sat-gradbit", dir.resolve("missing.cnf").toString(), "-o", "x.json");
        assertEquals(2, r4.exit());
        assertEquals(1, r4.errLines().size(), r4.err());
    }

    /** --max-bits at the inclusive end of its range (1 bit) runs, 0 is exit 2; --timeout takes decimal seconds > 0, as everywhere. */
    @Test
    void budgetAndTimeoutOptionsAreCheckedAtTheirLowerEnds() throws IOException {
        Path c = write("one.cnf", "p cnf 1 1\n1 0\n"); // 1 model
        CliRun oneBit = CliRun.of("check", "sharp3sat-gradbit", "--max-bits", "1", "--timeout", "0.5", c.toString());
        assertEquals(1, oneBit.exit(), oneBit.out() + oneBit.err());   // over a 1-bit budget: skipped, never agreement
        assertTrue(oneBit.out().startsWith(c + " source=1 target=- skipped"), oneBit.out());
        for (String[] bad : new String[][] {{"--max-bits", "0"}, {"--timeout", "0"}}) {
            CliRun r = CliRun.of("check", "sharp3sat-gradbit", bad[0], bad[1], c.toString());
            assertEquals(2, r.exit(), bad[0] + ": " + r.out() + r.err());
            assertEquals(bad[0].equals("--timeout") ? "ermbit: --timeout: must be positive, got 0" : "ermbit: --max-bits must be >= 1, got 0",
                    r.err().strip());
        }
        Path slp = write("one.slp", "1 = 0 + 0\n");
        CliRun slpZero = CliRun.of("check", "posslp-gradsign", "--max-bits", "0", slp.toString());
        assertEquals(2, slpZero.exit(), slpZero.out() + slpZero.err());
        assertEquals("ermbit: --max-bits must be >= 1, got 0", slpZero.err().strip());
        CliRun slpOne = CliRun.of("check", "posslp-gradsign", "--max-bits", "1", slp.toString());
        assertTrue(slpOne.exit() == 0 || slpOne.exit() == 1, slpOne.out() + slpOne.err());
        assertTrue(slpOne.out().startsWith(slp + " "), slpOne.out());
    }

    /**
     * Found by FuzzOtherInputsTest: small valid files whose reduced instance is past the ermbit/1 caps.
     * A 20-byte CNF declaring 10^7 variables made reduce and check run out of memory (exit 1); a
     * 1100-instruction SLP made check exit 2 with an error about its own internal file
     * ("<reduced posslp>: $.network.layers: …"). Now reduce refuses at once (exit 2, one line)
     * and check skips the file (exit 1, as every skipped file).
     */
    @Test
    void validInputsPastTheInstanceCapsAreRefusedByReduceAndSkippedByCheck() throws IOException {
        Path cnf = write("declared.cnf", "p cnf 10000000 1\n1 2 0\n");
        Path out = dir.resolve("big.json");
        CliRun r = CliRun.of("reduce", "sharp3sat-gradbit", cnf.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(List.of("ermbit: not supported: the reduced instance of " + cnf + " would have more than 1000 layers (at least 10000001:"
                + " one per digit of the largest subset-sum item) (ermbit/1 caps)"), r.errLines());
        assertFalse(Files.exists(out));
        Path small = write("small.cnf", "p cnf 2000 1\n1 2 0\n");
        CliRun c = CliRun.of("check", "sharp3sat-gradbit", small.toString(), "--timeout", "5");
        assertEquals(1, c.exit(), c.out() + c.err());
        assertTrue(c.out().startsWith(small + " source=" + java.math.BigInteger.valueOf(3).shiftLeft(1998) + " target=- skipped (needs more than 2^2000 bits"),
                c.out());
        assertEquals("", c.err());
        StringBuilder chain = new StringBuilder();
        for (int k = 1; k <= 1100; k++) chain.append(k).append(" = ").append(k - 1).append(" * 0\n");
        Path slp = write("chain.slp", chain.toString());
        CliRun s = CliRun.of("check", "posslp-gradsign", slp.toString());
        assertEquals(1, s.exit(), s.out() + s.err());
        assertEquals(slp + " source=positive target=- skipped (the reduced instance would be past the ermbit/1 caps: more than 1000 layers)",
                s.out().lines().findFirst().orElseThrow());
        assertEquals("", s.err());
        CliRun w = CliRun.of("reduce", "posslp-gradsign", slp.toString(), "-o", out.toString());
        assertEquals(2, w.exit(), w.out() + w.err());
        assertEquals(List.of("ermbit: not supported: the reduced instance of " + slp + " would have more than 1000 layers (ermbit/1 caps)"), w.errLines());
    }

    @Test
    void missingReductionNameIsAUsageError() {
        CliRun r = CliRun.of("reduce");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        CliRun c = CliRun.of("check", "no-such-reduction", "f");
        assertEquals(2, c.exit());
    }

    @Test
    void posSlpGradSignChecksSignsAndReduceWritesTheInstance() throws IOException {
        // 2 − 4 = −2 (negative), (2·2)·(2·2) − 1 = 15 (positive), 1 − 1 = 0 (zero)
        Path neg = write("neg.slp", "# v1 = 2\n1 = 0 + 0\n2 = v1 * v1\n3 = 1 - 2\n");
        Path pos = write("pos.slp", "1 = 0 + 0\n2 = 1 * 1\n3 = 2 * 2\n4 = 3 - 0\n");
        Path zero = write("zero.slp", "1 = 0 - 0\n");
        CliRun r = CliRun.of("check", "posslp-gradsign", neg.toString(), pos.toString(), zero.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(neg + " source=negative target=negative agree", lines.get(0));
        assertEquals(pos + " source=positive target=positive agree", lines.get(1));
        assertEquals(zero + " source=zero target=zero agree", lines.get(2));
        assertEquals("3 passed, 0 failed", lines.get(3));

        Path out = dir.resolve("neg.json");
        CliRun w = CliRun.of("reduce", "posslp-gradsign", neg.toString(), "-o", out.toString());
        assertEquals(0, w.exit(), w.err());
        ErmInstance inst = InstanceReader.read(out);
        Map<ParameterRef, Rational> fixed = new HashMap<>();
        for (FixedParameter f : inst.fixed()) fixed.put(f.ref(), f.value());
        ParameterRef theta = ParameterRef.weight(inst.architecture().depth(), 0, 0);
        NetworkParameters p = NetworkParameters.build(inst.architecture(), ref -> fixed.getOrDefault(ref, Rational.ZERO));
        assertEquals(Rational.of(-4), Backprop.gradient(inst, p).gradient().get(theta)); // 2V = −4
    }

    @Test
    void aProgramWhoseSizeBoundDoesNotFitALongIsSkippedAndStillReduced() throws IOException {
        // v1 = 2 squared 70 times: 2^(2^70), 2^70 + 1 bits
        StringBuilder text = new StringBuilder("1 = 0 + 0\n");
        for (int k = 2; k <= 71; k++) text.append(k).append(" = ").append(k - 1).append(" * ").append(k - 1).append('\n');
        Path tower = write("tower.slp", text.toString());
        CliRun c = CliRun.of("check", "posslp-gradsign", tower.toString());
        assertEquals(1, c.exit(), c.out() + c.err());
        assertTrue(c.out().contains(tower + " source=- target=- skipped (needs more bits than a long can count, budget"), c.out());
        CliRun r = CliRun.of("reduce", "posslp-gradsign", tower.toString(), "-o", dir.resolve("tower.json").toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("c the value's bit-length bound does not fit a long"), r.out());
    }
}
