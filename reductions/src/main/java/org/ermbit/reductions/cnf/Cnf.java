package org.ermbit.reductions.cnf;

import java.util.ArrayList;
import java.util.List;

/**
 * A propositional formula in conjunctive normal form over variables 1..{@code variables}: each
 * clause is an array of non-zero DIMACS literals ({@code v} or {@code -v}). Variables that occur
 * in no clause are still part of the formula (they are free, and count for model counting).
 */
public record Cnf(int variables, List<int[]> clauses) {
    public Cnf {
        if (variables < 0) throw new IllegalArgumentException("negative variable count " + variables);
        List<int[]> copy = new ArrayList<>(clauses.size());
        for (int[] c : clauses) {
            for (int lit : c) {
                if (lit == 0 || Math.abs(lit) > variables) {
                    throw new IllegalArgumentException("literal " + lit + " out of range 1.." + variables);
                }
            }
            copy.add(c.clone());
        }
        clauses = List.copyOf(copy);
    }

    /** Whether {@code assignment[v]} (index 1..variables; index 0 unused) satisfies every clause. */
    public boolean isSatisfiedBy(boolean[] assignment) {
        for (int[] c : clauses) {
            boolean sat = false;
            for (int lit : c) {
                if (assignment[Math.abs(lit)] == (lit > 0)) {
                    sat = true;
                    break;
                }
            }
            if (!sat) return false;
        }
        return true;
    }
}
