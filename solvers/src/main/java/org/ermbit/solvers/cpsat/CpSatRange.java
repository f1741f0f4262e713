package org.ermbit.solvers.cpsat;

import java.math.BigInteger;
import java.util.Map;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;

/**
 * The 64-bit check of the {@code cpsat} backend. CP-SAT computes in signed 64-bit integers and its
 * model validator rejects variable domains outside [−(2^63−1)/2, (2^63−1)/2] and linear expressions
 * whose sums of terms could overflow. This check is stricter, with margin: every magnitude a
 * constraint, the objective or a product can reach must be at most {@link #LIMIT} = 2^62 − 1, namely
 * <ul>
 *   <li>every variable bound;</li>
 *   <li>the sum over all variables of max(|lo|, |hi|, hi − lo) (CP-SAT requires it to fit in 64 bits so
 *       that activities computed in 128 bits cannot overflow);</li>
 *   <li>for every linear constraint Σ|c|·max(|lo|, |hi|) + |rhs − constant|;</li>
 *   <li>for the objective Σ|c|·max(|lo|, |hi|) + |constant|;</li>
 *   <li>for every product max|left| · max|right|.</li>
 * </ul>
 * All arithmetic here is exact (BigInteger).
 */
final class CpSatRange {
    /** Largest magnitude accepted anywhere: 2^62 − 1 (= (2^63 − 1) / 2, CP-SAT's domain limit). */
    static final BigInteger LIMIT = BigInteger.TWO.pow(62).subtract(BigInteger.ONE);

    private CpSatRange() {
    }

    /** Null when {@code model} fits, else a reason {@code "not supported: … exceeds CP-SAT's 64-bit integers …"}. */
    static String refusal(Model model) {
        for (Var v : model.vars()) {
            BigInteger m = magnitude(v);
            if (m.compareTo(LIMIT) > 0) {
                return tooBig("the bounds [" + v.lower() + ", " + v.upper() + "] of variable " + v.name(), m);
            }
        }
        BigInteger domains = BigInteger.ZERO;
        for (Var v : model.vars()) domains = domains.add(magnitude(v).max(v.upper().subtract(v.lower())));
        if (domains.compareTo(LIMIT) > 0) {
            return tooBig("the sum of all " + model.vars().size() + " variable domains", domains);
        }
        for (Constraint c : model.constraints()) {
            if (c instanceof Constraint.Linear l) {
                BigInteger m = reach(l.expr()).add(l.rhs().subtract(l.expr().constant()).abs());
                if (m.compareTo(LIMIT) > 0) return tooBig("the linear constraint " + abbreviate(l.toString()), m);
            } else if (c instanceof Constraint.Product p) {
                BigInteger m = magnitude(p.left()).multiply(magnitude(p.right()));
                if (m.compareTo(LIMIT) > 0) {
                    return tooBig("the product " + p.result().name() + " = " + p.left().name() + "*" + p.right().name(), m);
                }
            }
        }
        if (model.objective().isPresent()) {
            LinearExpr e = model.objective().get().expr();
            BigInteger m = reach(e).add(e.constant().abs());
            if (m.compareTo(LIMIT) > 0) return tooBig("the objective", m);
        }
        return null;
    }

    /** Σ|c|·max(|lo|, |hi|) over the terms of {@code e} (the constant excluded). */
    private static BigInteger reach(LinearExpr e) {
        BigInteger s = BigInteger.ZERO;
        for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) {
            // a coefficient must fit by itself even on a variable fixed at 0
            s = s.add(t.getValue().abs().multiply(magnitude(t.getKey()).max(BigInteger.ONE)));
        }
        return s;
    }

    private static BigInteger magnitude(Var v) {
        return v.lower().abs().max(v.upper().abs());
    }

    private static String tooBig(String what, BigInteger magnitude) {
        return "not supported: " + what + " reaches magnitude " + magnitude + " (" + magnitude.bitLength()
                + " bits), which exceeds CP-SAT's 64-bit integers (limit 2^62 - 1 = " + LIMIT + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
