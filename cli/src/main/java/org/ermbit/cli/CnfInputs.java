package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.PrintableText;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;

/**
 * DIMACS CNF inputs of the commands that read them ({@code count}, {@code reduce}, {@code check}):
 * the reader's warnings about tolerated irregularities become {@code c warning:} lines, and a command
 * that counts models refuses a file that asks for another counting problem ({@code c t pmc},
 * {@code c t wmc}, …) rather than answer it with a plain count.
 */
final class CnfInputs {
    private CnfInputs() {
    }

    /** Reads {@code file}, printing each warning as {@code c warning: FILE: …} on {@code out}. */
    static Cnf read(Path file, PrintWriter out) {
        DimacsReader.Parsed parsed = DimacsReader.readWithWarnings(file);
        warn(parsed, file, out);
        return parsed.cnf();
    }

    /**
     * Reads {@code file} for a command that counts its models ({@code what} says how, for the refusal),
     * printing each warning as {@code c warning: FILE: …}.
     */
    static Cnf readForCounting(Path file, PrintWriter out, String what) {
        DimacsReader.Parsed parsed = DimacsReader.readWithWarnings(file);
        requirePlainCount(parsed, file, what);
        warn(parsed, file, out);
        return parsed.cnf();
    }

    /** Refuses a file whose {@code c t TYPE} line asks for anything but a plain model count. */
    static void requirePlainCount(DimacsReader.Parsed parsed, Path file, String what) {
        parsed.countingType().filter(t -> !t.equals("mc")).ifPresent(t -> {
            throw new InputException(file.toString(), "", "not supported: the file asks for '" + PrintableText.oneLine(t)
                    + "' ('c t " + PrintableText.oneLine(t) + "'); " + what + " ('c t mc': unweighted, unprojected)");
        });
    }

    private static void warn(DimacsReader.Parsed parsed, Path file, PrintWriter out) {
        for (String w : parsed.warnings()) out.println("c warning: " + PrintableText.oneLine(file.toString()) + ": " + w);
        out.flush();
    }
}
