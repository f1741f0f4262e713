package org.ermbit.core.number;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact, immutable rational number p/q in lowest terms with q &gt; 0.
 *
 * <p>Values whose numerator and denominator fit in a {@code long} use a {@code long} fast path;
 * everything else falls back to {@link BigInteger}. Every operation is exact; there is no rounding
 * anywhere. {@link #toString()} prints {@code p/q}, or plain {@code p} for integers.
 */
public final class Rational implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);
    public static final Rational MINUS_ONE = new Rational(-1, 1);
    public static final Rational TWO = new Rational(2, 1);

    /**
     * Small representation, used exactly when |numerator| and denominator are both below
     * {@link #SMALL_LIMIT} (so the representation is canonical, negation never overflows and
     * {@link #equals} may compare representations).
     */
    private final long n;
    private final long d;
    /** Big representation (non-null iff the value does not fit the small one). */
    private final BigInteger bn;
    private final BigInteger bd;

    private static final long SMALL_LIMIT = 1L << 62;

    private Rational(long n, long d) {
        this.n = n;
        this.d = d;
        this.bn = null;
        this.bd = null;
    }

    private Rational(BigInteger bn, BigInteger bd) {
        this.n = 0;
        this.d = 0;
        this.bn = bn;
        this.bd = bd;
    }

    /** The integer {@code v}. */
    public static Rational of(long v) {
        if (v == 0) return ZERO;
        if (v == 1) return ONE;
        return ofReduced(v, 1);
    }

    /** The integer {@code v}. */
    public static Rational of(BigInteger v) {
        return ofNormalized(v, BigInteger.ONE);
    }

    /** {@code num/den} reduced to lowest terms; throws ArithmeticException if {@code den == 0}. */
    public static Rational of(long num, long den) {
        if (den == 0) throw new ArithmeticException("denominator is zero");
        if (num == Long.MIN_VALUE || den == Long.MIN_VALUE) {
            return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
        }
        if (den < 0) {
            num = -num;
            den = -den;
        }
        long g = gcd(Math.abs(num), den);
        return ofReduced(num / g, den / g);
    }

    /** {@code num/den} reduced to lowest terms; throws ArithmeticException if {@code den == 0}. */
    public static Rational of(BigInteger num, BigInteger den) {
        if (den.signum() == 0) throw new ArithmeticException("denominator is zero");
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) den = BigInteger.ONE;
        return ofNormalized(num, den);
    }

    /** The exact value of a decimal (no rounding: 0.1 is 1/10). */
    public static Rational of(BigDecimal v) {
        BigInteger unscaled = v.unscaledValue();
        int scale = v.scale();
        if (scale <= 0) return of(unscaled.multiply(BigInteger.TEN.pow(-scale)));
        return of(unscaled, BigInteger.TEN.pow(scale));
    }

    /** Already-reduced values, stored small exactly when they fit the small representation. */
    private static Rational ofNormalized(BigInteger num, BigInteger den) {
        if (fitsSmall(num) && fitsSmall(den)) return new Rational(num.longValue(), den.longValue());
        return new Rational(num, den);
    }

    /** Already-reduced long values ({@code den > 0}), stored small exactly when they fit. */
    private static Rational ofReduced(long num, long den) {
        if (fitsSmall(num) && fitsSmall(den)) return new Rational(num, den);
        return new Rational(BigInteger.valueOf(num), BigInteger.valueOf(den));
    }

    private static boolean fitsSmall(BigInteger v) {
        return v.abs().bitLength() <= 62;
    }

    private static boolean fitsSmall(long v) {
        return v > -SMALL_LIMIT && v < SMALL_LIMIT;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    private boolean isSmall() {
        return bn == null;
    }

    /** The numerator (sign carrier), in lowest terms. */
    public BigInteger numerator() {
        return isSmall() ? BigInteger.valueOf(n) : bn;
    }

    /** The denominator, always positive, in lowest terms. */
    public BigInteger denominator() {
        return isSmall() ? BigInteger.valueOf(d) : bd;
    }

    public int signum() {
        return isSmall() ? Long.signum(n) : bn.signum();
    }

    public boolean isZero() {
        return signum() == 0;
    }

    public boolean isInteger() {
        return isSmall() ? d == 1 : bd.equals(BigInteger.ONE);
    }

    public Rational add(Rational o) {
        if (isSmall() && o.isSmall()) {
            try {
                if (d == o.d) return of(Math.addExact(n, o.n), d);
                long num = Math.addExact(Math.multiplyExact(n, o.d), Math.multiplyExact(o.n, d));
                return of(num, Math.multiplyExact(d, o.d));
            } catch (ArithmeticException overflow) {
                // fall through to the exact big path
            }
        }
        return of(numerator().multiply(o.denominator()).add(o.numerator().multiply(denominator())),
                denominator().multiply(o.denominator()));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        if (isSmall() && o.isSmall()) {
            try {
                long g1 = gcd(Math.abs(n), o.d);
                long g2 = gcd(Math.abs(o.n), d);
                return of(Math.multiplyExact(n / g1, o.n / g2), Math.multiplyExact(d / g2, o.d / g1));
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return of(numerator().multiply(o.numerator()), denominator().multiply(o.denominator()));
    }

    public Rational multiply(long k) {
        return multiply(of(k));
    }

    /** Exact division; throws ArithmeticException on division by zero. */
    public Rational divide(Rational o) {
        if (o.isZero()) throw new ArithmeticException("division by zero");
        return multiply(o.reciprocal());
    }

    public Rational reciprocal() {
        if (isZero()) throw new ArithmeticException("division by zero");
        return isSmall() ? of(d, n) : of(bd, bn);
    }

    public Rational negate() {
        return isSmall() ? new Rational(-n, d) : new Rational(bn.negate(), bd);
    }

    public Rational abs() {
        return signum() < 0 ? negate() : this;
    }

    /** {@code this^k} for {@code k >= 0}. */
    public Rational pow(int k) {
        if (k < 0) throw new IllegalArgumentException("negative exponent");
        return of(numerator().pow(k), denominator().pow(k));
    }

    public Rational square() {
        return multiply(this);
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    /** Largest integer ≤ this. */
    public BigInteger floor() {
        BigInteger[] qr = numerator().divideAndRemainder(denominator());
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** Smallest integer ≥ this. */
    public BigInteger ceil() {
        return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE);
    }

    /** Bit-length of the numerator plus bit-length of the denominator (the bit-model size). */
    public int bitLength() {
        return numerator().abs().bitLength() + denominator().bitLength();
    }

    @Override
    public int compareTo(Rational o) {
        if (isSmall() && o.isSmall()) {
            if (d == o.d) return Long.compare(n, o.n);
            try {
                return Long.compare(Math.multiplyExact(n, o.d), Math.multiplyExact(o.n, d));
            } catch (ArithmeticException overflow) {
                // fall through
            }
        }
        return numerator().multiply(o.denominator()).compareTo(o.numerator().multiply(denominator()));
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) return true;
        if (!(obj instanceof Rational)) return false;
        Rational o = (Rational) obj;
        if (isSmall() != o.isSmall()) return false; // representation is canonical
        return isSmall() ? n == o.n && d == o.d : bn.equals(o.bn) && bd.equals(o.bd);
    }

    @Override
    public int hashCode() {
        return isSmall() ? Long.hashCode(n) * 31 + Long.hashCode(d) : Objects.hash(bn, bd);
    }

    /** {@code p/q} in lowest terms, or {@code p} for integers. */
    @Override
    public String toString() {
        if (isSmall()) return d == 1 ? Long.toString(n) : n + "/" + d;
        return bd.equals(BigInteger.ONE) ? bn.toString() : bn + "/" + bd;
    }

    /**
     * {@link #toString()} when it has at most {@code maxChars} characters, otherwise its first
     * characters and its length, e.g. {@code 10000000000…(10000 characters)} — for error messages,
     * which must stay one readable line.
     */
    public String abbreviated(int maxChars) {
        String s = toString();
        return s.length() <= maxChars ? s : s.substring(0, Math.max(1, maxChars / 2)) + "…(" + s.length() + " characters)";
    }

    /**
     * A decimal approximation with {@code digits} fractional digits, for human-readable comments
     * only — never for decisions. A nonzero value that would round to 0 is shown with {@code digits}
     * significant digits in scientific notation instead ({@code 1E-300}), never as 0.
     */
    public String toDecimalString(int digits) {
        BigDecimal fixed = new BigDecimal(numerator()).divide(new BigDecimal(denominator()), digits, java.math.RoundingMode.HALF_EVEN);
        if (fixed.signum() != 0 || signum() == 0) return fixed.stripTrailingZeros().toPlainString();
        return new BigDecimal(numerator()).divide(new BigDecimal(denominator()), new java.math.MathContext(Math.max(1, digits),
                java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros().toString();
    }
}
