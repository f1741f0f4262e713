package org.ermbit.core.ir;

/** A Boolean variable or its negation. */
public record Literal(Var var, boolean positive) {
    public Literal {
        if (!var.bool()) throw new IllegalArgumentException("literal over non-Boolean variable " + var.name());
    }

    public Literal negate() {
        return new Literal(var, !positive);
    }

    @Override
    public String toString() {
        return positive ? var.name() : "!" + var.name();
    }
}
