package org.ermbit.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.number.Rational;

/**
 * A finite set of bit-bounded rational values a parameter may take (DESIGN §3): two's complement
 * fixed point, an integer grid over a common denominator, or all rationals of bounded bit-length.
 */
public sealed interface Domain permits Domain.FixedPoint, Domain.Grid, Domain.RationalBits {

    /** Largest accepted bit width of any domain (documented in docs/FORMAT.md). */
    int MAX_BITS = 64;

    /** True iff {@code v} lies in this domain. */
    boolean contains(Rational v);

    /** The least value of the domain. */
    Rational minValue();

    /** The greatest value of the domain. */
    Rational maxValue();

    /** Number of distinct values. */
    BigInteger size();

    /** All values in increasing order; only for small domains (throws if size exceeds {@code limit}). */
    List<Rational> values(int limit);

    /** The name used in {@code ermbit/1} files. */
    String typeName();

    /** k / 2^F with k ∈ [−2^(B−1), 2^(B−1) − 1]. */
    record FixedPoint(int bits, int fractionBits) implements Domain {
        public FixedPoint {
            if (bits < 1 || bits > MAX_BITS) throw new IllegalArgumentException("bits must be in 1.." + MAX_BITS + ", got " + bits);
            if (fractionBits < 0 || fractionBits > MAX_BITS) {
                throw new IllegalArgumentException("fraction_bits must be in 0.." + MAX_BITS + ", got " + fractionBits);
            }
        }

        public BigInteger scale() {
            return BigInteger.ONE.shiftLeft(fractionBits);
        }

        public BigInteger minNumerator() {
            return BigInteger.ONE.shiftLeft(bits - 1).negate();
        }

        public BigInteger maxNumerator() {
            return BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        }

        public boolean contains(Rational v) {
            BigInteger k = v.multiply(Rational.of(scale())).numerator();
            if (!v.multiply(Rational.of(scale())).isInteger()) return false;
            return k.compareTo(minNumerator()) >= 0 && k.compareTo(maxNumerator()) <= 0;
        }

        public Rational minValue() {
            return Rational.of(minNumerator(), scale());
        }

        public Rational maxValue() {
            return Rational.of(maxNumerator(), scale());
        }

        public BigInteger size() {
            return BigInteger.ONE.shiftLeft(bits);
        }

        public List<Rational> values(int limit) {
            return Grid.enumerate(minNumerator(), maxNumerator(), scale(), limit);
        }

        public String typeName() {
            return "fixed";
        }
    }

    /** k / q with k ∈ [low, high] (file keys {@code min}, {@code max}). */
    record Grid(BigInteger denominator, BigInteger low, BigInteger high) implements Domain {
        public Grid {
            if (denominator.signum() <= 0) throw new IllegalArgumentException("grid denominator must be positive, got " + denominator);
            if (low.compareTo(high) > 0) throw new IllegalArgumentException("grid is empty: min " + low + " > max " + high);
            // magnitudes: -2^64 is as far out as 2^64 (BigInteger.bitLength gives 64 and 65)
            if (denominator.bitLength() > MAX_BITS || low.abs().bitLength() > MAX_BITS || high.abs().bitLength() > MAX_BITS) {
                throw new IllegalArgumentException("grid bounds exceed the cap of " + MAX_BITS + " bits");
            }
        }

        public boolean contains(Rational v) {
            Rational k = v.multiply(Rational.of(denominator));
            return k.isInteger() && k.numerator().compareTo(low) >= 0 && k.numerator().compareTo(high) <= 0;
        }

        public Rational minValue() {
            return Rational.of(low, denominator);
        }

        public Rational maxValue() {
            return Rational.of(high, denominator);
        }

        public BigInteger size() {
            return high.subtract(low).add(BigInteger.ONE);
        }

        public List<Rational> values(int limit) {
            return enumerate(low, high, denominator, limit);
        }

        public String typeName() {
            return "grid";
        }

        static List<Rational> enumerate(BigInteger lo, BigInteger hi, BigInteger den, int limit) {
            if (hi.subtract(lo).compareTo(BigInteger.valueOf(limit)) >= 0) {
                throw new IllegalArgumentException("domain has more than " + limit + " values");
            }
            List<Rational> out = new ArrayList<>();
            for (BigInteger k = lo; k.compareTo(hi) <= 0; k = k.add(BigInteger.ONE)) out.add(Rational.of(k, den));
            return out;
        }
    }

    /** p/q in lowest terms with |p| ≤ 2^B − 1 and 1 ≤ q ≤ 2^B − 1 (the bit-length model). */
    record RationalBits(int bits) implements Domain {
        public RationalBits {
            if (bits < 1 || bits > MAX_BITS) throw new IllegalArgumentException("bits must be in 1.." + MAX_BITS + ", got " + bits);
        }

        public BigInteger bound() {
            return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        }

        public boolean contains(Rational v) {
            return v.numerator().abs().compareTo(bound()) <= 0 && v.denominator().compareTo(bound()) <= 0;
        }

        public Rational minValue() {
            return Rational.of(bound().negate());
        }

        public Rational maxValue() {
            return Rational.of(bound());
        }

        /** Largest {@code bits} for which {@link #size()} is computed (the count needs ~2^(3B/4) steps). */
        public static final int MAX_COUNTED_BITS = 24;

        /**
         * 1 + 2·C(2^B − 1), where C(n) counts coprime pairs in [1, n]² (zero, and ±p/q in lowest
         * terms). Throws ArithmeticException past {@link #MAX_COUNTED_BITS} bits (more than 2^48 values).
         */
        public BigInteger size() {
            if (bits > MAX_COUNTED_BITS) {
                throw new ArithmeticException("not supported: counting the values of a rational domain with more than "
                        + MAX_COUNTED_BITS + " bits (it has more than 2^" + (2 * MAX_COUNTED_BITS) + " values)");
            }
            long n = bound().longValueExact();
            return BigInteger.valueOf(coprimePairs(n, new java.util.HashMap<>())).shiftLeft(1).add(BigInteger.ONE);
        }

        /** #{(p, q) ∈ [1, n]² : gcd(p, q) = 1}, from Σ_{d ≥ 1} C(⌊n/d⌋) = n². */
        private static long coprimePairs(long n, java.util.Map<Long, Long> memo) {
            if (n == 0) return 0;
            Long known = memo.get(n);
            if (known != null) return known;
            long c = n * n;
            for (long d = 2; d <= n; ) {
                long v = n / d;
                long last = n / v;
                c -= (last - d + 1) * coprimePairs(v, memo);
                d = last + 1;
            }
            memo.put(n, c);
            return c;
        }

        public List<Rational> values(int limit) {
            long b = bound().longValueExact();
            if (bits > 12) throw new IllegalArgumentException("rational domain with " + bits + " bits is too large to enumerate");
            java.util.TreeSet<Rational> set = new java.util.TreeSet<>();
            for (long q = 1; q <= b; q++) {
                for (long p = -b; p <= b; p++) {
                    set.add(Rational.of(p, q));
                    if (set.size() > limit) throw new IllegalArgumentException("domain has more than " + limit + " values");
                }
            }
            return new ArrayList<>(set);
        }

        public String typeName() {
            return "rational";
        }
    }
}
