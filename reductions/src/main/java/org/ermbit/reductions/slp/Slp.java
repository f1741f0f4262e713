package org.ermbit.reductions.slp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable straight-line program: v0 = 1 and, for k = 1..n, v_k = v_i ∘ v_j with i, j &lt; k and
 * ∘ ∈ {+, −, ×}. The value of the program is v_n (v0 = 1 for the empty program).
 *
 * <p>Values can have 2^n bits, so nothing here evaluates without a limit: {@link #evaluate(int)}
 * takes a bit budget and checks bit-length bounds <em>before</em> multiplying, {@link #evaluateModPow2(int)}
 * evaluates in the ring ℤ/2^kℤ (a ring homomorphism commutes with +, −, ×, so this is exact for any
 * program, however long its value), and {@link #bitLengthBound()} / {@link #tightBitLengthBound()}
 * bound the size without evaluating.
 *
 * <p><b>Signs and bits.</b> Bits are those of the exact integer value in two's complement, i.e.
 * {@code bit(t) == value.testBit(t)} as for {@link BigInteger#testBit(int)}. For a non-negative value
 * these are its ordinary binary digits. For a negative value they are the two's complement digits
 * (all high bits are 1); the sign itself cannot be read off any finite set of low bits — deciding it
 * is the PosSLP problem.
 */
public final class Slp {

    private final List<Instruction> instructions;

    /** Validates that every operand refers to an earlier variable (v0 or a previous instruction). */
    public Slp(List<Instruction> instructions) {
        List<Instruction> copy = List.copyOf(instructions);
        for (int k = 1; k <= copy.size(); k++) {
            Instruction ins = copy.get(k - 1);
            if (ins.left() >= k || ins.right() >= k) {
                throw new IllegalArgumentException("instruction " + k + " (" + ins + ") refers to a variable not yet defined");
            }
        }
        this.instructions = copy;
    }

    /** Number of instructions n (v0 is not an instruction). */
    public int length() {
        return instructions.size();
    }

    /** The instructions v1..vn in order. */
    public List<Instruction> instructions() {
        return instructions;
    }

    /** Instruction k, numbered from 1. */
    public Instruction instruction(int k) {
        return instructions.get(k - 1);
    }

    /** Index of the output variable (n, or 0 for the empty program). */
    public int outputIndex() {
        return instructions.size();
    }

    /**
     * Exact evaluation, refusing to produce any intermediate value of more than {@code maxBits} bits
     * (bit length of the absolute value). Before a multiplication the lower bound
     * bitLength(a) + bitLength(b) − 1 ≤ bitLength(ab) is checked, so no number larger than
     * {@code maxBits + 1} bits is ever allocated.
     */
    public Evaluation evaluate(int maxBits) {
        if (maxBits < 1) throw new IllegalArgumentException("bit budget must be ≥ 1, got " + maxBits);
        BigInteger[] v = new BigInteger[instructions.size() + 1];
        v[0] = BigInteger.ONE;
        int maxSeen = 1;
        for (int k = 1; k <= instructions.size(); k++) {
            Instruction ins = instructions.get(k - 1);
            BigInteger a = v[ins.left()];
            BigInteger b = v[ins.right()];
            if (ins.op() == SlpOp.MUL && a.signum() != 0 && b.signum() != 0) {
                // |a| ≥ 2^(la−1), |b| ≥ 2^(lb−1), so |ab| ≥ 2^(la+lb−2): at least la + lb − 1 bits
                long lower = (long) a.abs().bitLength() + b.abs().bitLength() - 1;
                if (lower > maxBits) return new Evaluation.OverBudget(k, lower, maxBits);
            }
            BigInteger r = ins.op().apply(a, b);
            int bits = r.abs().bitLength();
            if (bits > maxBits) return new Evaluation.OverBudget(k, bits, maxBits);
            maxSeen = Math.max(maxSeen, bits);
            v[k] = r;
        }
        return new Evaluation.Value(v[instructions.size()], maxSeen);
    }

    /**
     * The value modulo 2^k, as the representative in [0, 2^k). Exact for every program: reduction
     * mod 2^k is a ring homomorphism ℤ → ℤ/2^kℤ, so every intermediate value is kept below 2^k.
     */
    public BigInteger evaluateModPow2(int k) {
        if (k < 0) throw new IllegalArgumentException("k must be ≥ 0, got " + k);
        BigInteger mask = BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE);
        BigInteger[] v = new BigInteger[instructions.size() + 1];
        v[0] = BigInteger.ONE.and(mask);
        for (int i = 1; i <= instructions.size(); i++) {
            Instruction ins = instructions.get(i - 1);
            v[i] = ins.op().apply(v[ins.left()], v[ins.right()]).and(mask); // and() of a negative = two's complement mod 2^k
        }
        return v[instructions.size()];
    }

    /** Bit t of the value in two's complement (see the class comment on signs), computed mod 2^(t+1). */
    public boolean bit(int t) {
        if (t < 0) throw new IllegalArgumentException("bit index must be ≥ 0, got " + t);
        return evaluateModPow2(t + 1).testBit(t);
    }

    /**
     * Bits [from, from + count) of the value (two's complement, see the class comment), as a
     * non-negative integer below 2^count; computed mod 2^(from + count).
     */
    public BigInteger bits(int from, int count) {
        if (from < 0 || count < 0) throw new IllegalArgumentException("negative bit range");
        int top = Math.addExact(from, count);
        return evaluateModPow2(top).shiftRight(from);
    }

    /**
     * An upper bound on the bit length of |v_n| by the simple recurrence bound(v0) = 1,
     * bound(a × b) = bound(a) + bound(b), bound(a ± b) = max(bound(a), bound(b)) + 1
     * (saturating at {@link Long#MAX_VALUE}). Cheap and always valid, but it overestimates repeated
     * squaring of powers of two by up to a factor 2; see {@link #tightBitLengthBound()}.
     */
    public long bitLengthBound() {
        long[] b = new long[instructions.size() + 1];
        b[0] = 1;
        for (int k = 1; k <= instructions.size(); k++) {
            Instruction ins = instructions.get(k - 1);
            long x = b[ins.left()];
            long y = b[ins.right()];
            b[k] = ins.op() == SlpOp.MUL ? saturatingAdd(x, y) : saturatingAdd(Math.max(x, y), 1);
        }
        return b[instructions.size()];
    }

    /**
     * A tighter upper bound on the bit length of |v_n|: every |v_k| is bounded by m·2^e with an
     * integer mantissa m of at most 62 bits, rounded <em>up</em> after each operation
     * (|a·b| ≤ |a|·|b|, |a ± b| ≤ |a| + |b|). Exact integer arithmetic, no floating point; exact for
     * powers of two and within a relative factor (1 + 2^−61) per instruction otherwise.
     * {@link Long#MAX_VALUE} when the bound does not fit a long (as for {@link #bitLengthBound()}).
     */
    public long tightBitLengthBound() {
        try {
            return magnitudeBounds()[instructions.size()].bitLengthBound();
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The largest of the {@link #magnitudeBounds()}' bit-length bounds over v0..vn: a bound on the bit
     * length of every value the program computes, or {@link Long#MAX_VALUE} when a bound does not fit
     * a long (as for 63 or more repeated squarings of 2).
     */
    public long maxTightBitLengthBound() {
        try {
            long b = 0;
            for (MagnitudeBound m : magnitudeBounds()) b = Math.max(b, m.bitLengthBound());
            return b;
        } catch (ArithmeticException tooLarge) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Rigorous upper bounds on |v_k| for k = 0..n (see {@link #tightBitLengthBound()}).
     *
     * @throws ArithmeticException if a bound's exponent does not fit a long (values of about 2^63 bits)
     */
    public MagnitudeBound[] magnitudeBounds() {
        MagnitudeBound[] b = new MagnitudeBound[instructions.size() + 1];
        b[0] = MagnitudeBound.ONE;
        for (int k = 1; k <= instructions.size(); k++) {
            Instruction ins = instructions.get(k - 1);
            MagnitudeBound x = b[ins.left()];
            MagnitudeBound y = b[ins.right()];
            b[k] = ins.op() == SlpOp.MUL ? x.times(y) : x.plus(y);
        }
        return b;
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slp s && s.instructions.equals(instructions);
    }

    @Override
    public int hashCode() {
        return instructions.hashCode();
    }

    @Override
    public String toString() {
        return "Slp(" + instructions.size() + " instructions)";
    }

    /** Builds an SLP instruction by instruction; each method returns the index of the new variable. */
    public static final class Builder {
        private final List<Instruction> list = new ArrayList<>();

        /** Index of v0 = 1. */
        public int one() {
            return 0;
        }

        public int add(int i, int j) {
            return append(SlpOp.ADD, i, j);
        }

        public int sub(int i, int j) {
            return append(SlpOp.SUB, i, j);
        }

        public int mul(int i, int j) {
            return append(SlpOp.MUL, i, j);
        }

        public int append(SlpOp op, int i, int j) {
            int k = list.size() + 1;
            if (i < 0 || j < 0 || i >= k || j >= k) throw new IllegalArgumentException("operand out of range for instruction " + k);
            list.add(new Instruction(op, i, j));
            return k;
        }

        /** Index of the most recent variable (0 if none yet). */
        public int last() {
            return list.size();
        }

        public Slp build() {
            return new Slp(list);
        }
    }
}
