package org.ermbit.solvers.external;

import java.util.List;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;

/**
 * Readers for what external solvers print, for programs that run the exported files themselves
 * (docs/EXPORT.md): DIMACS {@code v} lines, SMT-LIB {@code get-value} answers and CBC solution
 * files. Every reader is exact (no floating point) and throws IllegalArgumentException on
 * malformed output; the values must still be checked against the model.
 */
public final class SolverOutputs {
    private SolverOutputs() {
    }

    /** Values of DIMACS variables 1..vars from SAT-competition {@code v} lines (index 0 unused; unmentioned = false). */
    public static boolean[] dimacsValues(String output, int vars) {
        return DimacsSatSolver.witness(output, vars, DimacsSatSolver.Style.COMPETITION);
    }

    /** The assignment of {@code model} in a {@code ((symbol value) …)} answer to the script {@code SmtLibWriter} wrote for it. */
    public static Assignment smtValues(Model model, String getValueAnswer) {
        return SmtLibSolver.values(model, getValueAnswer);
    }

    /**
     * The assignment of {@code model} in a CBC solution file ({@code -printingOptions all -solution F})
     * of its LP file, with the exact values of the binary file of {@code -saveSolution G} of the same
     * run ({@code saved}; null: the text's 8 significant digits only); rounded half-up to integers.
     */
    public static Assignment cbcValues(Model model, List<String> solutionLines, byte[] saved) {
        return LpSolver.values(model, solutionLines, saved);
    }
}
