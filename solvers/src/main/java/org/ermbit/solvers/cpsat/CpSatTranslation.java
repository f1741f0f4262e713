package org.ermbit.solvers.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExprBuilder;
import java.math.BigInteger;
import java.util.Map;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;

/**
 * The translation of one IR model into a CP-SAT {@link CpModel}: Boolean IR variables become
 * {@link BoolVar}s, integer variables {@link IntVar}s with their bounds; linear constraints become
 * {@code addLessOrEqual}/{@code addGreaterOrEqual}/{@code addEquality} with {@code onlyEnforceIf}
 * for enforcement literals, clauses {@code addBoolOr}, products {@code addMultiplicationEquality},
 * the objective {@code minimize}. Callers must have checked {@link CpSatRange#refusal} first: every
 * number is converted with {@link BigInteger#longValueExact()}.
 */
final class CpSatTranslation {
    private final Model model;
    private final CpModel cp = new CpModel();
    private final IntVar[] vars;

    CpSatTranslation(Model model) {
        this.model = model;
        this.vars = new IntVar[model.vars().size()];
        for (Var v : model.vars()) {
            if (v.bool()) {
                BoolVar b = cp.newBoolVar("b" + v.index());
                vars[v.index()] = b;
                if (v.lower().equals(v.upper())) cp.addEquality(b, v.lower().longValueExact());
            } else {
                vars[v.index()] = cp.newIntVar(v.lower().longValueExact(), v.upper().longValueExact(), "x" + v.index());
            }
        }
        for (Constraint c : model.constraints()) add(c);
        model.objective().ifPresent(o -> cp.minimize(expr(o.expr())));
    }

    CpModel cpModel() {
        return cp;
    }

    private void add(Constraint c) {
        if (c instanceof Constraint.Clause cl) {
            cp.addBoolOr(cl.literals().stream().map(this::lit).toArray(com.google.ortools.sat.Literal[]::new));
        } else if (c instanceof Constraint.Product p) {
            cp.addMultiplicationEquality(vars[p.result().index()], vars[p.left().index()], vars[p.right().index()]);
        } else {
            Constraint.Linear l = (Constraint.Linear) c;
            LinearExprBuilder lhs = terms(l.expr());
            long rhs = l.rhs().subtract(l.expr().constant()).longValueExact();
            com.google.ortools.sat.Constraint k = switch (l.relation()) {
                case LE -> cp.addLessOrEqual(lhs, rhs);
                case GE -> cp.addGreaterOrEqual(lhs, rhs);
                case EQ -> cp.addEquality(lhs, rhs);
            };
            if (!l.enforcement().isEmpty()) {
                k.onlyEnforceIf(l.enforcement().stream().map(this::lit).toArray(com.google.ortools.sat.Literal[]::new));
            }
        }
    }

    private com.google.ortools.sat.Literal lit(Literal l) {
        BoolVar b = (BoolVar) vars[l.var().index()];
        return l.positive() ? b : b.not();
    }

    /** The terms of {@code e} without its constant. */
    private LinearExprBuilder terms(LinearExpr e) {
        LinearExprBuilder b = com.google.ortools.sat.LinearExpr.newBuilder();
        for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) b.addTerm(vars[t.getKey().index()], t.getValue().longValueExact());
        return b;
    }

    private LinearExprBuilder expr(LinearExpr e) {
        return terms(e).add(e.constant().longValueExact());
    }

    /** The values of the last solution {@code solver} found, as an IR assignment. */
    Assignment decode(CpSolver solver) {
        BigInteger[] values = new BigInteger[vars.length];
        for (Var v : model.vars()) values[v.index()] = BigInteger.valueOf(solver.value(vars[v.index()]));
        return new Assignment(values);
    }
}
