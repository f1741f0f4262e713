package org.ermbit.core.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The solver-independent constraint model (the OR-Tools model/solver split): bounded integer and
 * Boolean variables, enforced linear constraints, clauses, products and an optional linear
 * objective to minimise. Immutable; built with {@link ModelBuilder}.
 */
public final class Model {
    private final List<Var> vars;
    private final List<Constraint> constraints;
    private final Optional<Objective> objective;

    Model(List<Var> vars, List<Constraint> constraints, Optional<Objective> objective) {
        this.vars = List.copyOf(vars);
        this.constraints = List.copyOf(constraints);
        this.objective = objective;
    }

    public List<Var> vars() {
        return vars;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public Optional<Objective> objective() {
        return objective;
    }

    /** True iff some constraint is a {@link Constraint.Product}. */
    public boolean hasProducts() {
        return constraints.stream().anyMatch(c -> c instanceof Constraint.Product);
    }

    /** True iff every variable is Boolean. */
    public boolean isPurelyBoolean() {
        return vars.stream().allMatch(Var::bool);
    }

    /** Largest bit-length of any coefficient, bound or right-hand side (for INT64_ONLY backends). */
    public int maxCoefficientBits() {
        int m = 0;
        for (Var v : vars) m = Math.max(m, Math.max(v.lower().bitLength(), v.upper().bitLength()));
        for (Constraint c : constraints) {
            if (c instanceof Constraint.Linear l) {
                m = Math.max(m, l.rhs().bitLength());
                m = Math.max(m, l.expr().constant().bitLength());
                for (BigInteger k : l.expr().terms().values()) m = Math.max(m, k.bitLength());
            }
        }
        return m;
    }

    /** Whether {@code a} satisfies every bound and constraint (used to check backend models). */
    public boolean isSatisfiedBy(Assignment a) {
        for (Var v : vars) {
            BigInteger x = a.value(v);
            if (x.compareTo(v.lower()) < 0 || x.compareTo(v.upper()) > 0) return false;
        }
        for (Constraint c : constraints) if (!c.holds(a::value)) return false;
        return true;
    }

    /** A builder pre-filled with this model's variables and constraints (for lowering passes). */
    public ModelBuilder toBuilder() {
        return new ModelBuilder(new ArrayList<>(vars), new ArrayList<>(constraints), objective);
    }

    @Override
    public String toString() {
        return "Model[" + vars.size() + " vars, " + constraints.size() + " constraints" + (objective.isPresent() ? ", objective" : "") + "]";
    }
}
