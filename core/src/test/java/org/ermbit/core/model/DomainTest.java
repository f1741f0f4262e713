package org.ermbit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.TreeSet;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Domain membership and sizes against hand counts and brute-force enumeration. */
class DomainTest {

    /** fixed (bits 4, fraction 1): k/2 for k in −8..7, i.e. −4, −7/2, …, 7/2 (16 values). */
    @Test
    void fixedPointByHand() {
        Domain.FixedPoint d = new Domain.FixedPoint(4, 1);
        assertEquals(BigInteger.valueOf(16), d.size());
        assertEquals(Rational.of(-4), d.minValue());
        assertEquals(Rational.of(7, 2), d.maxValue());
        assertTrue(d.contains(Rational.of(-7, 2)));
        assertFalse(d.contains(Rational.of(4)));
        assertFalse(d.contains(Rational.of(1, 4)));
        assertEquals(16, d.values(100).size());
    }

    /** grid q = 3, −2..4: −2/3, −1/3, 0, 1/3, 2/3, 1, 4/3 (7 values). */
    @Test
    void gridBoundsAreCappedByMagnitude() {
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        BigInteger below = two64.subtract(BigInteger.ONE);
        new Domain.Grid(BigInteger.ONE, below.negate(), below); // |bounds| < 2^64: accepted
        // -2^64 was accepted (its two's-complement bit length is 64) where 2^64 was refused
        assertThrows(IllegalArgumentException.class, () -> new Domain.Grid(BigInteger.ONE, two64.negate(), BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Domain.Grid(BigInteger.ONE, BigInteger.ZERO, two64));
    }

    @Test
    void gridByHand() {
        Domain.Grid g = new Domain.Grid(BigInteger.valueOf(3), BigInteger.valueOf(-2), BigInteger.valueOf(4));
        assertEquals(BigInteger.valueOf(7), g.size());
        assertTrue(g.contains(Rational.of(4, 3)));
        assertTrue(g.contains(Rational.ONE));
        assertFalse(g.contains(Rational.of(5, 3)));
        assertFalse(g.contains(Rational.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> new Domain.Grid(BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Domain.Grid(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ONE));
    }

    /** rational (bits 2): |p| ≤ 3, 1 ≤ q ≤ 3: 0, ±1, ±2, ±3, ±1/2, ±3/2, ±1/3, ±2/3 = 15 values by hand. */
    @Test
    void rationalBitsByHand() {
        Domain.RationalBits d = new Domain.RationalBits(2);
        assertEquals(BigInteger.valueOf(15), d.size());
        assertTrue(d.contains(Rational.of(-2, 3)));
        assertFalse(d.contains(Rational.of(1, 4)));
        assertFalse(d.contains(Rational.of(4)));
    }

    /** Membership is inclusive at both ends of every domain and exclusive one step past them. */
    @Test
    void membershipBoundariesAreInclusive() {
        Domain.FixedPoint f = new Domain.FixedPoint(4, 1);
        assertTrue(f.contains(Rational.of(-4)));
        assertTrue(f.contains(Rational.of(7, 2)));
        assertFalse(f.contains(Rational.of(-9, 2)));
        Domain.Grid g = new Domain.Grid(BigInteger.valueOf(3), BigInteger.valueOf(-2), BigInteger.valueOf(4));
        assertTrue(g.contains(Rational.of(-2, 3)));
        assertFalse(g.contains(Rational.of(-1)));
        Domain.RationalBits r = new Domain.RationalBits(2);
        assertTrue(r.contains(Rational.of(-3)));
        assertTrue(r.contains(Rational.of(3)));
        assertTrue(r.contains(Rational.of(1, 3)));
        assertTrue(r.contains(Rational.of(-3, 2)));
        assertFalse(r.contains(Rational.of(-4)));
        assertFalse(r.contains(Rational.of(-1, 4)));
        assertEquals(Rational.of(-3), r.minValue());
        assertEquals(Rational.of(3), r.maxValue());
        assertEquals(Rational.of(-2, 3), g.minValue());
        assertEquals(Rational.of(4, 3), g.maxValue());
    }

    /** values(limit) lists the domain in increasing order and refuses only domains with more than limit values. */
    @Test
    void enumerationHonoursTheLimitExactly() {
        Domain.Grid g = new Domain.Grid(BigInteger.valueOf(3), BigInteger.valueOf(-2), BigInteger.valueOf(4));
        assertEquals(java.util.List.of(Rational.of(-2, 3), Rational.of(-1, 3), Rational.ZERO, Rational.of(1, 3), Rational.of(2, 3),
                Rational.ONE, Rational.of(4, 3)), g.values(7));
        assertThrows(IllegalArgumentException.class, () -> g.values(6));
        Domain.FixedPoint f = new Domain.FixedPoint(2, 0);
        assertEquals(java.util.List.of(Rational.of(-2), Rational.MINUS_ONE, Rational.ZERO, Rational.ONE), f.values(4));
        assertThrows(IllegalArgumentException.class, () -> f.values(3));
        Domain.RationalBits r = new Domain.RationalBits(2);
        java.util.List<Rational> fifteen = r.values(15);
        assertEquals(java.util.List.of(Rational.of(-3), Rational.of(-2), Rational.of(-3, 2), Rational.MINUS_ONE, Rational.of(-2, 3),
                Rational.of(-1, 2), Rational.of(-1, 3), Rational.ZERO, Rational.of(1, 3), Rational.of(1, 2), Rational.of(2, 3), Rational.ONE,
                Rational.of(3, 2), Rational.of(2), Rational.of(3)), fifteen);
        assertThrows(IllegalArgumentException.class, () -> r.values(14));
        assertEquals(java.util.List.of("fixed", "grid", "rational"), java.util.List.of(f.typeName(), g.typeName(), r.typeName()));
    }

    /**
     * Rational domains of up to 12 bits are enumerated (and stopped by the limit); from 13 bits on they are
     * refused outright, whatever the limit.
     */
    @Test
    void rationalDomainsPastTwelveBitsAreNotEnumerated() {
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class, () -> new Domain.RationalBits(12).values(10));
        assertEquals("domain has more than 10 values", limit.getMessage());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> new Domain.RationalBits(13).values(Integer.MAX_VALUE));
        assertEquals("rational domain with 13 bits is too large to enumerate", big.getMessage());
    }

    @Test
    void uniformMeansEqualWeightAndBiasDomains() {
        Domain a = new Domain.FixedPoint(4, 1);
        assertTrue(ParameterDomains.uniform(a).isUniform());
        assertTrue(new ParameterDomains(a, new Domain.FixedPoint(4, 1)).isUniform());
        assertFalse(new ParameterDomains(a, new Domain.FixedPoint(4, 0)).isUniform());
    }

    /** The counting formula agrees with brute-force enumeration of all p/q. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void rationalBitsSizeMatchesEnumeration(int bits) {
        long b = (1L << bits) - 1;
        TreeSet<Rational> all = new TreeSet<>();
        for (long q = 1; q <= b; q++) for (long p = -b; p <= b; p++) all.add(Rational.of(p, q));
        assertEquals(BigInteger.valueOf(all.size()), new Domain.RationalBits(bits).size());
    }

    @Test
    void largeRationalDomainsAreCountedOrRefusedLoudly() {
        // 24 bits is the documented limit of the exact count; the value is at least 2^47
        assertTrue(new Domain.RationalBits(24).size().bitLength() > 47);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> new Domain.RationalBits(25).size());
        assertTrue(e.getMessage().startsWith("not supported: "));
    }
}
