package org.ermbit.reductions.slp;

import java.math.BigInteger;
import org.ermbit.core.number.Rational;

/**
 * A rigorous upper bound mantissa·2^exponent on an absolute value, with the mantissa rounded
 * <em>up</em> to at most 62 bits after every operation — an exact-integer "float" that never
 * underestimates. Used to bound bit lengths of huge values without computing them. Exponents are
 * longs: an operation whose exponent would not fit throws {@link ArithmeticException} (never wraps).
 */
public record MagnitudeBound(BigInteger mantissa, long exponent) {
    static final int PRECISION = 62;

    /** The bound 1. */
    public static final MagnitudeBound ONE = new MagnitudeBound(BigInteger.ONE, 0);
    /** The bound 0. */
    public static final MagnitudeBound ZERO = new MagnitudeBound(BigInteger.ZERO, 0);

    public MagnitudeBound {
        if (mantissa.signum() < 0) throw new IllegalArgumentException("negative mantissa");
    }

    /** A bound ≥ |v| (the smallest such of the form m·2^e with m of at most 62 bits). */
    public static MagnitudeBound of(BigInteger v) {
        return normalized(v.abs(), 0);
    }

    /** A bound ≥ |r| (= ceil(|p|/q) for r = p/q). */
    public static MagnitudeBound of(Rational r) {
        BigInteger[] qr = r.numerator().abs().divideAndRemainder(r.denominator());
        return of(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE));
    }

    static MagnitudeBound normalized(BigInteger m, long e) {
        int excess = m.bitLength() - PRECISION;
        while (excess > 0) { // ceil(m / 2^excess); may carry into one more bit, hence the loop
            m = m.add(BigInteger.ONE.shiftLeft(excess).subtract(BigInteger.ONE)).shiftRight(excess);
            e = Math.addExact(e, excess);
            excess = m.bitLength() - PRECISION;
        }
        return new MagnitudeBound(m, e);
    }

    /** A bound on |a·b| given bounds on |a| and |b|. */
    public MagnitudeBound times(MagnitudeBound o) {
        if (mantissa.signum() == 0 || o.mantissa.signum() == 0) return ZERO;
        return normalized(mantissa.multiply(o.mantissa), Math.addExact(exponent, o.exponent));
    }

    /** A bound on |a ± b| given bounds on |a| and |b|. */
    public MagnitudeBound plus(MagnitudeBound o) {
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

    /** The larger of two bounds (exactly compared). */
    public MagnitudeBound max(MagnitudeBound o) {
        if (mantissa.signum() == 0) return o;
        if (o.mantissa.signum() == 0) return this;
        long a = bitLengthBound();
        long b = o.bitLengthBound();
        if (a != b) return a > b ? this : o;
        long e = Math.min(exponent, o.exponent); // same bit length → exponents differ by < 63
        int c = mantissa.shiftLeft((int) (exponent - e)).compareTo(o.mantissa.shiftLeft((int) (o.exponent - e)));
        return c >= 0 ? this : o;
    }

    /**
     * bitLength(|v|) ≤ bitLength(mantissa) + exponent for every |v| ≤ mantissa·2^exponent.
     *
     * @throws ArithmeticException if that sum does not fit a long
     */
    public long bitLengthBound() {
        return mantissa.signum() == 0 ? 0 : Math.addExact(mantissa.bitLength(), exponent);
    }
}
