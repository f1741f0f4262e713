package org.ermbit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/**
 * The invariants an {@link ErmInstance} enforces when it is built directly (as an embedding program
 * does, without the file reader's checks): data shapes, classification targets, and fixed parameters
 * that exist and are fixed once. Net 2-3-1: layer 1 has 3 units of fan-in 2, layer 2 one unit of fan-in 3.
 */
class ErmInstanceTest {

    private static final Architecture NET = new Architecture(2,
            List.of(new LayerSpec(3, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
    private static final ParameterDomains DOMAINS = ParameterDomains.uniform(new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.ONE));
    private static final Dataset DATA = new Dataset(List.of(List.of(Rational.ZERO, Rational.ONE)), List.of(List.of(Rational.ONE)));
    private static final Loss SQUARED = new Loss(LossType.SQUARED, Aggregate.SUM);

    private static ErmInstance with(List<FixedParameter> fixed, Loss loss, Dataset data) {
        return new ErmInstance("t", Optional.empty(), NET, DOMAINS, fixed, loss, Rational.ZERO, data, Optional.empty());
    }

    private static FixedParameter fix(ParameterRef r) {
        return new FixedParameter(r, Rational.ONE);
    }

    private static void refused(String message, List<FixedParameter> fixed) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(fixed, SQUARED, DATA));
        assertEquals(message, e.getMessage());
    }

    @Test
    void fixedParametersAtTheLastValidIndexAreAccepted() {
        ErmInstance inst = with(List.of(fix(ParameterRef.weight(1, 2, 1)), fix(ParameterRef.bias(1, 2)), fix(ParameterRef.weight(2, 0, 2)),
                fix(ParameterRef.weight(1, 0, 0))), SQUARED, DATA);
        assertEquals(4, inst.fixed().size());
    }

    @Test
    void fixedParametersOnePastAnyIndexAreRefused() {
        refused("fixed parameter w[3][0][0]: no layer 3", List.of(fix(ParameterRef.weight(3, 0, 0))));
        refused("fixed parameter w[0][0][0]: no layer 0", List.of(fix(ParameterRef.weight(0, 0, 0))));
        refused("fixed parameter w[1][3][0]: no unit 3", List.of(fix(ParameterRef.weight(1, 3, 0))));
        refused("fixed parameter b[2][1]: no unit 1", List.of(fix(ParameterRef.bias(2, 1))));
        refused("fixed parameter w[1][0][2]: no input 2", List.of(fix(ParameterRef.weight(1, 0, 2))));
        refused("fixed parameter w[2][0][3]: no input 3", List.of(fix(ParameterRef.weight(2, 0, 3))));
        refused("parameter b[1][1] is fixed twice", List.of(fix(ParameterRef.bias(1, 1)), fix(ParameterRef.bias(1, 1))));
    }

    @Test
    void dataShapesMustMatchTheNetwork() {
        Dataset threeInputs = new Dataset(List.of(List.of(Rational.ZERO, Rational.ONE, Rational.ONE)), List.of(List.of(Rational.ONE)));
        IllegalArgumentException in = assertThrows(IllegalArgumentException.class, () -> with(List.of(), SQUARED, threeInputs));
        assertEquals("data point 0 has 3 inputs, the network has 2", in.getMessage());
        Dataset twoTargets = new Dataset(List.of(List.of(Rational.ZERO, Rational.ONE)), List.of(List.of(Rational.ONE, Rational.ONE)));
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> with(List.of(), SQUARED, twoTargets));
        assertEquals("data point 0 has 2 targets, the network has 1 output", out.getMessage());
    }

    @Test
    void classificationTargetsAreOneOrMinusOne() {
        Loss hinge = new Loss(LossType.HINGE, Aggregate.SUM);
        assertEquals(1, with(List.of(), hinge, DATA).data().size());
        Dataset zero = new Dataset(List.of(List.of(Rational.ZERO, Rational.ONE)), List.of(List.of(Rational.ZERO)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(List.of(), hinge, zero));
        assertEquals("hinge loss needs targets 1 or -1, got 0", e.getMessage());
    }

    @Test
    void nameAndDataFollowTheReadersRules() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new ErmInstance(" ", Optional.empty(), NET, DOMAINS, List.of(), SQUARED, Rational.ZERO, DATA, Optional.empty()));
        assertEquals("name must not be empty", blank.getMessage());
        for (String name : List.of("a\ns SATISFIABLE", "a\rb", "tab\there", "a\u2028b", "nul\u0000")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ErmInstance(name, Optional.empty(), NET, DOMAINS, List.of(), SQUARED, Rational.ZERO, DATA, Optional.empty()));
            assertEquals("name must not contain control characters or line separators such as line breaks (it is printed in comment lines)",
                    e.getMessage());
        }
        for (String name : List.of("\ud800", "a\udc00b", "end\ud83d")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ErmInstance(name, Optional.empty(), NET, DOMAINS, List.of(), SQUARED, Rational.ZERO, DATA, Optional.empty()));
            assertEquals("name must be valid Unicode: it holds an unpaired surrogate, which cannot be printed", e.getMessage());
        }
        assertEquals("smile \ud83d\ude00", new ErmInstance("smile \ud83d\ude00", Optional.empty(), NET, DOMAINS, List.of(), SQUARED,
                Rational.ZERO, DATA, Optional.empty()).name());
        assertEquals("ünïcode name", new ErmInstance("ünïcode name", Optional.empty(), NET, DOMAINS, List.of(), SQUARED, Rational.ZERO,
                DATA, Optional.empty()).name());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> with(List.of(), SQUARED, new Dataset(List.of(), List.of())));
        assertEquals("the data set needs at least one point", empty.getMessage());
    }

    @Test
    void nullPartsAreNamed() {
        assertEquals("activation", assertThrows(NullPointerException.class, () -> new LayerSpec(2, null)).getMessage());
        assertEquals("type", assertThrows(NullPointerException.class, () -> new Loss(null, Aggregate.SUM)).getMessage());
        assertEquals("aggregate (Loss.defaultAggregate(type) gives the default)",
                assertThrows(NullPointerException.class, () -> new Loss(LossType.SQUARED, null)).getMessage());
        assertEquals("ref", assertThrows(NullPointerException.class, () -> new FixedParameter(null, Rational.ONE)).getMessage());
        assertEquals("value", assertThrows(NullPointerException.class, () -> new FixedParameter(ParameterRef.bias(1, 0), null)).getMessage());
        assertEquals("inputs", assertThrows(NullPointerException.class, () -> new Dataset(null, List.of())).getMessage());
        assertEquals("targets", assertThrows(NullPointerException.class, () -> new Dataset(List.of(), null)).getMessage());
        List<List<Rational>> nullRow = new java.util.ArrayList<>();
        nullRow.add(null);
        assertEquals("inputs[0]", assertThrows(NullPointerException.class, () -> new Dataset(nullRow, List.of(List.of()))).getMessage());
        List<Rational> nullEntry = new java.util.ArrayList<>();
        nullEntry.add(Rational.ONE);
        nullEntry.add(null);
        assertEquals("targets[0][1]", assertThrows(NullPointerException.class,
                () -> new Dataset(List.of(List.of(Rational.ONE)), List.of(nullEntry))).getMessage());
        List<FixedParameter> fixed = new java.util.ArrayList<>();
        fixed.add(fix(ParameterRef.bias(1, 0)));
        fixed.add(null);
        assertEquals("fixed[1]", assertThrows(NullPointerException.class, () -> with(fixed, SQUARED, DATA)).getMessage());
    }
}
