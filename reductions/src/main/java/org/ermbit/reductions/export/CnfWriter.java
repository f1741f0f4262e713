package org.ermbit.reductions.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.Map;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;

/**
 * Writes a {@link CnfEncoding} as DIMACS CNF ({@code p cnf}), with {@code c var i = name} comment
 * lines naming the original variables, or — for a model with a Boolean objective — as WCNF in the
 * <b>MaxSAT Evaluation 2022+ format</b> (no {@code p} line; hard clauses start with {@code h};
 * soft clauses start with their positive weight). The objective {@code Σ c_i·x_i + c0} becomes one
 * soft unit clause per term: {@code ¬x_i} with weight {@code c_i} when {@code c_i > 0}, and
 * {@code x_i} with weight {@code −c_i} plus the offset {@code c_i} when {@code c_i < 0}, so that
 * objective = cost of falsified soft clauses + {@link #objectiveOffset}. Weights and their sum must fit
 * the evaluation's 64-bit limit (below 2^63), else "not supported".
 */
public final class CnfWriter {
    private static final BigInteger MAX_WEIGHT = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);

    /** How many clauses are written between two looks at the limits. */
    private static final int LIMITS_POLL = 4096;

    /** DIMACS CNF text. */
    public String dimacs(CnfEncoding e) {
        StringWriter out = new StringWriter();
        try {
            dimacs(e, out, Limits.none());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the DIMACS CNF text to {@code out}, looking at {@code limits} every few thousand clauses (a
     * CNF of tens of megabytes takes seconds); false when they stopped it, with {@code out} incomplete.
     */
    public boolean dimacs(CnfEncoding e, Writer out, Limits limits) throws IOException {
        StringBuilder sb = new StringBuilder();
        header(e, sb);
        Cnf cnf = e.cnf();
        sb.append("p cnf ").append(cnf.variables()).append(' ').append(cnf.clauses().size()).append('\n');
        int written = 0;
        for (int[] c : cnf.clauses()) {
            clause(c, sb).append('\n');
            if (++written % LIMITS_POLL == 0) {
                out.append(sb);
                sb.setLength(0);
                if (limits.expired()) return false;
            }
        }
        out.append(sb);
        return true;
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
        BigInteger sum = BigInteger.ZERO;
        for (Map.Entry<Var, BigInteger> t : obj.terms().entrySet()) {
            BigInteger w = t.getValue().abs();
            if (w.compareTo(MAX_WEIGHT) > 0) {
                throw new IllegalArgumentException("not supported: soft clause weight " + w + " exceeds 2^63-1 (WCNF limit)");
            }
            // a cost is a sum of weights: solvers add them in 64 bits (the evaluations' rules keep the sum below 2^63)
            sum = sum.add(w);
            if (sum.compareTo(MAX_WEIGHT) > 0) {
                throw new IllegalArgumentException("not supported: the soft clause weights sum to more than 2^63-1 (WCNF"
                        + " limit: MaxSAT solvers add costs in 64 bits); export OPB or SMT-LIB instead");
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
