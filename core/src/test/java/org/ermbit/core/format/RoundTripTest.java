package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reader/writer round trips, and values read from files compared with the numbers written in them. */
class RoundTripTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(RoundTripTest.class.getResource("/examples/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor-2-2-1.json", "xor-linear-csv.json", "wine-12.json"})
    void examplesSurviveWriteAndRead(String name, @TempDir Path dir) throws Exception {
        ErmInstance first = InstanceReader.read(resource(name));
        Path copy = dir.resolve("copy.json");
        InstanceWriter.write(first, copy);
        ErmInstance second = InstanceReader.read(copy);
        assertEquals(first, second);
        assertEquals(InstanceWriter.toJson(first), InstanceWriter.toJson(second), "canonical text is a fixed point");
    }

    /** Values straight from the files: the XOR data and the book witness. */
    @Test
    void xorValuesAsWritten() throws Exception {
        ErmInstance x = InstanceReader.read(resource("xor-2-2-1.json"));
        assertEquals(List.of(List.of(r(0), r(0)), List.of(r(0), r(1)), List.of(r(1), r(0)), List.of(r(1), r(1))), x.data().inputs());
        assertEquals(List.of(List.of(r(0)), List.of(r(1)), List.of(r(1)), List.of(r(0))), x.data().targets());
        assertEquals(new Domain.Grid(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(-2), java.math.BigInteger.ONE), x.domains().weights());
        assertEquals(Optional.of(new Expected.Optimum(Rational.ZERO)), x.expected());
        Witness w = WitnessReader.read(resource("xor-2-2-1.witness.json"));
        assertEquals("xor-2-2-1", w.instance());
        assertEquals(r(-2), w.parameters().get(ParameterRef.weight(2, 0, 1)));
        assertEquals(r(-1), w.parameters().get(ParameterRef.bias(1, 1)));
        assertEquals(Optional.of(Rational.ZERO), w.statedLoss());
    }

    /** wine-12.csv row 7 is "12.86,1.25,4.1,-1"; the instance selects flavanoids and color_intensity. */
    @Test
    void csvColumnsAreSelectedByName() throws Exception {
        ErmInstance w = InstanceReader.read(resource("wine-12.json"));
        assertEquals(12, w.data().size());
        assertEquals(List.of(Rational.of(5, 4), Rational.of(41, 10)), w.data().inputs().get(6));
        assertEquals(List.of(Rational.MINUS_ONE), w.data().targets().get(6));
        assertEquals(List.of(Rational.of(306, 100), Rational.of(564, 100)), w.data().inputs().get(0));
    }

    /** CSV dialect: CRLF, BOM, quotes, blank lines, spaces, fractions. */
    @Test
    void csvDialect(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "\uFEFFa, \"b\" ,y\r\n\r\n 1/2 ,\"-0.25\",1\r\n3,1e-1,-1\r\n");
        ErmInstance inst = InstanceReader.parse("{\"format\": \"ermbit/1\", \"name\": \"c\", \"network\": {\"inputs\": 2, \"layers\":"
                + " [{\"units\": 1, \"activation\": \"identity\"}]}, \"parameters\": {\"domain\": \"fixed\", \"bits\": 2},"
                + " \"loss\": {\"type\": \"hinge\"}, \"threshold\": 0, \"data\": {\"csv\": \"d.csv\", \"targets\": [\"y\"]}}", "c.json", dir);
        assertEquals(List.of(List.of(Rational.of(1, 2), Rational.of(-1, 4)), List.of(Rational.of(3), Rational.of(1, 10))), inst.data().inputs());
        assertEquals(List.of(List.of(Rational.ONE), List.of(Rational.MINUS_ONE)), inst.data().targets());
    }

    /** Random instances built in code (every activation, domain kind, loss, fixed parameters) survive a round trip. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void randomInstancesRoundTrip(long seed) {
        Random rnd = new Random(seed);
        int inputs = 1 + rnd.nextInt(3);
        int depth = 1 + rnd.nextInt(3);
        LossType type = LossType.values()[rnd.nextInt(LossType.values().length)];
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            int units = l == depth && type.isClassification() ? 1 : 1 + rnd.nextInt(3);
            layers.add(new LayerSpec(units, activation(rnd)));
        }
        Architecture a = new Architecture(inputs, layers);
        List<List<Rational>> xs = new java.util.ArrayList<>();
        List<List<Rational>> ys = new java.util.ArrayList<>();
        for (int n = 0; n < 1 + rnd.nextInt(4); n++) {
            List<Rational> x = new java.util.ArrayList<>();
            for (int j = 0; j < inputs; j++) x.add(rational(rnd));
            List<Rational> y = new java.util.ArrayList<>();
            for (int o = 0; o < a.outputs(); o++) y.add(type.isClassification() ? (rnd.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE) : rational(rnd));
            xs.add(x);
            ys.add(y);
        }
        Aggregate agg = type == LossType.MAX_ABS ? Aggregate.MAX : (rnd.nextBoolean() ? Aggregate.SUM : Aggregate.MEAN);
        ParameterDomains d = rnd.nextBoolean() ? ParameterDomains.uniform(domain(rnd)) : new ParameterDomains(domain(rnd), domain(rnd));
        List<FixedParameter> fixed = rnd.nextBoolean() ? List.of(new FixedParameter(ParameterRef.bias(1, 0), rational(rnd)),
                new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.of(java.math.BigInteger.TEN.pow(30), java.math.BigInteger.valueOf(7))))
                : List.of();
        Optional<Expected> exp = switch (rnd.nextInt(4)) {
            case 0 -> Optional.of(new Expected.Sat());
            case 1 -> Optional.of(new Expected.Unsat());
            case 2 -> Optional.of(new Expected.Optimum(rational(rnd).abs()));
            default -> Optional.empty();
        };
        ErmInstance inst = new ErmInstance("rnd-" + seed + " \"quoted\" ü", Optional.of("line\nbreak"), a, d, fixed,
                new Loss(type, agg), rational(rnd).abs(), new Dataset(xs, ys), exp);
        ErmInstance back = InstanceReader.parse(InstanceWriter.toJson(inst), "rt.json", Path.of("."));
        assertEquals(inst, back);
        NetworkParameters p = NetworkParameters.build(a, r -> rational(rnd));
        Witness w = new Witness(inst.name(), p, Optional.of(rational(rnd)));
        assertEquals(w, WitnessReader.parse(WitnessWriter.toJson(w), "w.json"));
    }

    @Test
    void writerUsesLowestTermsAndNoDecimals() {
        Witness w = new Witness("t", new NetworkParameters(List.of(new org.ermbit.core.model.LayerParameters(
                List.of(List.of(Rational.of(6, 8), Rational.of(-4, 2))), List.of(Rational.of(1, 10))))), Optional.of(Rational.of(10, 4)));
        String json = WitnessWriter.toJson(w);
        assertTrue(json.contains("[[\"3/4\", \"-2\"]]"), json);
        assertTrue(json.contains("[\"1/10\"]"), json);
        assertTrue(json.contains("\"loss\": \"5/2\""), json);
    }

    @Test
    void witnessShapeIsCheckedAgainstTheNetwork() throws Exception {
        ErmInstance x = InstanceReader.read(resource("xor-2-2-1.json"));
        Witness one = WitnessReader.parse("{\"format\": \"ermbit-witness/1\", \"instance\": \"x\", \"layers\": [{\"weights\": [[1, 1]], \"biases\": [0]}]}", "w.json");
        InputException e = assertThrows(InputException.class, () -> WitnessReader.requireShape(one, x.architecture(), "w.json"));
        assertEquals("w.json: $.layers: has 1 layer, the instance's network has 2", e.oneLine());
    }

    /** A leaky ReLU and each kind of stated answer are written so that they read back the same. */
    @ParameterizedTest
    @ValueSource(strings = {"sat", "unsat", "optimum"})
    void leakyReluAndExpectedAnswersRoundTrip(String answer) {
        Expected expected = switch (answer) {
            case "sat" -> new Expected.Sat();
            case "unsat" -> new Expected.Unsat();
            default -> new Expected.Optimum(Rational.of(7, 2));
        };
        ErmInstance inst = new ErmInstance("lk", Optional.empty(),
                new Architecture(1, List.of(new LayerSpec(1, new Activation.LeakyRelu(Rational.of(1, 10))))),
                ParameterDomains.uniform(new Domain.FixedPoint(3, 1)), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ONE,
                new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ZERO))), Optional.of(expected));
        String json = InstanceWriter.toJson(inst);
        assertTrue(json.contains("{\"type\": \"leaky_relu\", \"alpha\": \"1/10\"}"), json);
        assertTrue(json.contains(answer.equals("optimum") ? "{\"optimum\": \"7/2\"}" : "\"" + answer + "\""), json);
        assertEquals(inst, InstanceReader.parse(json, "rt.json", Path.of(".")));
    }

    private static Activation activation(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> new Activation.Relu();
            case 1 -> new Activation.LeakyRelu(Rational.of(1 + rnd.nextInt(8), 9));
            case 2 -> new Activation.HardTanh();
            case 3 -> new Activation.Identity();
            default -> new Activation.Polynomial(List.of(rational(rnd), rational(rnd), rational(rnd)));
        };
    }

    private static Domain domain(Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> new Domain.FixedPoint(1 + rnd.nextInt(64), rnd.nextInt(65));
            case 1 -> new Domain.Grid(java.math.BigInteger.valueOf(1 + rnd.nextInt(9)), java.math.BigInteger.valueOf(-rnd.nextInt(5)),
                    java.math.BigInteger.valueOf(rnd.nextInt(5)));
            default -> new Domain.RationalBits(1 + rnd.nextInt(64));
        };
    }

    private static Rational rational(Random rnd) {
        return rnd.nextInt(5) == 0 ? Rational.of(new java.math.BigInteger(90, rnd), java.math.BigInteger.valueOf(3))
                : Rational.of(rnd.nextInt(41) - 20, 1 + rnd.nextInt(16));
    }

    private static Rational r(long v) {
        return Rational.of(v);
    }
}
