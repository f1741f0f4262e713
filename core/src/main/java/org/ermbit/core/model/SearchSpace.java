package org.ermbit.core.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The number of parameter vectors of an instance: the product of its free parameters' domain sizes,
 * kept as factors (one per distinct domain, with its multiplicity) so that a network with millions of
 * parameters is counted, compared with a cap and described without building a number of millions
 * of bits, and each domain's size is computed once.
 */
public final class SearchSpace {

    /** Above this many bits a count is described by a lower bound 2^k instead of in full. */
    public static final int MAX_PRINTED_BITS = 256;

    /** One distinct domain, its size (empty if too large to count) and how many free parameters use it. */
    private record Factor(Domain domain, Optional<BigInteger> size, int count) {
    }

    private final List<Factor> factors = new ArrayList<>();
    private Optional<String> uncountable = Optional.empty();

    private SearchSpace(ErmInstance inst) {
        Map<Domain, Integer> counts = new LinkedHashMap<>();
        for (ParameterRef r : inst.freeParameters()) counts.merge(inst.domains().of(r), 1, Integer::sum);
        counts.forEach((d, n) -> factors.add(new Factor(d, sizeOf(d), n)));
    }

    /** The search space of {@code inst}'s free parameters. */
    public static SearchSpace of(ErmInstance inst) {
        return new SearchSpace(inst);
    }

    private Optional<BigInteger> sizeOf(Domain d) {
        try {
            return Optional.of(d.size());
        } catch (ArithmeticException tooLarge) {
            if (uncountable.isEmpty()) uncountable = Optional.ofNullable(tooLarge.getMessage());
            return Optional.empty();
        }
    }

    /** Why a domain's size is not counted (Domain.RationalBits past its counting limit), if one is not. */
    public Optional<String> uncountableReason() {
        return uncountable;
    }

    /** True iff every parameter is fixed (one parameter vector). */
    public boolean isSingleVector() {
        return factors.isEmpty();
    }

    /**
     * The exact number of parameter vectors if it is at most {@code cap}; empty if it is larger, or if
     * a domain is too large to count. Never multiplies beyond about twice the bits of {@code cap}.
     */
    public Optional<BigInteger> sizeIfAtMost(BigInteger cap) {
        if (lowerBoundBits() > cap.bitLength()) return Optional.empty();
        BigInteger total = BigInteger.ONE;
        for (Factor f : factors) {
            if (f.size().isEmpty()) return Optional.empty();
            total = total.multiply(f.size().get().pow(f.count()));
            if (total.compareTo(cap) > 0) return Optional.empty();
        }
        return Optional.of(total);
    }

    /** k with 2^k ≤ the number of vectors (Long.MAX_VALUE if a domain is too large to count). */
    private long lowerBoundBits() {
        long bits = 0;
        for (Factor f : factors) {
            if (f.size().isEmpty()) return Long.MAX_VALUE;
            bits += (long) (f.size().get().bitLength() - 1) * f.count();
        }
        return bits;
    }

    /**
     * A tighter lower bound for the printed form: the sum of floor(count · log2 size) per factor, exact
     * while the power is small enough to build (3^1001 is at least 2^1586, not only 2^1001), and from
     * below past that (3^1000000 is at least 2^1584962).
     */
    private long printedBoundBits() {
        long bits = 0;
        for (Factor f : factors) {
            BigInteger size = f.size().orElseThrow();
            bits += (long) size.bitLength() * f.count() <= EXACT_POWER_BITS ? size.pow(f.count()).bitLength() - 1
                    : log2OfPowerFromBelow(size, f.count());
        }
        return bits;
    }

    /** Bits kept of the mantissas in {@link #log2OfPowerFromBelow}. */
    private static final int MANTISSA_BITS = 128;

    /**
     * A k with 2^k ≤ size^count, at most one below floor(count · log2 size): the power by squaring, each
     * product's mantissa cut down to {@value #MANTISSA_BITS} bits (rounding down keeps every value at most
     * the true one).
     */
    static long log2OfPowerFromBelow(BigInteger size, long count) {
        BigInteger mantissa = BigInteger.ONE;
        long exponent = 0;
        BigInteger base = size;
        long baseExponent = 0;
        for (long c = count; c > 0; c >>= 1) {
            if ((c & 1) == 1) {
                mantissa = mantissa.multiply(base);
                exponent += baseExponent;
                int cut = Math.max(0, mantissa.bitLength() - MANTISSA_BITS);
                mantissa = mantissa.shiftRight(cut);
                exponent += cut;
            }
            if (c > 1) {
                base = base.multiply(base);
                baseExponent *= 2;
                int cut = Math.max(0, base.bitLength() - MANTISSA_BITS);
                base = base.shiftRight(cut);
                baseExponent += cut;
            }
        }
        return mantissa.bitLength() - 1 + exponent;
    }

    /** Powers of at most this many bits are computed to give the exact floor of their logarithm. */
    private static final long EXACT_POWER_BITS = 1L << 20;

    /**
     * The count in words: "4^9 = 262144", "3^2 * 8^4 = 36864", "256^40 >= 2^320", "3^259 >= 2^410" past
     * {@link #MAX_PRINTED_BITS} bits, "more than 2^N" when a rational domain is too large to count,
     * "1" when every parameter is fixed.
     */
    public String describe() {
        if (factors.isEmpty()) return "1";
        StringBuilder expr = new StringBuilder();
        for (Factor f : factors) {
            if (f.size().isEmpty()) {
                return "more than 2^" + (2L * Domain.RationalBits.MAX_COUNTED_BITS * f.count());
            }
            if (expr.length() > 0) expr.append(" * ");
            expr.append(f.size().get()).append('^').append(f.count());
        }
        long bits = lowerBoundBits();
        if (bits > MAX_PRINTED_BITS) return expr + " >= 2^" + printedBoundBits();
        return expr + " = " + sizeIfAtMost(BigInteger.ONE.shiftLeft(2 * MAX_PRINTED_BITS + 2)).orElseThrow();
    }
}
