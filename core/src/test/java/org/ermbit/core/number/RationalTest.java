package org.ermbit.core.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rational arithmetic against Commons Numbers BigFraction (an independent implementation), seeded. */
class RationalTest {

    /** Random integers mixing small values, values near the long boundary and big values. */
    private static BigInteger randomInt(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> BigInteger.valueOf(rnd.nextInt(21) - 10);
            case 1 -> BigInteger.valueOf(rnd.nextLong());
            case 2 -> BigInteger.valueOf(Long.MAX_VALUE - rnd.nextInt(3)).multiply(BigInteger.valueOf(rnd.nextBoolean() ? 1 : -1));
            case 3 -> BigInteger.valueOf(Long.MIN_VALUE + rnd.nextInt(3));
            default -> new BigInteger(80 + rnd.nextInt(100), rnd).multiply(BigInteger.valueOf(rnd.nextBoolean() ? 1 : -1));
        };
    }

    private static BigInteger nonZero(Random rnd) {
        BigInteger v;
        do {
            v = randomInt(rnd);
        } while (v.signum() == 0);
        return v;
    }

    private static void assertSame(BigFraction expected, Rational actual, String what) {
        BigInteger num = expected.getNumerator();
        BigInteger den = expected.getDenominator();
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) den = BigInteger.ONE;
        assertEquals(num, actual.numerator(), what + " numerator");
        assertEquals(den, actual.denominator(), what + " denominator");
        String text = den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
        assertEquals(text, actual.toString(), what + " text");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void arithmeticAgreesWithBigFraction(long seed) {
        Random rnd = new Random(seed);
        for (int k = 0; k < 400; k++) {
            BigInteger an = randomInt(rnd);
            BigInteger ad = nonZero(rnd);
            BigInteger bn = randomInt(rnd);
            BigInteger bd = nonZero(rnd);
            Rational a = Rational.of(an, ad);
            Rational b = Rational.of(bn, bd);
            BigFraction fa = BigFraction.of(an, ad);
            BigFraction fb = BigFraction.of(bn, bd);
            assertSame(fa, a, "of");
            assertSame(fa.add(fb), a.add(b), a + " + " + b);
            assertSame(fa.subtract(fb), a.subtract(b), a + " - " + b);
            assertSame(fa.multiply(fb), a.multiply(b), a + " * " + b);
            assertSame(fa.negate(), a.negate(), "-" + a);
            assertSame(fa.abs(), a.abs(), "|" + a + "|");
            assertSame(fa.pow(3), a.pow(3), a + "^3");
            if (fb.signum() != 0) assertSame(fa.divide(fb), a.divide(b), a + " / " + b);
            // the sign of the BigFraction difference (BigFraction.compareTo 1.2 misorders some operands
            // built with negative denominators, so it is not used as the oracle here)
            assertEquals(fa.subtract(fb).signum(), Integer.signum(a.compareTo(b)), "compare " + a + " " + b);
            assertEquals(fa.signum(), a.signum());
            assertEquals(fa.equals(fb), a.equals(b));
            if (a.equals(b)) assertEquals(a.hashCode(), b.hashCode());
            // floor and ceil against BigInteger division of the reduced fraction
            BigInteger[] qr = fa.getNumerator().divideAndRemainder(fa.getDenominator());
            BigInteger exactFloor = fa.getNumerator().signum() * fa.getDenominator().signum() < 0 && qr[1].signum() != 0
                    ? qr[0].subtract(BigInteger.ONE) : qr[0];
            assertEquals(exactFloor, a.floor(), "floor " + a);
        }
    }

    @Test
    void longFastPathOverflowFallsBackToExactBigPath() {
        Rational max = Rational.of(Long.MAX_VALUE);
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).multiply(BigInteger.TWO), max.add(max).numerator());
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).pow(2), max.multiply(max).numerator());
        Rational min = Rational.of(Long.MIN_VALUE);
        assertEquals("9223372036854775808", min.negate().toString());
        assertEquals("1/9223372036854775807", Rational.of(1, Long.MAX_VALUE).toString());
        assertEquals("-1/9223372036854775808", Rational.of(1, Long.MIN_VALUE).toString());
        // 1/(2^62) + 1/(2^62 - 1): denominators multiply past a long
        Rational x = Rational.of(1, 1L << 62).add(Rational.of(1, (1L << 62) - 1));
        BigInteger d1 = BigInteger.ONE.shiftLeft(62);
        BigInteger d2 = d1.subtract(BigInteger.ONE);
        assertEquals(d1.add(d2), x.numerator());
        assertEquals(d1.multiply(d2), x.denominator());
        // results that shrink back fit the small representation and compare equal to it
        Rational big = Rational.of(BigInteger.TEN.pow(30), BigInteger.TEN.pow(29));
        assertEquals(Rational.of(10), big);
        assertEquals(Rational.of(10).hashCode(), big.hashCode());
    }

    /**
     * Equal values are equal objects with equal hash codes whichever way they were built (long
     * factory, BigInteger factory, arithmetic, negation), also at the boundary of the long fast path:
     * before the fix, 2^63 − 1 built from a long and from a BigInteger compared as 0 but were not
     * {@code equals}.
     */
    @Test
    void equalValuesAreEqualWhicheverWayTheyWereBuilt() {
        long[] boundary = {(1L << 62) - 2, (1L << 62) - 1, 1L << 62, (1L << 62) + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE,
            -(1L << 62) + 1, -(1L << 62), -(1L << 62) - 1, Long.MIN_VALUE + 1, Long.MIN_VALUE};
        for (long v : boundary) {
            BigInteger bv = BigInteger.valueOf(v);
            Rational viaLong = Rational.of(v);
            java.util.List<Rational> same = new java.util.ArrayList<>(java.util.List.of(Rational.of(bv), Rational.of(v, 1),
                    Rational.of(bv, BigInteger.ONE), Rational.of(bv.negate()).negate(), Rational.of(bv.subtract(BigInteger.ONE)).add(Rational.ONE),
                    Rational.of(bv.multiply(BigInteger.TWO), BigInteger.TWO)));
            if (v != Long.MIN_VALUE) {
                same.add(Rational.of(-v).negate());
                same.add(Rational.of(v - 1 + (v > 0 ? 0 : 2)).add(v > 0 ? Rational.ONE : Rational.MINUS_ONE));
            }
            for (Rational r : same) {
                assertEquals(0, viaLong.compareTo(r), v + " compare");
                assertEquals(viaLong, r, v + " equals");
                assertEquals(r, viaLong, v + " equals (symmetric)");
                assertEquals(viaLong.hashCode(), r.hashCode(), v + " hash");
            }
            assertEquals(1, new java.util.HashSet<>(same).size(), v + " as set elements");
            if (v > 0) {
                Rational inverse = Rational.of(1, v);
                assertEquals(Rational.of(BigInteger.ONE, bv), inverse, "1/" + v);
                assertEquals(viaLong.reciprocal(), inverse, "reciprocal of " + v);
                assertEquals(Rational.of(BigInteger.ONE, bv).hashCode(), inverse.hashCode(), "hash of 1/" + v);
            }
        }
    }

    @Test
    void lowestTermsAndSigns() {
        assertEquals("-3/4", Rational.of(6, -8).toString());
        assertEquals("5", Rational.of(10, 2).toString());
        assertEquals("0", Rational.of(0, -7).toString());
        assertEquals(BigInteger.ONE, Rational.of(0, -7).denominator());
        assertEquals(Rational.ZERO, Rational.of(3, 4).subtract(Rational.of(6, 8)));
        assertThrows(ArithmeticException.class, () -> Rational.of(1, 0));
        assertThrows(ArithmeticException.class, () -> Rational.ONE.divide(Rational.ZERO));
        assertThrows(ArithmeticException.class, () -> Rational.ZERO.reciprocal());
    }

    @Test
    void floorCeilBitLengthByHand() {
        assertEquals(BigInteger.valueOf(-2), Rational.of(-3, 2).floor());
        assertEquals(BigInteger.valueOf(-1), Rational.of(-3, 2).ceil());
        assertEquals(BigInteger.valueOf(1), Rational.of(3, 2).floor());
        assertEquals(BigInteger.valueOf(2), Rational.of(3, 2).ceil());
        assertEquals(BigInteger.valueOf(4), Rational.of(4).ceil());
        // 5/8: numerator 101 (3 bits) + denominator 1000 (4 bits)
        assertEquals(7, Rational.of(5, 8).bitLength());
        assertEquals(Rational.ONE, Rational.of(5, 7).pow(0));
        assertEquals(Rational.of(-125, 343), Rational.of(-5, 7).pow(3));
        assertEquals(1, Rational.ZERO.bitLength());
    }

    @Test
    void decimalRenderingIsOnlyAnApproximation() {
        assertEquals("0.333333", Rational.of(1, 3).toDecimalString(6));
        assertEquals("0.125", Rational.of(1, 8).toDecimalString(6));
        // session 24: a positive loss of 10^-300 read "approximately 0" next to "exceeds the threshold 0"
        assertEquals("1E-300", Rational.of(BigInteger.ONE, BigInteger.TEN.pow(300)).toDecimalString(6));
        assertEquals("-3.33333E-8", Rational.of(-1, 30_000_000).toDecimalString(6));
        assertEquals("0.000001", Rational.of(1, 1_000_000).toDecimalString(6));
        assertEquals("0", Rational.ZERO.toDecimalString(6));
    }

    @Test
    void parserIsExact() {
        assertEquals(Rational.of(1, 10), RationalParser.parse("0.1"));
        assertEquals(Rational.of(-1, 8), RationalParser.parse("-0.125"));
        assertEquals(Rational.of(5, 2), RationalParser.parse("2.5"));
        assertEquals(Rational.of(-3, 4), RationalParser.parse("-3/4"));
        assertEquals(Rational.of(-3, 4), RationalParser.parse("3/-4"));
        assertEquals(Rational.of(2, 3), RationalParser.parse(" 4/6 "));
        assertEquals(Rational.of(7), RationalParser.parse("7"));
        assertEquals(Rational.of(7), RationalParser.parse("+7"));
        assertEquals(Rational.of(1, 1000), RationalParser.parse("1e-3"));
        assertEquals(Rational.of(1500), RationalParser.parse("1.5E3"));
        assertEquals(Rational.of(1, 2), RationalParser.parse(".5"));
        assertEquals(Rational.of(5), RationalParser.parse("5."));
        BigInteger big = BigInteger.TEN.pow(40).add(BigInteger.ONE);
        assertEquals(Rational.of(big, BigInteger.valueOf(3)), RationalParser.parse(big + "/3"));
        // 0.1 + 0.2 is exactly 3/10 (no binary floating point anywhere)
        assertEquals(Rational.of(3, 10), RationalParser.parse("0.1").add(RationalParser.parse("0.2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "1/0", "0/0", "1/2/3", "1.5/2", "NaN", "Infinity", "-", "1e", "0x10",
        "1,5", "1 2", "1e99999", "--1", "1/", "/2"})
    void parserRejectsWithAMessage(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> RationalParser.parse(text));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    /** The documented caps (docs/FORMAT.md): |exponent| ≤ 10 000 and number texts of ≤ 10 000 characters, both inclusive. */
    @Test
    void parserCapsAreInclusive() {
        assertEquals(Rational.of(BigInteger.TEN.pow(10_000)), RationalParser.parse("1e10000"));
        assertEquals(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(10_000)), RationalParser.parse("1e-10000"));
        assertEquals(Rational.of(BigInteger.TEN.pow(10_000)), RationalParser.parse("1e+0010000"), "leading zeros of the exponent");
        assertThrows(NumberFormatException.class, () -> RationalParser.parse("1e10001"));
        assertThrows(NumberFormatException.class, () -> RationalParser.parse("1e-10001"));
        assertThrows(NumberFormatException.class, () -> RationalParser.parse("1e100000"));
        String tenThousandDigits = "9".repeat(10_000);
        assertEquals(Rational.of(BigInteger.TEN.pow(10_000).subtract(BigInteger.ONE)), RationalParser.parse(tenThousandDigits));
        assertEquals(Rational.of(BigInteger.TEN.pow(9_998).subtract(BigInteger.ONE), BigInteger.valueOf(7)),
                RationalParser.parse("9".repeat(9_998) + "/7"), "a 10,000-character fraction");
        NumberFormatException tooLong = assertThrows(NumberFormatException.class, () -> RationalParser.parse("9".repeat(10_001)));
        assertTrue(tooLong.getMessage().contains("10000 characters"), tooLong.getMessage());
        // surrounding blanks do not count
        assertEquals(Rational.of(BigInteger.TEN.pow(10_000).subtract(BigInteger.ONE)), RationalParser.parse(" " + tenThousandDigits + " "));
    }

    /** A fraction's parts are integers: a missing part is refused as a fraction, not as a decimal. */
    @Test
    void aFractionWithAnEmptyPartIsRefusedAsAFraction() {
        for (String text : List.of("/2", "2/", " /2")) {
            NumberFormatException e = assertThrows(NumberFormatException.class, () -> RationalParser.parse(text));
            assertEquals("\"" + text + "\" is not a number (expected p/q with integers p, q)", e.getMessage());
        }
        NumberFormatException d = assertThrows(NumberFormatException.class, () -> RationalParser.parse("2x"));
        assertEquals("\"2x\" is not a number (expected an integer, a decimal or p/q)", d.getMessage());
    }

    @Test
    void minMaxAndEqualityWithOtherTypes() {
        Rational a = Rational.of(-1, 3);
        Rational b = Rational.of(1, 4);
        assertEquals(a, a.min(b));
        assertEquals(a, b.min(a));
        assertEquals(b, a.max(b));
        assertEquals(b, b.max(a));
        assertEquals(a, a.min(Rational.of(-2, 6)));
        Rational hugeNeg = Rational.of(BigInteger.TWO.pow(100).negate());
        assertEquals(hugeNeg, b.min(hugeNeg));
        assertEquals(b, b.max(hugeNeg));
        assertFalse(Rational.ONE.equals(BigInteger.ONE));
        assertFalse(Rational.ONE.equals("1"));
        assertFalse(Rational.ONE.equals(null));
    }

    @Test
    void abbreviationKeepsShortValuesAndShortensLongOnes() {
        assertEquals("-3/4", Rational.of(-3, 4).abbreviated(60));
        // exactly maxChars characters are kept; one more is shortened to maxChars / 2 characters and the length
        assertEquals("-3/4", Rational.of(-3, 4).abbreviated(4));
        assertEquals("-…(4 characters)", Rational.of(-3, 4).abbreviated(3));
        assertEquals("1…(5 characters)", Rational.of(12345).abbreviated(1));
        String big = Rational.of(java.math.BigInteger.TEN.pow(9999)).abbreviated(60);
        assertEquals("100000000000000000000000000000…(10000 characters)", big);
    }
}
