package org.ermbit.reductions.slp;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** {@link MagnitudeBound} against hand-worked values and exact BigInteger arithmetic. */
class MagnitudeBoundTest {

    private static BigInteger value(MagnitudeBound b) {
        return b.mantissa().shiftLeft(Math.toIntExact(b.exponent()));
    }

    private static final BigInteger TWO_70 = BigInteger.ONE.shiftLeft(70);

    @Test
    void aRationalIsBoundedByTheCeilingOfItsAbsoluteValue() {
        assertEquals(new MagnitudeBound(BigInteger.valueOf(4), 0), MagnitudeBound.of(Rational.of(7, 2)));
        assertEquals(new MagnitudeBound(BigInteger.valueOf(4), 0), MagnitudeBound.of(Rational.of(-7, 2)));
        assertEquals(new MagnitudeBound(BigInteger.valueOf(6), 0), MagnitudeBound.of(Rational.of(6)));
        assertEquals(new MagnitudeBound(BigInteger.ONE, 0), MagnitudeBound.of(Rational.of(1, 3)));
        // 2^70 needs 71 bits: the mantissa is cut to 62 bits, 2^61·2^9
        assertEquals(new MagnitudeBound(BigInteger.ONE.shiftLeft(61), 9), MagnitudeBound.of(TWO_70));
    }

    @Test
    void sumsOfBoundsWithDifferentExponentsAreExactWhenTheyFit() {
        MagnitudeBound big = MagnitudeBound.of(TWO_70); // 2^61·2^9
        // 2^70 + 1: 71 bits, rounded up to 62 bits: (2^61 + 1)·2^9
        MagnitudeBound plusOne = new MagnitudeBound(BigInteger.ONE.shiftLeft(61).add(BigInteger.ONE), 9);
        assertEquals(plusOne, big.plus(MagnitudeBound.ONE));
        assertEquals(plusOne, MagnitudeBound.ONE.plus(big));
        // 2^70 + 2^65 = (2^61 + 2^56)·2^9 exactly
        MagnitudeBound sum = new MagnitudeBound(BigInteger.ONE.shiftLeft(61).add(BigInteger.ONE.shiftLeft(56)), 9);
        assertEquals(sum, big.plus(MagnitudeBound.of(BigInteger.ONE.shiftLeft(65))));
        assertEquals(sum, MagnitudeBound.of(BigInteger.ONE.shiftLeft(65)).plus(big));
    }

    @Test
    void aFarSmallerSummandStillRaisesTheBound() {
        MagnitudeBound huge = new MagnitudeBound(BigInteger.ONE, 70);
        BigInteger exact = TWO_70.add(BigInteger.ONE);
        assertTrue(value(huge.plus(MagnitudeBound.ONE)).compareTo(exact) >= 0);
        assertTrue(value(MagnitudeBound.ONE.plus(huge)).compareTo(exact) >= 0);
    }

    @Test
    void sumsAndProductsNeverUnderestimate() {
        Random rnd = new Random(7);
        for (int i = 0; i < 500; i++) {
            BigInteger a = new BigInteger(1 + rnd.nextInt(150), rnd);
            BigInteger b = new BigInteger(1 + rnd.nextInt(150), rnd);
            MagnitudeBound ba = MagnitudeBound.of(a);
            MagnitudeBound bb = MagnitudeBound.of(b);
            assertTrue(value(ba.plus(bb)).compareTo(a.add(b)) >= 0, a + " + " + b);
            assertTrue(value(ba.times(bb)).compareTo(a.multiply(b)) >= 0, a + " * " + b);
            assertTrue(ba.plus(bb).bitLengthBound() >= a.add(b).bitLength());
        }
    }

    @Test
    void maxComparesTheBoundedValues() {
        MagnitudeBound five = MagnitudeBound.of(BigInteger.valueOf(5));
        MagnitudeBound seven = MagnitudeBound.of(BigInteger.valueOf(7));
        assertEquals(seven, five.max(seven));
        assertEquals(seven, seven.max(five));
        assertEquals(five, MagnitudeBound.ZERO.max(five));
        assertEquals(five, five.max(MagnitudeBound.ZERO));
        MagnitudeBound big = MagnitudeBound.of(TWO_70);
        assertEquals(big, big.max(seven));
        assertEquals(big, seven.max(big));
        // same bit-length bound (12), different exponents: 3·2^10 = 3072 < 2047·2 = 4094
        MagnitudeBound a = new MagnitudeBound(BigInteger.valueOf(3), 10);
        MagnitudeBound b = new MagnitudeBound(BigInteger.valueOf(2047), 1);
        assertEquals(12, a.bitLengthBound());
        assertEquals(12, b.bitLengthBound());
        assertEquals(b, a.max(b));
        assertEquals(b, b.max(a));
    }
}
