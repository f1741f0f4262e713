package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reading SAT solvers' literal lines (hand-written outputs) through {@link SolverOutputs#dimacsValues}:
 * competition {@code v} lines and MiniSat's result file; unmentioned and out-of-range variables, and
 * malformed output as documented (IllegalArgumentException, never another exception).
 */
class DimacsOutputTest {

    @Test
    void competitionLinesAcrossSeveralVLines() {
        String out = "c cadical\ns SATISFIABLE\nv 1 -2\nv 3 0\n";
        assertArrayEquals(new boolean[] {false, true, false, true, false}, SolverOutputs.dimacsValues(out, 4));
    }

    @Test
    void minisatResultFileHasNoVPrefix() {
        assertArrayEquals(new boolean[] {false, false, true},
                DimacsSatSolver.witness("SAT\n-1 2 0\n", 2, DimacsSatSolver.Style.MINISAT_RESULT_FILE));
    }

    /** Literals beyond the declared variables are ignored, including -2^31 whose absolute value overflows. */
    @Test
    void outOfRangeLiteralsAreIgnored() {
        assertArrayEquals(new boolean[] {false, true}, SolverOutputs.dimacsValues("v 1 -2147483648 5 -7 0\n", 1));
    }

    /** The last variable's literals (±vars) are inside the range. */
    @Test
    void theLastVariableIsRead() {
        assertArrayEquals(new boolean[] {false, false, true, true}, SolverOutputs.dimacsValues("v -1 2 3 0\n", 3));
        assertArrayEquals(new boolean[] {false, true, true, false}, SolverOutputs.dimacsValues("v 3 1 2 -3 0\n", 3));
    }

    @Test
    void nonNumericLiteralsAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> SolverOutputs.dimacsValues("v 1 two 0\n", 2));
        assertThrows(IllegalArgumentException.class, () -> SolverOutputs.dimacsValues("v 99999999999 0\n", 2));
    }
}
