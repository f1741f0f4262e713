package org.ermbit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/**
 * The piece conventions the verifier compares decoded patterns against (javadoc of
 * {@link ActivationPattern}): relu / leaky_relu piece 1 iff z &gt; 0; hardtanh piece 0 iff z ≤ −1,
 * 2 iff z ≥ 1, else 1 — checked at and next to every kink.
 */
class ActivationPatternTest {

    private static Rational r(long p, long q) {
        return Rational.of(p, q);
    }

    @Test
    void reluAndLeakyPiecesAtAndNextToTheKink() {
        for (Activation a : List.of(new Activation.Relu(), new Activation.LeakyRelu(r(1, 3)))) {
            assertEquals(0, ActivationPattern.piece(a, Rational.ZERO), a.typeName() + " at 0");
            assertEquals(1, ActivationPattern.piece(a, r(1, 1000)), a.typeName());
            assertEquals(0, ActivationPattern.piece(a, r(-1, 1000)), a.typeName());
            assertTrue(ActivationPattern.hasPieces(a));
        }
    }

    @Test
    void hardtanhPiecesAtAndNextToBothKinks() {
        Activation h = new Activation.HardTanh();
        assertEquals(0, ActivationPattern.piece(h, r(-3, 2)));
        assertEquals(0, ActivationPattern.piece(h, Rational.MINUS_ONE));
        assertEquals(1, ActivationPattern.piece(h, r(-999, 1000)));
        assertEquals(1, ActivationPattern.piece(h, Rational.ZERO));
        assertEquals(1, ActivationPattern.piece(h, r(999, 1000)));
        assertEquals(2, ActivationPattern.piece(h, Rational.ONE));
        assertEquals(2, ActivationPattern.piece(h, r(3, 2)));
    }

    @Test
    void singlePieceActivationsHaveNoPattern() {
        Activation id = new Activation.Identity();
        Activation poly = new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));
        assertFalse(ActivationPattern.hasPieces(id));
        assertFalse(ActivationPattern.hasPieces(poly));
        assertThrows(IllegalArgumentException.class, () -> ActivationPattern.piece(id, Rational.ONE));
    }

    /**
     * Net 1-2-1 (relu, then identity) with hidden units z₁ = x − 1 and z₂ = −x + 1 on x = 0, 1, 2:
     * z₁ = −1, 0, 1 gives pieces 0, 0, 1; z₂ = 1, 0, −1 gives 1, 0, 0 (both off at the shared kink
     * x = 1); the identity output layer has an empty list.
     */
    @Test
    void patternOfANetworkOnItsData() {
        ErmInstance inst = Instances.of("{\"inputs\": 1, \"layers\": [{\"units\": 2, \"activation\": \"relu\"},"
                + " {\"units\": 1, \"activation\": \"identity\"}]}", "{\"domain\": \"fixed\", \"bits\": 3}", "{\"type\": \"squared\"}", "0",
                "{\"inputs\": [[0], [1], [2]], \"targets\": [[0], [0], [0]]}");
        ActivationPattern p = ActivationPattern.of(inst, Instances.params(
                "[{\"weights\": [[1], [-1]], \"biases\": [-1, 1]}, {\"weights\": [[1, 1]], \"biases\": [0]}]"));
        assertEquals(3, p.points());
        assertEquals(List.of(List.of(0, 1), List.of()), p.pieces().get(0));
        assertEquals(List.of(List.of(0, 0), List.of()), p.pieces().get(1));
        assertEquals(List.of(List.of(1, 0), List.of()), p.pieces().get(2));
        assertEquals(1, p.piece(2, 1, 0));
        assertEquals(0, p.piece(2, 1, 1));
    }
}
