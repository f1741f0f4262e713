package org.ermbit.reductions.gadget;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

class SquareGadgetTest {

    static Activation.Polynomial poly(long... c) {
        return new Activation.Polynomial(java.util.Arrays.stream(c).mapToObj(Rational::of).toList());
    }

    static final List<Activation.Polynomial> SIGMAS = List.of(
            poly(0, 0, 1), // t²
            poly(0, 0, 0, 1), // t³
            poly(0, 1, 1), // t² + t
            poly(0, -1, 0, 0, 2), // 2t⁴ − t
            new Activation.Polynomial(List.of(Rational.of(3, 7), Rational.of(-5, 2), Rational.of(1, 3), Rational.of(-2, 9),
                    Rational.of(4), Rational.of(1, 5))), // a dense degree-5 polynomial
            poly(1, 2, 3, 4, 5, 6, 7, 0)); // trailing zero coefficient: degree 6

    @Test
    void squaresExactlyForEverySigma() {
        Random rnd = new Random(1);
        for (Activation.Polynomial s : SIGMAS) {
            SquareGadget g = SquareGadget.of(s);
            assertEquals(s.degree() - 1, g.units());
            for (int i = 0; i < 100; i++) {
                Rational t = Rational.of(rnd.nextInt(2001) - 1000, 1 + rnd.nextInt(50));
                assertEquals(t.multiply(t), g.apply(t), "sigma " + s.coefficients() + " at " + t);
            }
        }
    }

    @Test
    void matchesHandDerivedFormulas() {
        // σ = t³: t² = (σ(t + 1/2) − σ(t − 1/2) − 1/4)/3 (by hand: (t+1/2)³ − (t−1/2)³ = 3t² + 1/4)
        SquareGadget g = SquareGadget.of(poly(0, 0, 0, 1));
        assertEquals(List.of(Rational.of(-1, 2), Rational.of(1, 2)), g.shifts());
        assertEquals(List.of(Rational.of(-1, 3), Rational.of(1, 3)), g.weights());
        assertEquals(Rational.of(-1, 12), g.constant());
        // σ = 2t⁴ − t: σ(t+1) − 2σ(t) + σ(t−1) = 24t² + 4
        SquareGadget h = SquareGadget.of(poly(0, -1, 0, 0, 2));
        assertEquals(List.of(Rational.of(-1), Rational.ZERO, Rational.ONE), h.shifts());
        assertEquals(List.of(Rational.of(1, 24), Rational.of(-1, 12), Rational.of(1, 24)), h.weights());
        assertEquals(Rational.of(-1, 6), h.constant());
    }

    @Test
    void refusesDegreeBelowTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SquareGadget.of(poly(1, 1)));
        assertTrue(e.getMessage().startsWith("not supported:"));
    }
}
