package org.ermbit.core.ir;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/** A constraint of the IR: enforced linear constraint, clause, or product definition. */
public sealed interface Constraint permits Constraint.Linear, Constraint.Clause, Constraint.Product {

    /** Whether the constraint holds under a total assignment. */
    boolean holds(Function<Var, BigInteger> value);

    /**
     * {@code expr rel rhs}, required only when every enforcement literal is true (an empty
     * enforcement list means always).
     */
    record Linear(LinearExpr expr, Relation relation, BigInteger rhs, List<Literal> enforcement) implements Constraint {
        public Linear {
            enforcement = List.copyOf(enforcement);
        }

        public boolean holds(Function<Var, BigInteger> value) {
            for (Literal l : enforcement) if (!Assignment.isTrue(l, value)) return true;
            return relation.holds(expr.evaluate(value), rhs);
        }

        @Override
        public String toString() {
            return (enforcement.isEmpty() ? "" : enforcement + " -> ") + expr + " " + relation.symbol() + " " + rhs;
        }
    }

    /** At least one literal is true. */
    record Clause(List<Literal> literals) implements Constraint {
        public Clause {
            literals = List.copyOf(literals);
        }

        public boolean holds(Function<Var, BigInteger> value) {
            for (Literal l : literals) if (Assignment.isTrue(l, value)) return true;
            return false;
        }
    }

    /** {@code result = left · right} (nonlinear; lowered for backends without NIA). */
    record Product(Var result, Var left, Var right) implements Constraint {
        public boolean holds(Function<Var, BigInteger> value) {
            return value.apply(result).equals(value.apply(left).multiply(value.apply(right)));
        }
    }
}
