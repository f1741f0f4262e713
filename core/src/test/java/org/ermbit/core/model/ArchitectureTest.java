package org.ermbit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** Counts and summaries of {@link Architecture} and {@link ErmInstance}, by hand. */
class ArchitectureTest {

    private static Activation poly(long... c) {
        List<Rational> cs = new ArrayList<>();
        for (long v : c) cs.add(Rational.of(v));
        return new Activation.Polynomial(cs);
    }

    /** 3-4-2: 4·(3 + 1) + 2·(4 + 1) = 26 parameters; fan-in 3 then 4. */
    @Test
    void parameterCountAndFanIn() {
        Architecture a = new Architecture(3, List.of(new LayerSpec(4, new Activation.Relu()), new LayerSpec(2, new Activation.Identity())));
        assertEquals(26, a.parameterCount());
        assertEquals(List.of(3, 4), List.of(a.fanIn(1), a.fanIn(2)));
        assertEquals(2, a.outputs());
        assertEquals(2, a.depth());
        // 1-1: 1·(1 + 1) = 2
        assertEquals(2, new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity()))).parameterCount());
        assertThrows(IllegalArgumentException.class, () -> new Architecture(0, List.of(new LayerSpec(1, new Activation.Identity()))));
        assertThrows(IllegalArgumentException.class, () -> new Architecture(1, List.of()));
    }

    /** Piecewise linear iff every layer has degree ≤ 1; the largest degree counts the highest non-zero coefficient. */
    @Test
    void routeAndDegree() {
        Architecture pl = new Architecture(1, List.of(new LayerSpec(1, new Activation.LeakyRelu(Rational.of(1, 2))),
                new LayerSpec(1, new Activation.HardTanh()), new LayerSpec(1, poly(1, 2, 0)), new LayerSpec(1, new Activation.Identity())));
        assertTrue(pl.isPiecewiseLinear());
        assertEquals(1, pl.maxDegree());
        // a degree-2 layer in the middle makes the network non-piecewise-linear; degrees 3 and 2 give 3
        Architecture cubic = new Architecture(1, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, poly(0, 0, 0, 5)),
                new LayerSpec(1, poly(1, 1, 1)), new LayerSpec(1, new Activation.Identity())));
        assertFalse(cubic.isPiecewiseLinear());
        assertEquals(3, cubic.maxDegree());
        // a constant polynomial has degree 0 and is piecewise linear; maxDegree is then 0
        Architecture constant = new Architecture(1, List.of(new LayerSpec(1, poly(7))));
        assertTrue(constant.isPiecewiseLinear());
        assertEquals(0, constant.maxDegree());
    }

    private static ErmInstance inst(ParameterDomains d, List<FixedParameter> fixed) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        return new ErmInstance("t", Optional.empty(), a, d, fixed, new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(Rational.ZERO)), List.of(List.of(Rational.ZERO))), Optional.empty());
    }

    @Test
    void freeRationalParameters() {
        Domain fixedPoint = new Domain.FixedPoint(3, 0);
        Domain rational = new Domain.RationalBits(3);
        FixedParameter w = new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.ONE);
        FixedParameter b = new FixedParameter(ParameterRef.bias(1, 0), Rational.ONE);
        assertFalse(inst(ParameterDomains.uniform(fixedPoint), List.of()).hasFreeRationalParameter());
        assertTrue(inst(ParameterDomains.uniform(rational), List.of()).hasFreeRationalParameter());
        // rational biases: free unless the only bias is fixed
        assertTrue(inst(new ParameterDomains(fixedPoint, rational), List.of(w)).hasFreeRationalParameter());
        assertFalse(inst(new ParameterDomains(fixedPoint, rational), List.of(b)).hasFreeRationalParameter());
        // rational weights with the only weight fixed
        assertFalse(inst(new ParameterDomains(rational, fixedPoint), List.of(w)).hasFreeRationalParameter());
        assertFalse(inst(ParameterDomains.uniform(rational), List.of(w, b)).hasFreeRationalParameter());
    }
}
