package org.ermbit.solvers.javasmt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;
import org.sosy_lab.java_smt.api.BooleanFormula;
import org.sosy_lab.java_smt.api.BooleanFormulaManager;
import org.sosy_lab.java_smt.api.Formula;
import org.sosy_lab.java_smt.api.IntegerFormulaManager;
import org.sosy_lab.java_smt.api.NumeralFormula.IntegerFormula;
import org.sosy_lab.java_smt.api.SolverContext;

/**
 * The translation of one IR model into java-smt formulas of one context: Boolean IR variables are
 * SMT Booleans (entering arithmetic through if-then-else), integer variables are SMT integers with
 * their bounds asserted; every constant is built from a {@link BigInteger}, so nothing is rounded.
 */
final class JavaSmtEncoding {
    private final Model model;
    private final BooleanFormulaManager bmgr;
    private final IntegerFormulaManager imgr;
    private final Formula[] vars;

    JavaSmtEncoding(SolverContext ctx, Model model) {
        this.model = model;
        this.bmgr = ctx.getFormulaManager().getBooleanFormulaManager();
        this.imgr = ctx.getFormulaManager().getIntegerFormulaManager();
        this.vars = new Formula[model.vars().size()];
        for (Var v : model.vars()) {
            vars[v.index()] = v.bool() ? bmgr.makeVariable("b" + v.index()) : imgr.makeVariable("x" + v.index());
        }
    }

    /** All assertions: variable bounds, then one formula per constraint. */
    List<BooleanFormula> assertions() {
        List<BooleanFormula> out = new ArrayList<>();
        for (Var v : model.vars()) {
            if (v.bool()) {
                if (v.lower().signum() > 0) out.add(bool(v));
                if (v.upper().signum() == 0) out.add(bmgr.not(bool(v)));
            } else {
                out.add(imgr.greaterOrEquals(intVar(v), num(v.lower())));
                out.add(imgr.lessOrEquals(intVar(v), num(v.upper())));
            }
        }
        for (Constraint c : model.constraints()) out.add(encode(c));
        return out;
    }

    /** The IR assignment read from a java-smt model (unassigned variables take their lower bound). */
    Assignment decode(org.sosy_lab.java_smt.api.Model m) {
        BigInteger[] values = new BigInteger[vars.length];
        for (Var v : model.vars()) {
            if (v.bool()) {
                Boolean b = m.evaluate(bool(v));
                values[v.index()] = b != null && b ? BigInteger.ONE : BigInteger.ZERO;
                if (b == null) values[v.index()] = v.lower();
            } else {
                BigInteger x = m.evaluate(intVar(v));
                values[v.index()] = x != null ? x : v.lower();
            }
        }
        return new Assignment(values);
    }

    private IntegerFormula num(BigInteger k) {
        return imgr.makeNumber(k);
    }

    private BooleanFormula bool(Var v) {
        return (BooleanFormula) vars[v.index()];
    }

    private IntegerFormula intVar(Var v) {
        return (IntegerFormula) vars[v.index()];
    }

    /** The variable as an integer term (a Boolean as 0/1). */
    private IntegerFormula term(Var v) {
        return v.bool() ? bmgr.ifThenElse(bool(v), num(BigInteger.ONE), num(BigInteger.ZERO)) : intVar(v);
    }

    private BooleanFormula lit(Literal l) {
        return l.positive() ? bool(l.var()) : bmgr.not(bool(l.var()));
    }

    private IntegerFormula arith(LinearExpr e) {
        List<IntegerFormula> parts = new ArrayList<>();
        for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) {
            Var v = t.getKey();
            BigInteger c = t.getValue();
            if (v.bool()) parts.add(bmgr.ifThenElse(bool(v), num(c), num(BigInteger.ZERO)));
            else parts.add(c.equals(BigInteger.ONE) ? intVar(v) : imgr.multiply(num(c), intVar(v)));
        }
        if (e.constant().signum() != 0 || parts.isEmpty()) parts.add(num(e.constant()));
        return parts.size() == 1 ? parts.get(0) : imgr.sum(parts);
    }

    private BooleanFormula encode(Constraint k) {
        if (k instanceof Constraint.Clause cl) {
            return bmgr.or(cl.literals().stream().map(this::lit).toList());
        }
        if (k instanceof Constraint.Product p) {
            return imgr.equal(term(p.result()), imgr.multiply(term(p.left()), term(p.right())));
        }
        Constraint.Linear l = (Constraint.Linear) k;
        IntegerFormula lhs = arith(l.expr());
        IntegerFormula rhs = num(l.rhs());
        BooleanFormula atom = switch (l.relation()) {
            case LE -> imgr.lessOrEquals(lhs, rhs);
            case GE -> imgr.greaterOrEquals(lhs, rhs);
            case EQ -> imgr.equal(lhs, rhs);
        };
        if (l.enforcement().isEmpty()) return atom;
        return bmgr.implication(bmgr.and(l.enforcement().stream().map(this::lit).toList()), atom);
    }
}
