package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/**
 * Writes a purely Boolean {@link Model} (linear constraints without enforcement, and clauses) in
 * the pseudo-Boolean competition OPB format: a {@code * #variable= n #constraint= m} header,
 * variable {@code x(i+1)} for the IR variable of index i (named in {@code *} comments), rows
 * {@code +3 x1 -2 x2 >= 1 ;} (≤ is negated to ≥, = is kept), clauses as {@code Σ lits ≥ 1} with
 * {@code ¬x} rewritten to {@code 1 − x}, and {@code min: …;} for the objective (OPB has no objective
 * constant: it is reported in a comment and by {@link #objectiveOffset}). Coefficients are written
 * in full (arbitrary precision). Anything else is refused with "not supported: … lower first".
 */
public final class OpbWriter {

    /** Checks that {@code model} can be written; returns null or the refusal reason. */
    public static String refusal(Model model) {
        for (Var v : model.vars()) {
            if (!v.bool()) return "not supported: integer variable " + v.name() + " in OPB; lower first";
        }
        for (Constraint c : model.constraints()) {
            if (c instanceof Constraint.Product) return "not supported: products in OPB; lower first";
            if (c instanceof Constraint.Linear l && !l.enforcement().isEmpty()) {
                return "not supported: enforced (conditional) linear constraints in OPB; lower first";
            }
        }
        return null;
    }

    /** The constant term of the model's objective, which OPB cannot express (0 if none). */
    public static BigInteger objectiveOffset(Model model) {
        return model.objective().map(o -> o.expr().constant()).orElse(BigInteger.ZERO);
    }

    /** The OPB text of {@code model}; throws IllegalArgumentException "not supported: …" otherwise. */
    public String write(Model model) {
        String why = refusal(model);
        if (why != null) throw new IllegalArgumentException(why);
        int n = model.vars().size();
        List<String> rows = new ArrayList<>();
        for (Var v : model.vars()) {
            if (v.lower().signum() > 0) rows.add("+1 " + name(v) + " >= 1 ;");
            if (v.upper().signum() == 0) rows.add("-1 " + name(v) + " >= 0 ;");
        }
        boolean needFalse = false;
        for (Constraint c : model.constraints()) {
            PbRow r = c instanceof Constraint.Linear l ? PbRow.of(l) : PbRow.of((Constraint.Clause) c);
            if (r.trivial()) continue;
            if (r.coefficients().isEmpty()) {
                // 0 (>= | =) rhs is false here (trivial() handled the true cases)
                needFalse = true;
                continue;
            }
            rows.add(sum(r.coefficients()) + (r.relation() == Relation.EQ ? " = " : " >= ") + r.rhs() + " ;");
        }
        int declared = n;
        if (needFalse) {
            // an unsatisfiable row needs a variable; use x1, adding one when the model has none
            if (declared == 0) declared = 1;
            rows.add("+1 x1 >= 2 ;");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("* #variable= ").append(declared).append(" #constraint= ").append(rows.size()).append('\n');
        sb.append("* ermbit OPB export\n");
        for (Var v : model.vars()) sb.append("* ").append(name(v)).append(" = ").append(v.name()).append('\n');
        model.objective().ifPresent(o -> {
            if (o.expr().constant().signum() != 0) {
                sb.append("* objective constant (not in min:) = ").append(o.expr().constant()).append('\n');
            }
            for (Var v : o.expr().terms().keySet()) {
                if (!v.bool()) throw new IllegalArgumentException("not supported: integer variable " + v.name() + " in the objective; lower first");
            }
            if (!o.expr().terms().isEmpty()) sb.append("min: ").append(sum(o.expr().terms())).append(" ;\n");
        });
        for (String r : rows) sb.append(r).append('\n');
        return sb.toString();
    }

    private static String sum(Map<Var, BigInteger> terms) {
        StringBuilder sb = new StringBuilder();
        terms.forEach((v, c) -> {
            if (c.signum() == 0) return;
            if (sb.length() > 0) sb.append(' ');
            sb.append(c.signum() > 0 ? "+" : "").append(c).append(' ').append(name(v));
        });
        return sb.toString();
    }

    private static String name(Var v) {
        return "x" + (v.index() + 1);
    }
}
