package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.ermbit.core.format.AtomicFiles;

/**
 * Writes a {@link Cnf} as standard DIMACS: optional {@code c} comment lines, the p-line
 * {@code p cnf VARIABLES CLAUSES}, then one clause per line terminated by {@code 0}, LF line ends.
 */
public final class DimacsWriter {
    private DimacsWriter() {}

    /** The DIMACS text of {@code cnf}. */
    public static String write(Cnf cnf) {
        return write(cnf, List.of());
    }

    /** The DIMACS text of {@code cnf} preceded by one {@code c} line per comment. */
    public static String write(Cnf cnf, List<String> comments) {
        StringBuilder sb = new StringBuilder(16 + 8 * cnf.clauses().size());
        for (String comment : comments) {
            for (String line : comment.split("\r\n|\n|\r", -1)) {
                sb.append(line.isEmpty() ? "c" : "c " + line).append('\n');
            }
        }
        sb.append("p cnf ").append(cnf.variables()).append(' ').append(cnf.clauses().size()).append('\n');
        for (int[] clause : cnf.clauses()) {
            for (int lit : clause) sb.append(lit).append(' ');
            sb.append("0\n");
        }
        return sb.toString();
    }

    /** Writes the DIMACS text of {@code cnf} to {@code file}. */
    public static void write(Cnf cnf, Path file) {
        try {
            AtomicFiles.write(file, write(cnf).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
