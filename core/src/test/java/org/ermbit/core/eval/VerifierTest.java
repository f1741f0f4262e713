package org.ermbit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** The exact verifier on hand-checked cases. */
class VerifierTest {

    static Path resource(String name) {
        try {
            return Path.of(VerifierTest.class.getResource("/examples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Deep Learning book's XOR net outputs exactly 0, 1, 1, 0 (book Sec. 6.1), so its loss is 0. */
    @Test
    void xorBookNetVerifiesWithLossZero() {
        ErmInstance inst = InstanceReader.read(resource("xor-2-2-1.json"));
        NetworkParameters p = WitnessReader.read(resource("xor-2-2-1.witness.json")).parameters();
        Verifier.Verdict v = Verifier.verify(inst, p);
        assertTrue(v.accepted(), v.problems().toString());
        assertEquals(Rational.ZERO, v.loss());
        List<Rational> outputs = v.report().traces().stream().map(t -> t.output().get(0)).toList();
        assertEquals(List.of(Rational.ZERO, Rational.ONE, Rational.ONE, Rational.ZERO), outputs);
        // hidden pre-activations by hand: z = (x1 + x2, x1 + x2 - 1)
        assertEquals(List.of(Rational.of(2), Rational.ONE), v.report().traces().get(3).preActivations(1));
    }

    /** Output bias 1 instead of 0 shifts every output by 1: squared errors 1, 1, 1, 1, mean 1 > 0. */
    @Test
    void xorWithShiftedBiasIsRefutedWithLossOne() {
        ErmInstance inst = InstanceReader.read(resource("xor-2-2-1.json"));
        NetworkParameters p = Instances.params("[{\"weights\": [[1, 1], [1, 1]], \"biases\": [0, -1]},"
                + " {\"weights\": [[1, -2]], \"biases\": [1]}]");
        Verifier.Verdict v = Verifier.verify(inst, p);
        assertFalse(v.accepted());
        assertEquals(Rational.ONE, v.loss());
        assertEquals(1, v.problems().size());
    }

    /** Linear model w = 0, b = 1/2 on XOR read from CSV: outputs 1/2, MSE 1/4 (book Sec. 6.1). */
    @Test
    void bookLinearModelFromCsvHasMseOneQuarter() {
        ErmInstance inst = InstanceReader.read(resource("xor-linear-csv.json"));
        Verifier.Verdict v = Verifier.verify(inst, Instances.params("[{\"weights\": [[0, 0]], \"biases\": [\"1/2\"]}]"));
        assertTrue(v.accepted());
        assertEquals(Rational.of(1, 4), v.loss());
    }

    /**
     * Leaky ReLU (α = 1/10), mean aggregation: h = leaky(x), ŷ = h on x = −2, −1, 1, 2 with targets
     * 0, 0, 1, 2 gives outputs −1/5, −1/10, 1, 2, absolute errors 1/5, 1/10, 0, 0, mean 3/40.
     */
    @Test
    void leakyReluMeanAbsolute() {
        ErmInstance inst = Instances.of(
                "{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": {\"type\": \"leaky_relu\", \"alpha\": \"1/10\"}},"
                        + " {\"units\": 1, \"activation\": \"identity\"}]}",
                "{\"domain\": \"grid\", \"denominator\": 2, \"min\": -2, \"max\": 2}",
                "{\"type\": \"absolute\", \"aggregate\": \"mean\"}", "\"3/40\"",
                "{\"inputs\": [[-2], [-1], [1], [2]], \"targets\": [[0], [0], [1], [2]]}");
        NetworkParameters p = Instances.params("[{\"weights\": [[1]], \"biases\": [0]}, {\"weights\": [[1]], \"biases\": [0]}]");
        Verifier.Verdict v = Verifier.verify(inst, p);
        assertEquals(Rational.of(3, 40), v.loss());
        assertTrue(v.accepted());
        // 1/2 is in the grid k/2, 1/3 is not; 3/2 is, 5/4 is not
        NetworkParameters off = Instances.params("[{\"weights\": [[\"1/3\"]], \"biases\": [0]}, {\"weights\": [[\"5/4\"]], \"biases\": [\"1/2\"]}]");
        List<String> problems = Verifier.domainProblems(inst, off);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("w[1][0][0] = 1/3"), problems.get(0));
        assertTrue(problems.get(1).startsWith("w[2][0][0] = 5/4"), problems.get(1));
    }

    /**
     * Separate domains: weights fixed point k/2 in [−2, 3/2], biases integers in [−1, 1]; the output
     * layer is fixed to h1 − h2 with value 1, −1, 0. A bias of 1/2 is outside the bias domain although
     * it lies in the weight domain; a weight of 1 on the fixed output is fine, −2 for a fixed 1 is not.
     */
    @Test
    void separateBiasDomainAndFixedParameters() {
        String json = "{\"format\": \"ermbit/1\", \"name\": \"b\", \"network\": {\"inputs\": 2, \"layers\": ["
                + "{\"units\": 2, \"activation\": \"relu\"}, {\"units\": 1, \"activation\": \"identity\"}]},"
                + "\"parameters\": {\"weights\": {\"domain\": \"fixed\", \"bits\": 3, \"fraction_bits\": 1},"
                + " \"biases\": {\"domain\": \"grid\", \"min\": -1, \"max\": 1}},"
                + "\"fixed\": [{\"layer\": 2, \"unit\": 0, \"input\": 0, \"value\": 1}, {\"layer\": 2, \"unit\": 0, \"input\": 1, \"value\": \"-1\"},"
                + " {\"layer\": 2, \"unit\": 0, \"bias\": true, \"value\": \"0\"}],"
                + "\"loss\": {\"type\": \"squared\"}, \"threshold\": 0,"
                + "\"data\": {\"inputs\": [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]], \"targets\": [[0], [\"3/2\"], [-1], [\"1/2\"], [1]]}}";
        ErmInstance inst = Instances.parse(json);
        // h1 = relu(1 + x1/2 - x2), h2 = relu(1 - 2 x1), y = h1 - h2: by hand 0, 3/2, -1, 1/2, 1 -> loss 0
        NetworkParameters good = Instances.params("[{\"weights\": [[\"1/2\", -1], [-2, 0]], \"biases\": [1, 1]},"
                + " {\"weights\": [[1, -1]], \"biases\": [0]}]");
        Verifier.Verdict v = Verifier.verify(inst, good);
        assertTrue(v.accepted(), v.problems().toString());
        assertEquals(Rational.ZERO, v.loss());
        NetworkParameters bad = Instances.params("[{\"weights\": [[\"1/2\", -1], [-2, 0]], \"biases\": [\"1/2\", 1]},"
                + " {\"weights\": [[-2, -1]], \"biases\": [0]}]");
        List<Verifier.DomainViolation> vs = Verifier.domainViolations(inst, bad);
        assertEquals(2, vs.size());
        assertEquals("b[1][0]", vs.get(0).ref().toString());
        assertEquals("w[2][0][0]", vs.get(1).ref().toString());
        assertTrue(vs.get(1).message().contains("fixed to 1"));
    }

    /**
     * Decimals and fraction strings in data: hardtanh(3/4·x) on x = 1/2, −3/4, 5/4, 2, −1/10 gives
     * 3/8, −9/16, 15/16, 1 (clipped), −3/40; targets 1/3, −5/8, 7/8, 1, −1/40. Errors 1/24, 1/16,
     * 1/16, 0, −1/20; squares 1/576, 1/256, 1/256, 0, 1/400; sum 347/28800; mean 347/144000.
     */
    @Test
    void decimalsAndFractionStringsAreExact() {
        ErmInstance inst = Instances.of("{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"hardtanh\"}]}",
                "{\"domain\": \"fixed\", \"bits\": 4, \"fraction_bits\": 2}", "{\"type\": \"squared\", \"aggregate\": \"mean\"}",
                "0.0625", "{\"inputs\": [[0.5], [\"-3/4\"], [\"1.25\"], [2], [-0.1]],"
                        + " \"targets\": [[\"1/3\"], [-0.625], [\"7/8\"], [1], [\"-25e-3\"]]}");
        Verifier.Verdict v = Verifier.verify(inst, Instances.params("[{\"weights\": [[0.75]], \"biases\": [0]}]"));
        assertEquals(Rational.of(347, 144000), v.loss());
        assertTrue(v.accepted());
        assertEquals(Rational.of(1, 16), inst.threshold());
    }

    /**
     * A loss exactly at the threshold is accepted (≤, DESIGN §1), one 1/1000 above it is not: the
     * book's linear model has MSE exactly 1/4 on XOR.
     */
    @Test
    void lossExactlyAtTheThresholdIsAccepted() {
        String net = "{\"inputs\": 2, \"layers\": [{\"units\": 1, \"activation\": \"identity\"}]}";
        String dom = "{\"domain\": \"fixed\", \"bits\": 4, \"fraction_bits\": 1}";
        String data = "{\"inputs\": [[0, 0], [0, 1], [1, 0], [1, 1]], \"targets\": [[0], [1], [1], [0]]}";
        NetworkParameters half = Instances.params("[{\"weights\": [[0, 0]], \"biases\": [\"1/2\"]}]");
        Verifier.Verdict at = Verifier.verify(Instances.of(net, dom, "{\"type\": \"squared\", \"aggregate\": \"mean\"}", "\"1/4\"", data), half);
        assertTrue(at.accepted(), at.problems().toString());
        Verifier.Verdict below = Verifier.verify(Instances.of(net, dom, "{\"type\": \"squared\", \"aggregate\": \"mean\"}", "\"249/1000\"", data), half);
        assertFalse(below.accepted());
        assertEquals(List.of("loss 1/4 exceeds the threshold 249/1000"), below.problems());
    }

    /** A witness of the wrong shape is refused before anything is evaluated, naming the first mismatch. */
    @Test
    void witnessShapeMismatchesAreNamed() {
        ErmInstance inst = InstanceReader.read(resource("xor-2-2-1.json"));
        Verifier.Verdict layers = Verifier.verify(inst, Instances.params("[{\"weights\": [[1, 1], [1, 1]], \"biases\": [0, -1]}]"));
        assertFalse(layers.accepted());
        assertEquals(List.of("witness has 1 layer, the network has 2"), layers.problems());
        Verifier.Verdict units = Verifier.verify(inst, Instances.params("[{\"weights\": [[1, 1]], \"biases\": [0]},"
                + " {\"weights\": [[1, -2]], \"biases\": [0]}]"));
        assertEquals(List.of("witness layers[0] has 1 units, the network has 2"), units.problems());
        Verifier.Verdict row = Verifier.verify(inst, Instances.params("[{\"weights\": [[1, 1], [1, 1]], \"biases\": [0, -1]},"
                + " {\"weights\": [[1, -2, 3]], \"biases\": [0]}]"));
        assertEquals(List.of("witness layers[1].weights[0] has 3 entries, expected 2"), row.problems());
        org.junit.jupiter.api.Assertions.assertNull(Instances.params("[{\"weights\": [[1, 1], [1, 1]], \"biases\": [0, -1]},"
                + " {\"weights\": [[1, -2]], \"biases\": [0]}]").shapeMismatch(inst.architecture()), "the book's XOR net has the right shape");
    }

    /** Domain descriptions as they appear in the verifier's messages. */
    @Test
    void domainDescriptions() {
        assertEquals("fixed (bits 4, fraction_bits 1)", Verifier.describe(new org.ermbit.core.model.Domain.FixedPoint(4, 1)));
        assertEquals("grid (denominator 3, min -2, max 4)", Verifier.describe(new org.ermbit.core.model.Domain.Grid(
                java.math.BigInteger.valueOf(3), java.math.BigInteger.valueOf(-2), java.math.BigInteger.valueOf(4))));
        assertEquals("rational (bits 2)", Verifier.describe(new org.ermbit.core.model.Domain.RationalBits(2)));
    }

    /** Grid domain membership by hand: k/3 for k in −2..4. */
    @Test
    void gridDomainMembership() {
        ErmInstance inst = Instances.of("{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"identity\"}]}",
                "{\"domain\": \"grid\", \"denominator\": 3, \"min\": -2, \"max\": 4}", "{\"type\": \"absolute\"}", "10",
                "{\"inputs\": [[1]], \"targets\": [[0]]}");
        assertTrue(Verifier.domainProblems(inst, Instances.params("[{\"weights\": [[\"4/3\"]], \"biases\": [\"-2/3\"]}]")).isEmpty());
        assertEquals(2, Verifier.domainProblems(inst, Instances.params("[{\"weights\": [[\"5/3\"]], \"biases\": [\"-1\"]}]")).size());
        assertEquals(1, Verifier.domainProblems(inst, Instances.params("[{\"weights\": [[\"1/2\"]], \"biases\": [0]}]")).size());
    }

    /** A polynomial net whose exact values would pass the bit budget stops with BitBudgetExceeded. */
    @Test
    void bitBudgetStopsRunawayPolynomials() {
        StringBuilder layers = new StringBuilder();
        for (int l = 0; l < 8; l++) {
            layers.append("{\"units\": 1, \"activation\": {\"type\": \"polynomial\", \"coefficients\": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]}},");
        }
        layers.append("{\"units\": 1, \"activation\": \"identity\"}");
        ErmInstance inst = Instances.of("{\"inputs\": 1, \"layers\": [" + layers + "]}",
                "{\"domain\": \"fixed\", \"bits\": 4}", "{\"type\": \"squared\"}", "0", "{\"inputs\": [[3]], \"targets\": [[0]]}");
        NetworkParameters p = NetworkParameters.build(inst.architecture(), r -> r.isBias() ? Rational.ZERO : Rational.ONE);
        org.junit.jupiter.api.Assertions.assertThrows(ForwardPass.BitBudgetExceeded.class, () -> Verifier.verify(inst, p));
    }
}
