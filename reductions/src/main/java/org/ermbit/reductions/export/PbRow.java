package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/**
 * A pseudo-Boolean row {@code Σ c·x (≥ | =) rhs} over Boolean variables with signed integer
 * coefficients (no constant, no negated literals), optionally enforced by literals. Normal form
 * shared by the OPB and CNF exporters; {@code ≤} is turned into {@code ≥} by negation.
 */
record PbRow(Map<Var, BigInteger> coefficients, Relation relation, BigInteger rhs, List<Literal> enforcement) {

    /** The row of a linear constraint over Boolean variables. */
    static PbRow of(Constraint.Linear l) {
        Map<Var, BigInteger> coeffs = new LinkedHashMap<>();
        for (Map.Entry<Var, BigInteger> t : l.expr().terms().entrySet()) {
            if (!t.getKey().bool()) throw new IllegalArgumentException("not supported: integer variable " + t.getKey().name() + "; lower first");
            coeffs.merge(t.getKey(), t.getValue(), BigInteger::add);
        }
        coeffs.values().removeIf(c -> c.signum() == 0);
        BigInteger rhs = l.rhs().subtract(l.expr().constant());
        if (l.relation() == Relation.LE) {
            coeffs.replaceAll((v, c) -> c.negate());
            return new PbRow(coeffs, Relation.GE, rhs.negate(), l.enforcement());
        }
        return new PbRow(coeffs, l.relation(), rhs, l.enforcement());
    }

    /** The row {@code Σ lit ≥ 1} of a clause, with {@code ¬x} written as {@code 1 − x}. */
    static PbRow of(Constraint.Clause c) {
        Map<Var, BigInteger> coeffs = new LinkedHashMap<>();
        BigInteger rhs = BigInteger.ONE;
        for (Literal l : c.literals()) {
            if (l.positive()) {
                coeffs.merge(l.var(), BigInteger.ONE, BigInteger::add);
            } else {
                coeffs.merge(l.var(), BigInteger.ONE.negate(), BigInteger::add);
                rhs = rhs.subtract(BigInteger.ONE);
            }
        }
        coeffs.values().removeIf(k -> k.signum() == 0);
        return new PbRow(coeffs, Relation.GE, rhs, List.of());
    }

    /** True when no 0/1 assignment can violate the row (ignoring enforcement). */
    boolean trivial() {
        if (relation == Relation.EQ) return false;
        BigInteger min = BigInteger.ZERO;
        for (BigInteger c : coefficients.values()) if (c.signum() < 0) min = min.add(c);
        return min.compareTo(rhs) >= 0;
    }
}
