package org.ermbit.bench.generate;

import java.math.BigInteger;
import org.ermbit.core.model.Domain;

/** Short domain labels for instance names, and the common domains generators use. */
public final class DomainTags {
    private DomainTags() {
    }

    /** The ternary grid {−1, 0, 1}. */
    public static Domain ternary() {
        return new Domain.Grid(BigInteger.ONE, BigInteger.ONE.negate(), BigInteger.ONE);
    }

    /** Integers in two's complement with {@code bits} bits: fixed point with no fraction bits. */
    public static Domain integers(int bits) {
        return new Domain.FixedPoint(bits, 0);
    }

    /** {@code b3} (3-bit integers), {@code b4f1}, {@code t} (ternary), {@code g1_-2_2} (other grids), {@code r3}. */
    public static String tag(Domain d) {
        if (d instanceof Domain.FixedPoint f) return "b" + f.bits() + (f.fractionBits() == 0 ? "" : "f" + f.fractionBits());
        if (d instanceof Domain.Grid g) {
            if (g.equals(ternary())) return "t";
            return "g" + g.denominator() + "_" + g.low() + "_" + g.high();
        }
        return "r" + ((Domain.RationalBits) d).bits();
    }
}
