package org.ermbit.reductions.lower;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/**
 * Offset-binary expansion x = lo + Σ_t 2^t·b_t of a bounded integer with w = bitLength(hi − lo)
 * bits, plus the side constraint Σ 2^t·b_t ≤ hi − lo when hi − lo + 1 is not a power of two. A
 * Boolean variable is its own single bit (lo = 0).
 */
record BitExpansion(BigInteger offset, List<Var> bits) {

    /** Creates the bits of {@code x} in {@code b} (named {@code aux:bit[t](x)}) and the range constraint. */
    static BitExpansion create(ModelBuilder b, Var x) {
        if (x.bool()) return new BitExpansion(BigInteger.ZERO, List.of(x));
        BigInteger range = x.upper().subtract(x.lower());
        List<Var> bits = new ArrayList<>();
        for (int t = 0; t < range.bitLength(); t++) bits.add(b.newBool(Var.AUX_PREFIX + "bit[" + t + "](" + x.name() + ")"));
        BitExpansion e = new BitExpansion(x.lower(), List.copyOf(bits));
        if (range.add(BigInteger.ONE).bitCount() != 1) b.addLinear(e.sumOfBits(), Relation.LE, range);
        return e;
    }

    /** Σ 2^t·b_t (without the offset). */
    LinearExpr sumOfBits() {
        LinearExpr.Builder s = LinearExpr.builder();
        for (int t = 0; t < bits.size(); t++) s.add(BigInteger.ONE.shiftLeft(t), bits.get(t));
        return s.build();
    }

    /** lo + Σ 2^t·b_t. */
    LinearExpr value() {
        return sumOfBits().toBuilder().addConstant(offset).build();
    }

    /** The bit values of an integer value v of the expanded variable (v − lo in binary). */
    boolean bit(BigInteger v, int t) {
        return v.subtract(offset).testBit(t);
    }
}
