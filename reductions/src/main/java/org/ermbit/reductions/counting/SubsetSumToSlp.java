package org.ermbit.reductions.counting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ermbit.reductions.slp.Slp;

/**
 * #SubsetSum → straight-line program: N = Π_i (1 + X^(a_i)) with X = 2^M. Expanding,
 * N = Σ_t c_t·X^t where c_t is the number of subsets with sum t; if every c_t &lt; 2^M the
 * base-2^M digits of N do not interact, so the count c_T is bits [T·M, T·M + M) of N.
 *
 * <p><b>M, minimal.</b> Subsets of the positive items with equal sum form an antichain (adding a
 * positive item changes the sum), so by Sperner's theorem there are at most C(m′, ⌊m′/2⌋) of them
 * (m′ = number of positive items); each combines with any of the 2^z subsets of the z zero items.
 * So c_t ≤ B = 2^z·C(m′, ⌊m′/2⌋) and M = bitLength(B) guarantees c_t &lt; 2^M — a few bits below
 * the naive M = m + 1.
 *
 * <p><b>Program (size O(log M + log max a + Σ popcount(a_i) + m)).</b> v1 = 1 + 1; X = 2^M by
 * square-and-multiply; P_j = X^(2^j) by repeated squaring; X^(a_i) = Π_{bit j of a_i} P_j
 * (ascending j, so each factor is ready when needed); terms 1 + X^(a_i) (2 for a zero item)
 * multiplied in a balanced tree, shallow terms first. The value has about M·Σa_i bits — exponential
 * in the input — while the program stays polynomial.
 */
public final class SubsetSumToSlp {

    /** The reduction's name. */
    public static final String NAME = "subsetsum-slp";

    private SubsetSumToSlp() {
    }

    /** The program, where the count sits in its value (bits [target·m, target·m + m)), Σ a_i and the number of items. */
    public record Encoding(Slp slp, int m, BigInteger target, BigInteger total, int items) {
        /** First bit of the count in N: T·M (may be astronomically large; see {@link #valueBitsBound()}). */
        public BigInteger countOffset() {
            return target.multiply(BigInteger.valueOf(m));
        }

        /** The count read from N's value: (N >> T·M) mod 2^M. */
        public BigInteger extractCount(BigInteger n) {
            return n.shiftRight(countOffset().intValueExact()).and(BigInteger.ONE.shiftLeft(m).subtract(BigInteger.ONE));
        }

        /** The count read by evaluating the program modulo 2^(T·M + M) (never the whole of N). */
        public BigInteger countViaModularEvaluation() {
            return slp.bits(countOffset().intValueExact(), m);
        }

        /**
         * An upper bound on the bit length of N without building anything large:
         * N = Π(1 + X^(a_i)) ≤ Π 2·X^(a_i) = 2^m·2^(M·Σa_i), so bitLength(N) ≤ M·Σa_i + m + 1.
         */
        public BigInteger valueBitsBound() {
            return total.multiply(BigInteger.valueOf(m)).add(BigInteger.valueOf(items + 1L));
        }
    }

    /** M = bitLength(2^z · C(m′, ⌊m′/2⌋)) (see the class comment). */
    static int digitWidth(SubsetSum s) {
        int zeros = (int) s.items().stream().filter(a -> a.signum() == 0).count();
        int positive = s.items().size() - zeros;
        BigInteger bound = binomial(positive, positive / 2).shiftLeft(zeros);
        return bound.bitLength();
    }

    static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    public static Encoding reduce(SubsetSum s) {
        int m = digitWidth(s);
        Slp.Builder b = new Slp.Builder();
        int two = b.add(b.one(), b.one());
        int x = two; // 2^1; the leading bit of M
        for (int bit = 30 - Integer.numberOfLeadingZeros(m); bit >= 0; bit--) {
            x = b.mul(x, x);
            if ((m >>> bit & 1) == 1) x = b.mul(x, two);
        }
        BigInteger maxItem = s.items().stream().max(Comparator.naturalOrder()).orElse(BigInteger.ZERO);
        List<Integer> powers = new ArrayList<>(); // P_j = X^(2^j)
        powers.add(x);
        for (int j = 1; j < maxItem.bitLength(); j++) powers.add(b.mul(powers.get(j - 1), powers.get(j - 1)));
        record Term(int var, int height) {
        }
        List<Term> terms = new ArrayList<>();
        for (BigInteger a : s.items()) {
            if (a.signum() == 0) {
                terms.add(new Term(two, 0));
                continue;
            }
            int acc = -1;
            for (int j = 0; j < a.bitLength(); j++) {
                if (!a.testBit(j)) continue;
                acc = acc < 0 ? powers.get(j) : b.mul(acc, powers.get(j));
            }
            terms.add(new Term(b.add(acc, b.one()), a.bitLength()));
        }
        terms.sort(Comparator.comparingInt(Term::height));
        List<Integer> level = new ArrayList<>(terms.stream().map(Term::var).toList());
        if (level.isEmpty()) level.add(b.add(b.one(), b.sub(b.one(), b.one()))); // empty product: N = 1
        while (level.size() > 1) {
            List<Integer> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) next.add(b.mul(level.get(i), level.get(i + 1)));
            if (level.size() % 2 == 1) next.add(level.get(level.size() - 1));
            level = next;
        }
        // make sure the output is the last instruction
        int out = level.get(0);
        if (out != b.last()) {
            int zero = b.sub(b.one(), b.one());
            b.add(out, zero);
        }
        return new Encoding(b.build(), m, s.target(), s.total(), s.items().size());
    }
}
