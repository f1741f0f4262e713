package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link InstanceReader} against docs/FORMAT.md: what is accepted (and read as which values), and
 * what is refused with which JSON path and reason. Instances are small variations of one valid
 * 2-2-1 instance, so each case differs from a valid file in exactly the part under test.
 */
class InstanceReaderTest {

    private static final String NETWORK = "{\"inputs\": 2, \"layers\": [{\"units\": 2, \"activation\": \"relu\"},"
            + " {\"units\": 1, \"activation\": \"identity\"}]}";
    /** 2^64 − 1: the largest magnitude with 64 bits. */
    private static final BigInteger MAX64 = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    /** A valid instance; {@link #with} replaces or adds a top-level key, {@link #without} drops one. */
    static final class Doc {
        final Map<String, String> keys = new LinkedHashMap<>();

        Doc() {
            keys.put("format", "\"ermbit/1\"");
            keys.put("name", "\"t\"");
            keys.put("network", NETWORK);
            keys.put("parameters", "{\"domain\": \"fixed\", \"bits\": 4}");
            keys.put("loss", "{\"type\": \"squared\"}");
            keys.put("threshold", "\"0\"");
            keys.put("data", "{\"inputs\": [[0, 0], [1, 1]], \"targets\": [[0], [1]]}");
        }

        Doc with(String key, String rawJson) {
            keys.put(key, rawJson);
            return this;
        }

        Doc without(String key) {
            keys.remove(key);
            return this;
        }

        String json() {
            StringBuilder sb = new StringBuilder("{");
            keys.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
            return sb.append('}').toString();
        }

        ErmInstance read() {
            return InstanceReader.parse(json(), "i.json", Path.of("."));
        }
    }

    static Doc doc() {
        return new Doc();
    }

    static Doc activation(String rawActivation) {
        return doc().with("network", "{\"inputs\": 2, \"layers\": [{\"units\": 1, \"activation\": " + rawActivation + "}]}")
                .with("data", "{\"inputs\": [[0, 0]], \"targets\": [[0]]}");
    }

    static Doc parameters(String rawParameters) {
        return doc().with("parameters", rawParameters);
    }

    static Doc fixed(String rawFixedEntry) {
        return doc().with("fixed", "[" + rawFixedEntry + "]");
    }

    static Arguments bad(Doc d, String location, String messagePart) {
        return Arguments.of(d.json(), location, messagePart);
    }

    static Stream<Arguments> badInstances() {
        String pad40 = "x".repeat(40);
        return Stream.of(
                // unknown keys everywhere (FORMAT.md: unknown keys are errors), with a hint within edit distance 2
                bad(doc().with("nmae", "\"x\""), "$", "unknown key \"nmae\" (did you mean \"name\"?)"),
                bad(doc().with("network", "{\"inputs\": 2, \"input\": 2, \"layers\": [{\"units\": 1, \"activation\": \"relu\"}]}"),
                        "$.network", "unknown key \"input\" (did you mean \"inputs\"?)"),
                bad(doc().with("network", "{\"inputs\": 2, \"layers\": [{\"unit\": 1, \"activation\": \"relu\"}]}"),
                        "$.network.layers[0]", "unknown key \"unit\" (did you mean \"units\"?)"),
                bad(activation("{\"type\": \"relu\", \"alpha\": \"1/2\"}"), "$.network.layers[0].activation", "unknown key \"alpha\""),
                bad(activation("{\"type\": \"leaky_relu\", \"alpha\": \"1/2\", \"slope\": 1}"),
                        "$.network.layers[0].activation", "unknown key \"slope\""),
                bad(activation("{\"type\": \"polynomial\", \"coefficients\": [1], \"degree\": 0}"),
                        "$.network.layers[0].activation", "unknown key \"degree\""),
                bad(parameters("{\"weights\": {\"domain\": \"fixed\", \"bits\": 4}, \"biases\": {\"domain\": \"fixed\", \"bits\": 4},"
                        + " \"domain\": \"fixed\"}"), "$.parameters", "unknown key \"domain\""),
                bad(parameters("{\"domain\": \"fixed\", \"bits\": 4, \"min\": 0}"), "$.parameters", "unknown key \"min\""),
                bad(parameters("{\"domain\": \"grid\", \"min\": 0, \"max\": 1, \"bits\": 4}"), "$.parameters", "unknown key \"bits\""),
                bad(parameters("{\"domain\": \"rational\", \"bits\": 4, \"fraction_bits\": 1}"), "$.parameters",
                        "unknown key \"fraction_bits\""),
                bad(doc().with("loss", "{\"type\": \"squared\", \"agregate\": \"sum\"}"), "$.loss",
                        "unknown key \"agregate\" (did you mean \"aggregate\"?)"),
                bad(doc().with("data", "{\"inputs\": [[0, 0]], \"targets\": [[0]], \"weights\": [1]}"), "$.data",
                        "unknown key \"weights\""),
                bad(fixed("{\"layer\": 1, \"units\": 0, \"input\": 0, \"value\": 1}"), "$.fixed[0]",
                        "unknown key \"units\" (did you mean \"unit\"?)"),
                bad(doc().with("expected", "{\"optimum\": \"1\", \"gap\": 0}"), "$.expected", "unknown key \"gap\""),
                // wrong JSON types, described by what was found
                bad(doc().with("network", "5"), "$.network", "expected an object, got the number 5"),
                bad(doc().with("network", "[]"), "$.network", "expected an object, got an array"),
                bad(parameters("{\"weights\": 5, \"biases\": {\"domain\": \"fixed\", \"bits\": 4}}"), "$.parameters.weights",
                        "expected an object, got the number 5"),
                bad(doc().with("name", "null"), "$.name", "expected a string, got null"),
                bad(doc().with("threshold", "true"), "$.threshold", "got the boolean true"),
                bad(doc().with("data", "{\"inputs\": {}, \"targets\": [[0]]}"), "$.data.inputs", "expected an array, got an object"),
                bad(doc().with("network", "{\"inputs\": 2.5, \"layers\": [{\"units\": 1, \"activation\": \"relu\"}]}"),
                        "$.network.inputs", "expected an integer written without a decimal point or exponent, got a decimal (value 2.5)"),
                bad(doc().with("network", "{\"inputs\": \"2\", \"layers\": [{\"units\": 1, \"activation\": \"relu\"}]}"),
                        "$.network.inputs", "expected an integer, got the string \"2\""),
                // a string of 40 characters is shown whole, a longer one cut after 40
                bad(doc().with("network", "{\"inputs\": \"" + pad40 + "\", \"layers\": [{\"units\": 1, \"activation\": \"relu\"}]}"),
                        "$.network.inputs", "expected an integer, got the string \"" + pad40 + "\""),
                bad(doc().with("network", "{\"inputs\": \"" + pad40 + "y\", \"layers\": [{\"units\": 1, \"activation\": \"relu\"}]}"),
                        "$.network.inputs", "expected an integer, got the string \"" + pad40 + "...\""),
                // network caps: 1 000 layers, 10 000 000 weights + biases (counted over all layers)
                bad(doc().with("network", "{\"inputs\": 1, \"layers\": " + identityLayers(1001) + "}"), "$.network.layers",
                        "more than 1000 layers"),
                // 10 · (1 000 000 + 1) = 10 000 010 parameters in one layer
                bad(doc().with("network", "{\"inputs\": 1000000, \"layers\": [{\"units\": 10, \"activation\": \"relu\"}]}"),
                        "$.network.layers[0].units", "more than 10000000 parameters"),
                // 5 · 1 000 001 + 1 000 000 · 6 = 11 000 005: each layer alone is under the cap, the sum is not
                bad(doc().with("network", "{\"inputs\": 1000000, \"layers\": [{\"units\": 5, \"activation\": \"relu\"},"
                        + " {\"units\": 1000000, \"activation\": \"relu\"}]}"), "$.network.layers[1].units", "more than 10000000 parameters"),
                // activations
                bad(activation("\"leaky_relu\""), "$.network.layers[0].activation", "{\"type\": \"leaky_relu\", \"alpha\": \"1/10\"}"),
                bad(activation("\"polynomial\""), "$.network.layers[0].activation", "{\"type\": \"polynomial\", \"coefficients\":"),
                bad(activation("\"softmax\""), "$.network.layers[0].activation", "unknown activation \"softmax\""),
                bad(activation("{\"type\": \"softmax\"}"), "$.network.layers[0].activation.type", "unknown activation \"softmax\""),
                bad(activation("{\"type\": \"leaky_relu\", \"alpha\": 0}"), "$.network.layers[0].activation.alpha", "0 < alpha < 1, got 0"),
                bad(activation("{\"type\": \"leaky_relu\", \"alpha\": \"2/2\"}"), "$.network.layers[0].activation.alpha",
                        "0 < alpha < 1, got 1"),
                bad(activation("{\"type\": \"polynomial\", \"coefficients\": " + ones(66) + "}"),
                        "$.network.layers[0].activation.coefficients", "more than 65 coefficients"),
                // grid domains: positive denominator, 64-bit caps on |denominator|, |min|, |max|, non-empty
                bad(parameters("{\"domain\": \"grid\", \"denominator\": 0, \"min\": 0, \"max\": 1}"), "$.parameters.denominator",
                        "grid denominator must be positive, got 0"),
                bad(parameters("{\"domain\": \"grid\", \"denominator\": " + MAX64.add(BigInteger.ONE) + ", \"min\": 0, \"max\": 1}"),
                        "$.parameters.denominator", "cap of 64 bits"),
                bad(parameters("{\"domain\": \"grid\", \"min\": 0, \"max\": \"" + MAX64.add(BigInteger.ONE) + "\"}"),
                        "$.parameters.max", "cap of 64 bits"),
                bad(parameters("{\"domain\": \"grid\", \"min\": \"-" + MAX64.add(BigInteger.TWO) + "\", \"max\": 1}"),
                        "$.parameters.min", "cap of 64 bits"),
                bad(parameters("{\"domain\": \"grid\", \"min\": 2, \"max\": 1}"), "$.parameters", "grid is empty: min 2 > max 1"),
                bad(parameters("{\"domain\": \"fixed\", \"bits\": 65}"), "$.parameters.bits", "expected an integer in 1..64, got 65"),
                // loss and targets
                bad(doc().with("loss", "{\"type\": \"squared\", \"aggregate\": \"max\"}"), "$.loss.aggregate",
                        "aggregate \"max\" is only valid for max_abs"),
                bad(doc().with("loss", "{\"type\": \"zero_one\"}").with("network", "{\"inputs\": 2, \"layers\": [{\"units\": 2,"
                        + " \"activation\": \"relu\"}, {\"units\": 2, \"activation\": \"identity\"}]}")
                        .with("data", "{\"inputs\": [[0, 0]], \"targets\": [[1, 1]]}"),
                        "$.network.layers[1].units", "zero_one loss needs exactly one output, the last layer has 2 units"),
                bad(doc().with("loss", "{\"type\": \"hinge\"}").with("data", "{\"inputs\": [[0, 0], [1, 1]], \"targets\": [[1], [0]]}"),
                        "$.data.targets[1][0]", "hinge loss needs targets 1 or -1, got 0"),
                bad(doc().with("data", "{\"inputs\": [[0, 0], [1, 1]], \"targets\": [[0]]}"), "$.data.targets",
                        "has 1 row but $.data.inputs has 2"),
                bad(doc().with("data", "{\"inputs\": [[0, 0], [1]], \"targets\": [[0], [1]]}"), "$.data.inputs[1]",
                        "has 1 entry, the network has 2 inputs"),
                // fixed parameters: layers from 1, units and inputs from 0, within the network
                bad(fixed("{\"layer\": 1, \"unit\": 2, \"input\": 0, \"value\": 1}"), "$.fixed[0].unit", "expected an integer in 0..1, got 2"),
                bad(fixed("{\"layer\": 1, \"unit\": 0, \"input\": 2, \"value\": 1}"), "$.fixed[0].input", "expected an integer in 0..1, got 2"),
                bad(fixed("{\"layer\": 2, \"unit\": 1, \"input\": 0, \"value\": 1}"), "$.fixed[0].unit", "expected an integer in 0..0, got 1"),
                bad(fixed("{\"layer\": 3, \"unit\": 0, \"input\": 0, \"value\": 1}"), "$.fixed[0].layer", "expected an integer in 1..2, got 3"),
                bad(fixed("{\"layer\": 1, \"unit\": 0, \"bias\": false, \"value\": 1}"), "$.fixed[0]", "missing required key \"input\""),
                bad(fixed("{\"layer\": 1, \"unit\": 0, \"bias\": true, \"input\": 0, \"value\": 1}"), "$.fixed[0]",
                        "give either \"input\" or \"bias\": true, not both"),
                bad(fixed("{\"layer\": 1, \"unit\": 0, \"bias\": true, \"value\": 1}, {\"layer\": 1, \"unit\": 0, \"bias\": true, \"value\": 2}"),
                        "$.fixed[1]", "is fixed twice"),
                bad(doc().with("expected", "\"maybe\""), "$.expected", "expected \"sat\", \"unsat\" or {\"optimum\": \"p/q\"}, got \"maybe\""),
                bad(doc().with("expected", "1"), "$.expected", "got the number 1"),
                bad(doc().without("loss"), "$", "missing required key \"loss\""),
                bad(doc().with("format", "\"ermbit/2\""), "$.format", "unsupported format \"ermbit/2\""),
                // bug fixed (session 23): a lone surrogate was printed as '?' (and verify then warned about its own witness)
                bad(doc().with("name", "\"\\ud800\""), "$.name", "name must be valid Unicode: it holds an unpaired surrogate (\\ud800)"),
                bad(doc().with("name", "\"a\\ud83d\\ude00b\\udc00\""), "$.name", "an unpaired surrogate (\\udc00)"));
    }

    @ParameterizedTest
    @MethodSource("badInstances")
    void badInputIsOneInputExceptionWithPathAndReason(String json, String location, String messagePart) {
        InputException e = assertThrows(InputException.class, () -> InstanceReader.parse(json, "i.json", Path.of(".")));
        assertEquals("i.json", e.file());
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), () -> "expected \"" + messagePart + "\" in: " + e.getMessage());
        assertTrue(!e.oneLine().contains("\n"), e.oneLine());
    }

    /** Every value read equals the number written in the file (FORMAT.md, Numbers and Instances). */
    @Test
    void aFullInstanceIsReadAsWritten() {
        ErmInstance i = doc()
                .with("description", "\"d\"")
                .with("network", "{\"inputs\": 2, \"layers\": [{\"units\": 2, \"activation\": {\"type\": \"leaky_relu\", \"alpha\": 0.25}},"
                        + " {\"units\": 1, \"activation\": {\"type\": \"polynomial\", \"coefficients\": [\"1/2\", -1, \"6/8\"]}}]}")
                .with("parameters", "{\"weights\": {\"domain\": \"fixed\", \"bits\": 3, \"fraction_bits\": 1},"
                        + " \"biases\": {\"domain\": \"grid\", \"min\": -1, \"max\": 1}}")
                .with("loss", "{\"type\": \"absolute\", \"aggregate\": \"mean\"}")
                .with("threshold", "\"3/2\"")
                .with("data", "{\"inputs\": [[0.5, \"-3/4\"], [\"1e-1\", 2]], \"targets\": [[1], [\"2.5\"]]}")
                .with("fixed", "[{\"layer\": 2, \"unit\": 0, \"input\": 1, \"value\": \"-1\"},"
                        + " {\"layer\": 1, \"unit\": 1, \"bias\": true, \"value\": 0},"
                        + " {\"layer\": 1, \"unit\": 0, \"input\": 1, \"bias\": false, \"value\": \"7/2\"}]")
                .with("expected", "{\"optimum\": \"1/3\"}")
                .read();
        assertEquals("t", i.name());
        assertEquals(Optional.of("d"), i.description());
        assertEquals(2, i.architecture().inputs());
        assertEquals(List.of(new LayerSpec(2, new Activation.LeakyRelu(Rational.of(1, 4))),
                new LayerSpec(1, new Activation.Polynomial(List.of(Rational.of(1, 2), Rational.MINUS_ONE, Rational.of(3, 4))))),
                i.architecture().layers());
        assertEquals(new ParameterDomains(new Domain.FixedPoint(3, 1), new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.ONE)),
                i.domains());
        assertEquals(new Loss(LossType.ABSOLUTE, Aggregate.MEAN), i.loss());
        assertEquals(Rational.of(3, 2), i.threshold());
        assertEquals(List.of(List.of(Rational.of(1, 2), Rational.of(-3, 4)), List.of(Rational.of(1, 10), Rational.of(2))), i.data().inputs());
        assertEquals(List.of(List.of(Rational.ONE), List.of(Rational.of(5, 2))), i.data().targets());
        assertEquals(List.of(new FixedParameter(ParameterRef.weight(2, 0, 1), Rational.MINUS_ONE),
                new FixedParameter(ParameterRef.bias(1, 1), Rational.ZERO),
                new FixedParameter(ParameterRef.weight(1, 0, 1), Rational.of(7, 2))), i.fixed());
        assertEquals(Optional.of(new Expected.Optimum(Rational.of(1, 3))), i.expected());
    }

    /** FORMAT.md: "relu", "hardtanh", "identity" may also be written {"type": …}. */
    @ParameterizedTest
    @ValueSource(strings = {"relu", "hardtanh", "identity"})
    void namedActivationsMayBeWrittenAsObjects(String name) {
        Activation plain = activation("\"" + name + "\"").read().architecture().layer(1).activation();
        Activation object = activation("{\"type\": \"" + name + "\"}").read().architecture().layer(1).activation();
        assertEquals(name, plain.typeName());
        assertEquals(plain, object);
    }

    @Test
    void defaultsAreSumFractionBitsZeroAndDenominatorOne() {
        ErmInstance i = parameters("{\"domain\": \"grid\", \"min\": -1, \"max\": 1}").read();
        assertEquals(new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.ONE), i.domains().weights());
        assertEquals(Aggregate.SUM, i.loss().aggregate());
        assertEquals(new Domain.FixedPoint(4, 0), doc().read().domains().weights());
        assertEquals(Aggregate.MAX, doc().with("loss", "{\"type\": \"max_abs\"}").read().loss().aggregate());
        assertEquals(Optional.of(new Expected.Sat()), doc().with("expected", "\"sat\"").read().expected());
        assertEquals(Optional.of(new Expected.Unsat()), doc().with("expected", "\"unsat\"").read().expected());
    }

    /** The edges of the documented ranges are inside them. */
    @Test
    void valuesAtTheCapsAreAccepted() {
        // 0 < alpha < 1: values just inside
        assertEquals(new Activation.LeakyRelu(Rational.of(1, 1000)),
                activation("{\"type\": \"leaky_relu\", \"alpha\": \"1/1000\"}").read().architecture().layer(1).activation());
        assertEquals(new Activation.LeakyRelu(Rational.of(999, 1000)),
                activation("{\"type\": \"leaky_relu\", \"alpha\": 0.999}").read().architecture().layer(1).activation());
        // 65 coefficients = degree 64
        Activation p = activation("{\"type\": \"polynomial\", \"coefficients\": " + ones(65) + "}").read().architecture().layer(1).activation();
        assertEquals(65, ((Activation.Polynomial) p).coefficients().size());
        // grid bounds of 64 bits, and a one-value grid (min = max)
        Domain g = parameters("{\"domain\": \"grid\", \"denominator\": \"" + MAX64 + "\", \"min\": \"-" + MAX64 + "\", \"max\": \"" + MAX64 + "\"}")
                .read().domains().weights();
        assertEquals(new Domain.Grid(MAX64, MAX64.negate(), MAX64), g);
        assertEquals(new Domain.Grid(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE),
                parameters("{\"domain\": \"grid\", \"min\": 1, \"max\": 1}").read().domains().weights());
        assertEquals(new Domain.FixedPoint(64, 64),
                parameters("{\"domain\": \"fixed\", \"bits\": 64, \"fraction_bits\": 64}").read().domains().weights());
        assertEquals(new Domain.RationalBits(64), parameters("{\"domain\": \"rational\", \"bits\": 64}").read().domains().weights());
    }

    /** Exactly 1 000 layers is allowed (1 001 is refused above). */
    @Test
    void aThousandLayersAreAccepted() {
        ErmInstance i = doc().with("network", "{\"inputs\": 1, \"layers\": " + identityLayers(1000) + "}")
                .with("data", "{\"inputs\": [[0]], \"targets\": [[0]]}").read();
        assertEquals(1000, i.architecture().depth());
    }

    /**
     * Exactly 10 000 000 parameters (10 units · (999 999 inputs + 1)) pass the parameter cap: reading
     * goes on to the data, whose one-entry row is the first problem.
     */
    @Test
    void exactlyTheParameterCapIsAllowed() {
        InputException e = assertThrows(InputException.class, () -> doc()
                .with("network", "{\"inputs\": 999999, \"layers\": [{\"units\": 10, \"activation\": \"relu\"}]}")
                .with("data", "{\"inputs\": [[0]], \"targets\": [[0]]}").read());
        assertEquals("$.data.inputs[0]", e.location());
        assertEquals("has 1 entry, the network has 999999 inputs", e.getMessage());
    }

    /**
     * {@link InstanceReader#networkSizeProblem} (for programs that build instances) refuses exactly the
     * networks the reader refuses for their size (FORMAT.md caps: 1 000 layers, 1 000 000 inputs or units,
     * 10 000 000 weights and biases), with the sums worked by hand.
     */
    @Test
    void networkSizeProblemAgreesWithTheReader() {
        int[] thousandOnes = new int[1000];
        java.util.Arrays.fill(thousandOnes, 1);
        int[] thousandAndOneOnes = new int[1001];
        java.util.Arrays.fill(thousandAndOneOnes, 1);
        assertSize(Optional.empty(), 1, thousandOnes);
        assertSize(Optional.of("more than 1000 layers"), 1, thousandAndOneOnes);
        assertSize(Optional.empty(), 1_000_000, 1);                       // 1 · 1 000 001
        assertSize(Optional.of("1000001 inputs, more than 1000000"), 1_000_001, 1);
        assertSize(Optional.empty(), 1, 1_000_000);                       // 1 000 000 · 2
        assertSize(Optional.of("a layer of 1000001 units, more than 1000000"), 1, 1_000_001);
        assertSize(Optional.empty(), 999_999, 10);                        // 10 · 1 000 000: exactly the cap
        assertSize(Optional.of("more than 10000000 parameters"), 1_000_000, 10);   // 10 · 1 000 001
        assertSize(Optional.empty(), 3, 1_000_000, 2);                    // 1 000 000 · 4 + 2 · 1 000 001 = 6 000 002
        assertSize(Optional.of("more than 10000000 parameters"), 1_000_000, 5, 1_000_000);   // 5 000 005 + 6 000 000
    }

    private static void assertSize(Optional<String> expected, int inputs, int... units) {
        assertEquals(expected, InstanceReader.networkSizeProblem(inputs, units));
        List<String> layers = new ArrayList<>();
        for (int u : units) layers.add("{\"units\": " + u + ", \"activation\": \"identity\"}");
        String network = "{\"inputs\": " + inputs + ", \"layers\": [" + String.join(", ", layers) + "]}";
        InputException e = assertThrows(InputException.class, () -> doc().with("network", network)
                .with("data", "{\"inputs\": [[]], \"targets\": [[]]}").read());
        // an acceptable network gets as far as the data (whose empty row is wrong), a refused one stops at the network
        assertEquals(expected.isPresent(), e.location().startsWith("$.network"), e.location() + ": " + e.getMessage());
    }

    /** zero_one and hinge accept exactly the targets 1 and -1 (in any exact spelling). */
    @ParameterizedTest
    @ValueSource(strings = {"zero_one", "hinge"})
    void classificationTargetsOneAndMinusOne(String loss) {
        ErmInstance i = doc().with("loss", "{\"type\": \"" + loss + "\"}")
                .with("data", "{\"inputs\": [[0, 0], [1, 1], [2, 2]], \"targets\": [[1], [\"-1\"], [\"2/2\"]]}").read();
        assertEquals(List.of(List.of(Rational.ONE), List.of(Rational.MINUS_ONE), List.of(Rational.ONE)), i.data().targets());
    }

    private static String identityLayers(int n) {
        List<String> l = new ArrayList<>();
        for (int k = 0; k < n; k++) l.add("{\"units\": 1, \"activation\": \"identity\"}");
        return "[" + String.join(", ", l) + "]";
    }

    private static String ones(int n) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n, "1")) + "]";
    }
}
