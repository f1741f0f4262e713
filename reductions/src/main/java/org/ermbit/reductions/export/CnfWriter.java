package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.Map;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Var;
import org.ermbit.reductions.cnf.Cnf;

/**
 * Writes a {@link CnfEncoding} as DIMACS CNF ({@code p cnf}), with {@code c var i = name} comment
 * lines naming the original variables, or — for a model with a Boolean objective — as WCNF in the
 * <b>MaxSAT Evaluation 2022+ format</b> (no {@code p} line; hard clauses start with {@code h};
 * soft clauses start with their positive weight). The objective {@code Σ c_i·x_i + c0} becomes one
 * soft unit clause per term: {@code ¬x_i} with weight {@code c_i} when {@code c_i > 0}, and
 * {@code x_i} with weight {@code −c_i} plus the offset {@code c_i} when {@code c_i < 0}, so that
 * objective = cost of falsified soft clauses + {@link #objectiveOffset}. Weights must fit the
 * evaluation's 64-bit limit (below 2^63), else "not supported".
 */
public final class CnfWriter {
    private static final BigInteger MAX_WEIGHT = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);

    /** DIMACS CNF text. */
    public String dimacs(CnfEncoding e) {
        StringBuilder sb = new StringBuilder();
        header(e, sb);
        Cnf cnf = e.cnf();
        sb.append("p cnf ").append(cnf.variables()).append(' ').append(cnf.clauses().size()).append('\n');
        for (int[] c : cnf.clauses()) clause(c, sb).append('\n');
        return sb.toString();
    }

    /**
     * WCNF text (2022 format) of the encoding with the source model's objective as soft clauses;
     * throws IllegalArgumentException when there is no objective or a weight is too large.
     */
    public String wcnf(CnfEncoding e) {
        LinearExpr obj = e.source().objective()
                .orElseThrow(() -> new IllegalArgumentException("not supported: WCNF needs an objective"))
                .expr();
        StringBuilder sb = new StringBuilder();
        header(e, sb);
        sb.append("c objective = cost of falsified soft clauses + ").append(objectiveOffset(e)).append('\n');
        for (int[] c : e.cnf().clauses()) clause(c, sb.append("h ")).append('\n');
        for (Map.Entry<Var, BigInteger> t : obj.terms().entrySet()) {
            BigInteger w = t.getValue().abs();
            if (w.compareTo(MAX_WEIGHT) > 0) {
                throw new IllegalArgumentException("not supported: soft clause weight " + w + " exceeds 2^63-1 (WCNF limit)");
            }
            int x = t.getKey().index() + 1;
            sb.append(w).append(' ').append(t.getValue().signum() > 0 ? -x : x).append(" 0\n");
        }
        return sb.toString();
    }

    /** The constant to add to the WCNF cost to get the IR objective value. */
    public static BigInteger objectiveOffset(CnfEncoding e) {
        return e.source().objective().map(o -> {
            BigInteger off = o.expr().constant();
            for (BigInteger c : o.expr().terms().values()) if (c.signum() < 0) off = off.add(c);
            return off;
        }).orElse(BigInteger.ZERO);
    }

    private static void header(CnfEncoding e, StringBuilder sb) {
        sb.append("c ermbit CNF export (adder-network PB encoding); ");
        if (e.cnf().variables() > e.originalVariables()) {
            sb.append("variables ").append(e.originalVariables() + 1).append("..").append(e.cnf().variables()).append(" are auxiliary\n");
        } else {
            sb.append("no auxiliary variables\n");
        }
        for (Var v : e.source().vars()) {
            sb.append("c var ").append(v.index() + 1).append(" = ").append(PrintableText.oneLine(v.name())).append('\n');
        }
    }

    private static StringBuilder clause(int[] c, StringBuilder sb) {
        for (int l : c) sb.append(l).append(' ');
        return sb.append('0');
    }
}
