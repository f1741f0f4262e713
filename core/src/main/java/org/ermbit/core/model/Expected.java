package org.ermbit.core.model;

import org.ermbit.core.number.Rational;

/** An instance's stated answer, used by benchmarks to check solvers — never by solvers. */
public sealed interface Expected permits Expected.Sat, Expected.Unsat, Expected.Optimum {
    /** Feasible: some parameters reach loss ≤ threshold. */
    record Sat() implements Expected {
    }

    /** Infeasible in the finite parameter domain. */
    record Unsat() implements Expected {
    }

    /** The minimum loss over the domain. */
    record Optimum(Rational value) implements Expected {
    }
}
