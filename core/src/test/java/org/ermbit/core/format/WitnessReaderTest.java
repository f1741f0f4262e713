package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link WitnessReader} against docs/FORMAT.md, "Witnesses": the JSON itself, the shape, the domains. */
class WitnessReaderTest {

    /** A 2-2-1 network with weights and biases in fixed (bits 4, fraction_bits 1) = {-4, -7/2, …, 7/2}; one bias fixed to 0. */
    private static final ErmInstance INSTANCE = InstanceReader.parse("{\"format\": \"ermbit/1\", \"name\": \"x\", \"network\": {\"inputs\": 2,"
            + " \"layers\": [{\"units\": 2, \"activation\": \"relu\"}, {\"units\": 1, \"activation\": \"identity\"}]},"
            + " \"parameters\": {\"domain\": \"fixed\", \"bits\": 4, \"fraction_bits\": 1}, \"loss\": {\"type\": \"squared\"}, \"threshold\": 0,"
            + " \"data\": {\"inputs\": [[0, 0]], \"targets\": [[0]]}, \"fixed\": [{\"layer\": 2, \"unit\": 0, \"bias\": true, \"value\": 0}]}",
            "i.json", Path.of("."));

    private static String witness(String layer1, String layer2) {
        return "{\"format\": \"ermbit-witness/1\", \"instance\": \"x\", \"layers\": [" + layer1 + ", " + layer2 + "]}";
    }

    private static final String L1 = "{\"weights\": [[\"1\", \"1\"], [\"1\", \"1\"]], \"biases\": [\"0\", \"-1\"]}";
    private static final String L2 = "{\"weights\": [[\"1\", \"-2\"]], \"biases\": [\"0\"]}";

    @Test
    void aWitnessIsReadAsWritten() {
        Witness w = WitnessReader.parse("{\"format\": \"ermbit-witness/1\", \"instance\": \"x\", \"loss\": \"1/3\", \"layers\": ["
                + "{\"weights\": [[0.5, \"-3/4\"], [1, 2]], \"biases\": [\"1e-1\", -1]}, " + L2 + "]}", "w.json");
        assertEquals("x", w.instance());
        assertEquals(Rational.of(1, 2), w.parameters().get(ParameterRef.weight(1, 0, 0)));
        assertEquals(Rational.of(-3, 4), w.parameters().get(ParameterRef.weight(1, 0, 1)));
        assertEquals(Rational.of(2), w.parameters().get(ParameterRef.weight(1, 1, 1)));
        assertEquals(Rational.of(1, 10), w.parameters().get(ParameterRef.bias(1, 0)));
        assertEquals(Rational.MINUS_ONE, w.parameters().get(ParameterRef.bias(1, 1)));
        assertEquals(Rational.of(-2), w.parameters().get(ParameterRef.weight(2, 0, 1)));
        assertEquals(Optional.of(Rational.of(1, 3)), w.statedLoss());
        assertEquals(Optional.empty(), WitnessReader.parse(witness(L1, L2), "w.json").statedLoss());
    }

    static Stream<Arguments> badWitnesses() {
        return Stream.of(
                Arguments.of(witness(L1, L2).replace("\"instance\"", "\"loss\": 0, \"note\": \"n\", \"instance\""), "$", "unknown key \"note\""),
                Arguments.of(witness(L1, "{\"weights\": [[1, 1]], \"biases\": [0], \"bias\": [0]}"), "$.layers[1]",
                        "unknown key \"bias\" (did you mean \"biases\"?)"),
                Arguments.of(witness(L1, "{\"weights\": [[1, 1]]}"), "$.layers[1]", "missing required key \"biases\""),
                Arguments.of(witness(L1, "{\"weights\": [[1, 1]], \"biases\": [0, 0]}"), "$.layers[1].biases",
                        "has 2 entries but $.layers[1].weights has 1 row"),
                Arguments.of(witness(L1, "{\"weights\": [[1, \"x\"]], \"biases\": [0]}"), "$.layers[1].weights[0][1]", "\"x\" is not a number"),
                Arguments.of(witness(L1, "{\"weights\": [[]], \"biases\": [0]}"), "$.layers[1].weights[0]", "expected a non-empty array"),
                Arguments.of("{\"format\": \"ermbit-witness/1\", \"instance\": \"x\", \"layers\": []}", "$.layers", "expected a non-empty array"),
                Arguments.of(witness(L1, L2).replace("ermbit-witness/1", "ermbit/1"), "$.format", "unsupported witness format \"ermbit/1\""),
                Arguments.of("{\"instance\": \"x\"}", "$", "missing required key \"format\""));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badWitnesses")
    void badWitnessJsonNamesThePath(String json, String location, String messagePart) {
        InputException e = assertThrows(InputException.class, () -> WitnessReader.parse(json, "w.json"));
        assertEquals("w.json", e.file());
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void theRightShapePasses() {
        Witness w = WitnessReader.parse(witness(L1, L2), "w.json");
        assertDoesNotThrow(() -> WitnessReader.requireShape(w, INSTANCE.architecture(), "w.json"));
        assertDoesNotThrow(() -> WitnessReader.requireInDomains(w, INSTANCE, "w.json"));
    }

    @Test
    void unitsPerLayerMustMatch() {
        Witness w = WitnessReader.parse(witness("{\"weights\": [[1, 1]], \"biases\": [0]}", L2), "w.json");
        InputException e = assertThrows(InputException.class, () -> WitnessReader.requireShape(w, INSTANCE.architecture(), "w.json"));
        assertEquals("w.json: $.layers[0].weights: has 1 row (unit), the instance's layer 1 has 2 units", e.oneLine());
    }

    @Test
    void weightsPerUnitMustMatch() {
        Witness w = WitnessReader.parse(witness(L1, "{\"weights\": [[1, 1, 1]], \"biases\": [0]}"), "w.json");
        InputException e = assertThrows(InputException.class, () -> WitnessReader.requireShape(w, INSTANCE.architecture(), "w.json"));
        assertEquals("w.json: $.layers[1].weights[0]: has 3 entries, the instance's layer 2 has 2 inputs per unit", e.oneLine());
        Witness first = WitnessReader.parse(witness("{\"weights\": [[1, 1], [1]], \"biases\": [0, 0]}", L2), "w.json");
        InputException e1 = assertThrows(InputException.class, () -> WitnessReader.requireShape(first, INSTANCE.architecture(), "w.json"));
        assertEquals("$.layers[0].weights[1]", e1.location());
    }

    /** The example of docs/FORMAT.md: -5 is below -4, the least value of fixed (bits 4, fraction_bits 1). */
    @Test
    void aValueOutsideItsDomainIsReportedAtItsPath() {
        Witness w = WitnessReader.parse(witness(L1, "{\"weights\": [[\"1\", \"-5\"]], \"biases\": [\"0\"]}"), "w.json");
        InputException e = assertThrows(InputException.class, () -> WitnessReader.requireInDomains(w, INSTANCE, "w.json"));
        assertEquals("w.json: $.layers[1].weights[0][1]: value -5 is outside its fixed (bits 4, fraction_bits 1) domain", e.oneLine());
    }

    /** 1/4 is not a multiple of 1/2, 4 is above 7/2: the first one in parameter order is named, the rest counted. */
    @Test
    void severalViolationsNameTheFirstAndCountTheRest() {
        Witness w = WitnessReader.parse(witness("{\"weights\": [[\"1\", \"1\"], [\"1/4\", \"1\"]], \"biases\": [\"0\", \"4\"]}", L2), "w.json");
        InputException e = assertThrows(InputException.class, () -> WitnessReader.requireInDomains(w, INSTANCE, "w.json"));
        assertEquals("w.json: $.layers[0].biases[1]: value 4 is outside its fixed (bits 4, fraction_bits 1) domain (and 1 more)", e.oneLine());
    }

    @Test
    void aFixedParameterMustHaveItsValue() {
        Witness w = WitnessReader.parse(witness(L1, "{\"weights\": [[\"1\", \"-2\"]], \"biases\": [\"1/2\"]}"), "w.json");
        InputException e = assertThrows(InputException.class, () -> WitnessReader.requireInDomains(w, INSTANCE, "w.json"));
        assertEquals("$.layers[1].biases[0]", e.location());
        assertTrue(e.getMessage().startsWith("value 1/2 but it is fixed to 0"), e.getMessage());
    }

    @Test
    void pathsFollowTheWitnessLayout() {
        assertEquals("$.layers[1].biases[0]", WitnessReader.path(ParameterRef.bias(2, 0)));
        assertEquals("$.layers[0].weights[1][0]", WitnessReader.path(ParameterRef.weight(1, 1, 0)));
        assertEquals(List.of("$.layers[2].weights[0][3]"), List.of(WitnessReader.path(ParameterRef.weight(3, 0, 3))));
    }
}
