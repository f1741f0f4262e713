package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;

/**
 * Writes a {@link Model} as an SMT-LIB 2 script: logic QF_LIA, or QF_NIA when products occur.
 * Boolean variables are declared {@code Bool} (and enter arithmetic as {@code (ite b 1 0)}),
 * integer variables {@code Int} with their bounds asserted; an enforced linear constraint becomes
 * {@code (=> (and l1 … lk) (<= e k))}; clauses become {@code or}; products {@code (= r (* x y))}.
 * The script ends with {@code (check-sat)} and {@code (get-value (…all variables…))} so that the
 * values can be read back by name.
 *
 * <p>An objective is exported only in the {@link Dialect#Z3} dialect as {@code (minimize …)} (a Z3
 * extension, not standard SMT-LIB); the {@link Dialect#STANDARD} dialect writes only a comment and
 * decides satisfiability.
 */
public final class SmtLibWriter {
    /** Which SMT-LIB dialect to produce. */
    public enum Dialect {
        /** Standard SMT-LIB 2.6 (z3, cvc5, …); an objective is ignored (written as a comment). */
        STANDARD,
        /** Standard plus Z3's {@code (minimize …)} command for the objective. */
        Z3
    }

    private static final Pattern SIMPLE_SYMBOL = Pattern.compile("[A-Za-z~!@$%^&*_+=<>.?/\\-][A-Za-z0-9~!@$%^&*_+=<>.?/\\-]*");
    private static final Set<String> RESERVED = Set.of("_", "!", "as", "let", "exists", "forall", "match", "par",
            "BINARY", "DECIMAL", "HEXADECIMAL", "NUMERAL", "STRING", "true", "false", "and", "or", "not", "ite",
            "distinct", "xor", "=>", "=", "<=", ">=", "<", ">", "+", "-", "*", "div", "mod", "abs");

    private final Dialect dialect;

    public SmtLibWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The SMT-LIB symbol of every variable, indexed by {@link Var#index()}: the variable's name,
     * quoted with {@code |…|} when it is not a simple symbol; names that are empty, contain
     * {@code |} or {@code \}, or repeat an earlier name get a {@code !index} suffix so every
     * symbol is distinct.
     */
    public static List<String> symbols(Model model) {
        List<String> out = new ArrayList<>(model.vars().size());
        Set<String> used = new HashSet<>();
        for (Var v : model.vars()) {
            String name = v.name();
            if (name.isEmpty() || name.indexOf('|') >= 0 || name.indexOf('\\') >= 0) {
                name = "v" + name.replace('|', '_').replace('\\', '_');
            }
            while (used.contains(name)) name = name + "!" + v.index();
            used.add(name);
            out.add(quote(name));
        }
        return out;
    }

    /** {@code name} as an SMT-LIB symbol: unchanged if simple, else {@code |name|}. */
    static String quote(String name) {
        return SIMPLE_SYMBOL.matcher(name).matches() && !RESERVED.contains(name) ? name : "|" + name + "|";
    }

    /** The SMT-LIB 2 script for {@code model}. */
    public String write(Model model) {
        List<String> sym = symbols(model);
        StringBuilder sb = new StringBuilder();
        sb.append("; ermbit SMT-LIB export: ").append(model.vars().size()).append(" variables, ")
                .append(model.constraints().size()).append(" constraints\n");
        sb.append("(set-option :produce-models true)\n");
        sb.append("(set-logic ").append(model.hasProducts() ? "QF_NIA" : "QF_LIA").append(")\n");
        for (Var v : model.vars()) {
            sb.append("(declare-fun ").append(sym.get(v.index())).append(" () ").append(v.bool() ? "Bool" : "Int").append(")\n");
        }
        for (Var v : model.vars()) {
            String s = sym.get(v.index());
            if (v.bool()) {
                if (v.lower().signum() > 0) sb.append("(assert ").append(s).append(")\n");
                if (v.upper().signum() == 0) sb.append("(assert (not ").append(s).append("))\n");
            } else {
                sb.append("(assert (and (<= ").append(num(v.lower())).append(' ').append(s).append(") (<= ")
                        .append(s).append(' ').append(num(v.upper())).append(")))\n");
            }
        }
        for (Constraint c : model.constraints()) {
            sb.append("(assert ").append(constraint(c, sym)).append(")\n");
        }
        model.objective().ifPresent(o -> {
            if (dialect == Dialect.Z3) {
                sb.append("(minimize ").append(expr(o.expr(), sym)).append(")\n");
            } else {
                sb.append("; objective not exported (standard SMT-LIB has no minimize): ")
                        .append(expr(o.expr(), sym)).append('\n');
            }
        });
        sb.append("(check-sat)\n");
        if (!model.vars().isEmpty()) {
            sb.append("(get-value (");
            for (int i = 0; i < sym.size(); i++) sb.append(i == 0 ? "" : " ").append(sym.get(i));
            sb.append("))\n");
        }
        sb.append("(exit)\n");
        return sb.toString();
    }

    private static String constraint(Constraint c, List<String> sym) {
        if (c instanceof Constraint.Linear l) {
            String op = switch (l.relation()) {
                case LE -> "<=";
                case EQ -> "=";
                case GE -> ">=";
            };
            String atom = "(" + op + " " + expr(l.expr(), sym) + " " + num(l.rhs()) + ")";
            if (l.enforcement().isEmpty()) return atom;
            return "(=> " + conjunction(l.enforcement(), sym) + " " + atom + ")";
        } else if (c instanceof Constraint.Clause cl) {
            if (cl.literals().isEmpty()) return "false";
            if (cl.literals().size() == 1) return literal(cl.literals().get(0), sym);
            StringBuilder sb = new StringBuilder("(or");
            for (Literal lit : cl.literals()) sb.append(' ').append(literal(lit, sym));
            return sb.append(')').toString();
        } else if (c instanceof Constraint.Product p) {
            return "(= " + term(p.result(), sym) + " (* " + term(p.left(), sym) + " " + term(p.right(), sym) + "))";
        }
        throw new IllegalArgumentException("not supported: constraint " + c);
    }

    private static String conjunction(List<Literal> lits, List<String> sym) {
        if (lits.size() == 1) return literal(lits.get(0), sym);
        StringBuilder sb = new StringBuilder("(and");
        for (Literal l : lits) sb.append(' ').append(literal(l, sym));
        return sb.append(')').toString();
    }

    private static String literal(Literal l, List<String> sym) {
        String s = sym.get(l.var().index());
        return l.positive() ? s : "(not " + s + ")";
    }

    /** A variable as an Int term. */
    private static String term(Var v, List<String> sym) {
        String s = sym.get(v.index());
        return v.bool() ? "(ite " + s + " 1 0)" : s;
    }

    /** A linear expression as an Int term; negative numbers as {@code (- k)}. */
    static String expr(LinearExpr e, List<String> sym) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) {
            String x = term(t.getKey(), sym);
            parts.add(t.getValue().equals(BigInteger.ONE) ? x : "(* " + num(t.getValue()) + " " + x + ")");
        }
        if (e.constant().signum() != 0 || parts.isEmpty()) parts.add(num(e.constant()));
        if (parts.size() == 1) return parts.get(0);
        return "(+ " + String.join(" ", parts) + ")";
    }

    /** An integer literal: {@code 5} or {@code (- 5)}. */
    public static String num(BigInteger k) {
        return k.signum() < 0 ? "(- " + k.negate() + ")" : k.toString();
    }
}
