package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.number.Rational;

/**
 * Writes a {@link Model} in CPLEX LP format (Minimize / Subject To / Bounds / Binary / General /
 * End), read by CBC and GLPK. IR variable of index i is {@code x(i+1)} (named in {@code \}
 * comments); every variable is integer ({@code Binary} for Booleans with bounds [0,1],
 * {@code General} with explicit bounds otherwise). Clauses become {@code Σ lits ≥ 1} with
 * {@code ¬x = 1 − x}.
 *
 * <p>An enforced constraint {@code e_1 ∧ … ∧ e_k → expr ≤ k} becomes
 * {@code expr − M·Σ_j (1 − e_j) ≤ k} with the <b>exact big-M</b> {@code M = max(0, ub(expr) − k)},
 * where {@code ub} is the interval upper bound from the variables' bounds: when some e_j is false
 * the right-hand side reaches {@code ub(expr)} and the row is void; when all hold it is the original
 * row. {@code ≥} uses {@code M = max(0, k − lb(expr))}; {@code =} is split into both.
 *
 * <p>LP solvers compute in doubles. Numbers with magnitude above 2^53 are not exactly representable:
 * in strict mode ({@code allowInexact = false}) the writer refuses them ("not supported: …");
 * otherwise it writes them, puts a WARNING comment in the file and lists the warning in
 * {@link LpExport#warnings()}. Products are refused ("not supported: products; lower first").
 * The objective constant is not written (see {@link LpExport#objectiveOffset()}).
 */
public final class LpWriter {
    /** 2^53: every integer of at most this magnitude is an exact double. */
    public static final BigInteger DOUBLE_EXACT = BigInteger.ONE.shiftLeft(53);
    private static final int TERMS_PER_LINE = 8;

    private final boolean allowInexact;

    /** @param allowInexact write numbers above 2^53 with a warning instead of refusing */
    public LpWriter(boolean allowInexact) {
        this.allowInexact = allowInexact;
    }

    /** Null if {@code model} can be written in strict mode, else the reason. */
    public static String refusal(Model model) {
        try {
            new LpWriter(false).write(model);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The LP file for {@code model}; throws IllegalArgumentException "not supported: …". */
    public LpExport write(Model model) {
        if (model.hasProducts()) throw new IllegalArgumentException("not supported: products; lower first");
        List<String> warnings = new ArrayList<>();
        int n = Math.max(1, model.vars().size()); // x1 exists even for an empty model (a fixed dummy)
        List<String> rows = new ArrayList<>();
        for (Constraint c : model.constraints()) {
            if (c instanceof Constraint.Clause cl) {
                LinearExpr.Builder b = LinearExpr.builder();
                BigInteger rhs = BigInteger.ONE;
                for (Literal l : cl.literals()) {
                    b.add(l.positive() ? 1 : -1, l.var());
                    if (!l.positive()) rhs = rhs.subtract(BigInteger.ONE);
                }
                rows.add(row(b.build().terms(), ">=", rhs, warnings));
            } else {
                linear((Constraint.Linear) c, rows, warnings);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("\\ ermbit LP export: ").append(model.vars().size()).append(" variables, ")
                .append(rows.size()).append(" rows\n");
        for (Var v : model.vars()) sb.append("\\ x").append(v.index() + 1).append(" = ").append(PrintableText.oneLine(v.name())).append('\n');
        BigInteger offset = model.objective().map(o -> o.expr().constant()).orElse(BigInteger.ZERO);
        if (offset.signum() != 0) sb.append("\\ objective constant (not written) = ").append(offset).append('\n');
        StringBuilder body = new StringBuilder();
        body.append("Minimize\n obj: ");
        Map<Var, BigInteger> obj = model.objective().map(o -> o.expr().terms()).orElse(Map.of());
        body.append(obj.isEmpty() ? "0 x1" : terms(obj, warnings)).append('\n');
        body.append("Subject To\n");
        for (int i = 0; i < rows.size(); i++) body.append(" c").append(i + 1).append(": ").append(rows.get(i)).append('\n');
        body.append("Bounds\n");
        List<String> binary = new ArrayList<>(), general = new ArrayList<>();
        for (Var v : model.vars()) {
            String x = "x" + (v.index() + 1);
            if (v.bool() && v.lower().signum() == 0 && v.upper().signum() > 0) {
                binary.add(x);
            } else {
                check(v.lower(), "bound of " + v.name(), warnings);
                check(v.upper(), "bound of " + v.name(), warnings);
                body.append(' ').append(v.lower()).append(" <= ").append(x).append(" <= ").append(v.upper()).append('\n');
                general.add(x);
            }
        }
        if (model.vars().isEmpty()) {
            body.append(" 0 <= x1 <= 0\n");
            general.add("x1");
        }
        if (!binary.isEmpty()) body.append("Binary\n").append(names(binary));
        if (!general.isEmpty()) body.append("General\n").append(names(general));
        body.append("End\n");
        for (String w : warnings) sb.append("\\ WARNING: ").append(w).append('\n');
        sb.append(body);
        return new LpExport(sb.toString(), warnings, offset, rows.size());
    }

    private void linear(Constraint.Linear l, List<String> rows, List<String> warnings) {
        LinearExpr e = l.expr().constant().signum() == 0 ? l.expr()
                : l.expr().toBuilder().addConstant(l.expr().constant().negate()).build();
        BigInteger k = l.rhs().subtract(l.expr().constant());
        if (l.enforcement().isEmpty()) {
            rows.add(row(e.terms(), l.relation().symbol(), k, warnings));
            return;
        }
        if (l.relation() != Relation.GE) bigM(e, k, true, l.enforcement(), rows, warnings);
        if (l.relation() != Relation.LE) bigM(e, k, false, l.enforcement(), rows, warnings);
    }

    /** {@code e ≤ k} (upper) or {@code e ≥ k}, relaxed by exact big-M unless all literals hold. */
    private void bigM(LinearExpr e, BigInteger k, boolean upper, List<Literal> enf, List<String> rows, List<String> warnings) {
        LinearExpr.Builder b = e.toBuilder();
        BigInteger rhs = k;
        BigInteger m = upper ? e.upperBound().subtract(k).max(BigInteger.ZERO) : k.subtract(e.lowerBound()).max(BigInteger.ZERO);
        // upper: e − M·Σ g ≤ k ; lower: e + M·Σ g ≥ k ; g = 1 − x for literal x, g = x for ¬x
        BigInteger sign = upper ? m.negate() : m;
        for (Literal lit : enf) {
            if (lit.positive()) {
                b.add(sign.negate(), lit.var());
                rhs = rhs.subtract(sign);
            } else {
                b.add(sign, lit.var());
            }
        }
        rows.add(row(b.build().terms(), upper ? "<=" : ">=", rhs, warnings));
    }

    private String row(Map<Var, BigInteger> terms, String op, BigInteger rhs, List<String> warnings) {
        check(rhs, "right-hand side", warnings);
        return (terms.isEmpty() ? "0 x1" : terms(terms, warnings)) + " " + op + " " + rhs;
    }

    private String terms(Map<Var, BigInteger> terms, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Map.Entry<Var, BigInteger> t : terms.entrySet()) {
            BigInteger c = t.getValue();
            check(c, "coefficient of " + t.getKey().name(), warnings);
            if (i > 0) sb.append(i % TERMS_PER_LINE == 0 ? "\n   " : " ").append(c.signum() < 0 ? "- " : "+ ");
            else if (c.signum() < 0) sb.append("- ");
            sb.append(c.abs()).append(" x").append(t.getKey().index() + 1);
            i++;
        }
        return sb.toString();
    }

    private void check(BigInteger v, String what, List<String> warnings) {
        if (v.abs().compareTo(DOUBLE_EXACT) <= 0) return;
        String msg = what + " " + Rational.of(v).abbreviated(60) + " exceeds 2^53 and is not exact in floating point";
        if (!allowInexact) throw new IllegalArgumentException("not supported: " + msg + " (LP solvers use doubles)");
        if (!warnings.contains(msg)) warnings.add(msg);
    }

    private static String names(List<String> xs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.size(); i++) sb.append(i % 10 == 0 ? (i == 0 ? " " : "\n ") : " ").append(xs.get(i));
        return sb.append('\n').toString();
    }
}
