package org.ermbit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** Activation values, the documented one-sided derivatives at kinks, and polynomial degrees, by hand. */
class ActivationTest {

    private static Rational r(long p, long q) {
        return Rational.of(p, q);
    }

    @Test
    void reluAndLeakyReluValuesAndKinkDerivatives() {
        Activation relu = new Activation.Relu();
        assertEquals(r(3, 2), relu.apply(r(3, 2)));
        assertEquals(Rational.ZERO, relu.apply(r(-3, 2)));
        assertEquals(Rational.ZERO, relu.apply(Rational.ZERO));
        assertEquals(Rational.ONE, relu.derivative(r(1, 1000)));
        assertEquals(Rational.ZERO, relu.derivative(Rational.ZERO), "relu'(0) = 0 (one-sided from the left)");
        assertEquals(Rational.ZERO, relu.derivative(r(-1, 1000)));

        Activation leaky = new Activation.LeakyRelu(r(1, 10));
        assertEquals(r(-3, 20), leaky.apply(r(-3, 2)));
        assertEquals(r(3, 2), leaky.apply(r(3, 2)));
        assertEquals(Rational.ONE, leaky.derivative(r(1, 1000)));
        assertEquals(r(1, 10), leaky.derivative(Rational.ZERO), "leaky'(0) = alpha");
        assertEquals(r(1, 10), leaky.derivative(r(-5, 1)));
    }

    @Test
    void leakyAlphaMustLieStrictlyBetweenZeroAndOne() {
        for (Rational bad : List.of(Rational.ZERO, Rational.ONE, r(-1, 2), r(3, 2))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Activation.LeakyRelu(bad));
            assertTrue(e.getMessage().contains("0 < alpha < 1"), e.getMessage());
        }
        assertEquals(r(999, 1000), new Activation.LeakyRelu(r(999, 1000)).alpha());
    }

    @Test
    void hardtanhClipsAndIsFlatAtBothKinks() {
        Activation h = new Activation.HardTanh();
        assertEquals(Rational.ONE, h.apply(r(5, 4)));
        assertEquals(Rational.MINUS_ONE, h.apply(r(-5, 4)));
        assertEquals(r(-1, 3), h.apply(r(-1, 3)));
        assertEquals(Rational.ONE, h.derivative(r(999, 1000)));
        assertEquals(Rational.ONE, h.derivative(r(-999, 1000)));
        assertEquals(Rational.ZERO, h.derivative(Rational.ONE), "hardtanh'(1) = 0");
        assertEquals(Rational.ZERO, h.derivative(Rational.MINUS_ONE), "hardtanh'(-1) = 0");
        assertEquals(Rational.ZERO, h.derivative(r(7, 1)));
    }

    /** σ(z) = 3 − 2z + z³: σ(2) = 7, σ'(z) = −2 + 3z², σ'(2) = 10, σ(−1/2) = 31/8, σ'(−1/2) = −5/4. */
    @Test
    void polynomialValueDerivativeAndDegree() {
        Activation p = new Activation.Polynomial(List.of(Rational.of(3), Rational.of(-2), Rational.ZERO, Rational.ONE));
        assertEquals(Rational.of(7), p.apply(Rational.TWO));
        assertEquals(Rational.of(10), p.derivative(Rational.TWO));
        assertEquals(r(31, 8), p.apply(r(-1, 2)));
        assertEquals(r(-5, 4), p.derivative(r(-1, 2)));
        assertEquals(3, p.degree());
        assertFalse(p.isPiecewiseLinear());
        assertEquals("polynomial", p.typeName());
    }

    @Test
    void polynomialDegreeIgnoresTrailingZeroCoefficients() {
        Activation affine = new Activation.Polynomial(List.of(Rational.ONE, Rational.TWO, Rational.ZERO, Rational.ZERO));
        assertEquals(1, affine.degree());
        assertTrue(affine.isPiecewiseLinear());
        assertEquals(Rational.TWO, affine.derivative(Rational.of(100)));
        Activation square = new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));
        assertEquals(2, square.degree());
        assertFalse(square.isPiecewiseLinear());
        Activation constant = new Activation.Polynomial(List.of(Rational.of(5)));
        assertEquals(0, constant.degree());
        assertTrue(constant.isPiecewiseLinear());
        assertEquals(Rational.ZERO, constant.derivative(Rational.of(9)));
        assertEquals(0, new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO)).degree(), "the zero polynomial");
        assertThrows(IllegalArgumentException.class, () -> new Activation.Polynomial(List.of()));
    }

    @Test
    void piecewiseLinearActivationsHaveDegreeOneAndTheirFileNames() {
        List<Activation> pl = List.of(new Activation.Relu(), new Activation.LeakyRelu(r(1, 2)), new Activation.HardTanh(), new Activation.Identity());
        assertEquals(List.of("relu", "leaky_relu", "hardtanh", "identity"), pl.stream().map(Activation::typeName).toList());
        for (Activation a : pl) {
            assertEquals(1, a.degree(), a.typeName());
            assertTrue(a.isPiecewiseLinear(), a.typeName());
        }
        assertEquals(Rational.ONE, new Activation.Identity().derivative(Rational.of(-4)));
    }
}
