package org.ermbit.reductions.slp;

import java.math.BigInteger;

/** An upper bound mantissa·2^exponent on an absolute value, rounded up to a 62-bit mantissa. */
record MagnitudeBound(BigInteger mantissa, long exponent) {
    static final int PRECISION = 62;
    static final MagnitudeBound ONE = new MagnitudeBound(BigInteger.ONE, 0);

    static MagnitudeBound normalized(BigInteger m, long e) {
        int excess = m.bitLength() - PRECISION;
        while (excess > 0) { // ceil(m / 2^excess); may carry into one more bit, hence the loop
            m = m.add(BigInteger.ONE.shiftLeft(excess).subtract(BigInteger.ONE)).shiftRight(excess);
            e += excess;
            excess = m.bitLength() - PRECISION;
        }
        return new MagnitudeBound(m, e);
    }

    MagnitudeBound times(MagnitudeBound o) {
        if (mantissa.signum() == 0 || o.mantissa.signum() == 0) return new MagnitudeBound(BigInteger.ZERO, 0);
        return normalized(mantissa.multiply(o.mantissa), Math.addExact(exponent, o.exponent));
    }

    MagnitudeBound plus(MagnitudeBound o) {
        if (mantissa.signum() == 0) return o;
        if (o.mantissa.signum() == 0) return this;
        MagnitudeBound hi = exponent >= o.exponent ? this : o;
        MagnitudeBound lo = hi == this ? o : this;
        long gap = hi.exponent - lo.exponent;
        if (gap >= PRECISION) {
            // lo < 2^(PRECISION + lo.exponent) ≤ 2^hi.exponent, so hi + lo ≤ (hi.mantissa + 1)·2^hi.exponent
            return normalized(hi.mantissa.add(BigInteger.ONE), hi.exponent);
        }
        return normalized(hi.mantissa.shiftLeft((int) gap).add(lo.mantissa), lo.exponent);
    }

    /** bitLength(|v|) ≤ bitLength(mantissa) + exponent for every |v| ≤ mantissa·2^exponent. */
    long bitLengthBound() {
        return mantissa.signum() == 0 ? 0 : mantissa.bitLength() + exponent;
    }
}
