package org.ermbit.reductions.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats {@code ermbit export} writes, by their command-line names. */
public enum ExportFormat {
    /** SMT-LIB 2 (QF_NIA with native products, or QF_LIA after bit lowering). */
    SMTLIB("smtlib"),
    /** Pseudo-Boolean competition OPB over 0/1 variables. */
    OPB("opb"),
    /** DIMACS CNF (decision) or WCNF 2022 (optimisation) via the exact adder encoding. */
    CNF("cnf"),
    /** CPLEX LP (integer program) with exact big-M rows; numbers beyond 2^53 are refused. */
    LP("lp");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in messages, e.g. {@code smtlib}. */
    public String cliName() {
        return cliName;
    }

    /** The format called {@code name} (case-insensitive); IllegalArgumentException listing the known names. */
    public static ExportFormat parse(String name) {
        for (ExportFormat f : values()) if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("unknown export format '" + name + "' (known: "
                + Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
