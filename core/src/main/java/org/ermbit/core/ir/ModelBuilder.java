package org.ermbit.core.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mutable builder of a {@link Model}. Variable indices are assigned in creation order. */
public final class ModelBuilder {
    private final List<Var> vars;
    private final List<Constraint> constraints;
    private Optional<Objective> objective;

    public ModelBuilder() {
        this(new ArrayList<>(), new ArrayList<>(), Optional.empty());
    }

    ModelBuilder(List<Var> vars, List<Constraint> constraints, Optional<Objective> objective) {
        this.vars = vars;
        this.constraints = constraints;
        this.objective = objective;
    }

    public Var newBool(String name) {
        Var v = new Var(vars.size(), name, BigInteger.ZERO, BigInteger.ONE, true);
        vars.add(v);
        return v;
    }

    public Var newInt(String name, BigInteger lower, BigInteger upper) {
        Var v = new Var(vars.size(), name, lower, upper, false);
        vars.add(v);
        return v;
    }

    /**
     * A variable with explicit bounds; {@code bool} requires bounds within [0, 1]. Lowering passes
     * use it to recreate a model's variables at the same indices.
     */
    public Var newVar(String name, BigInteger lower, BigInteger upper, boolean bool) {
        Var v = new Var(vars.size(), name, lower, upper, bool);
        vars.add(v);
        return v;
    }

    /** {@code expr rel rhs} when all of {@code enforcement} hold. */
    public ModelBuilder addLinear(LinearExpr expr, Relation rel, BigInteger rhs, List<Literal> enforcement) {
        // move the expression's constant to the right-hand side
        LinearExpr e = expr.constant().signum() == 0 ? expr
                : expr.toBuilder().addConstant(expr.constant().negate()).build();
        constraints.add(new Constraint.Linear(e, rel, rhs.subtract(expr.constant()), enforcement));
        return this;
    }

    public ModelBuilder addLinear(LinearExpr expr, Relation rel, BigInteger rhs) {
        return addLinear(expr, rel, rhs, List.of());
    }

    public ModelBuilder addClause(List<Literal> literals) {
        constraints.add(new Constraint.Clause(literals));
        return this;
    }

    public ModelBuilder addClause(Literal... literals) {
        return addClause(List.of(literals));
    }

    /** {@code result = left · right}. */
    public ModelBuilder addProduct(Var result, Var left, Var right) {
        constraints.add(new Constraint.Product(result, left, right));
        return this;
    }

    public ModelBuilder add(Constraint c) {
        constraints.add(c);
        return this;
    }

    public ModelBuilder minimize(LinearExpr expr) {
        objective = Optional.of(new Objective(expr));
        return this;
    }

    public Model build() {
        return new Model(vars, constraints, objective);
    }
}
