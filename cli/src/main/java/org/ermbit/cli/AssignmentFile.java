package org.ermbit.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InputFiles;

/**
 * Reads and writes truth assignments in the SAT-competition solution style: {@code v} lines of
 * DIMACS literals ended by {@code 0}; {@code c} and {@code s} lines are ignored. Each variable
 * 1..n must appear exactly once (as {@code v} or {@code -v}). Literals are read as the DIMACS reader
 * reads them: an optional '-' and digits ({@code +1} is not a literal, {@code -0} is not the
 * terminating 0); a leading UTF-8 byte-order mark is ignored.
 */
final class AssignmentFile {

    private AssignmentFile() {
    }

    /** {@code assignment[v]} for v = 1..variables (index 0 unused). */
    static boolean[] read(Path file, int variables) {
        String text = new String(InputFiles.read(file, "an assignment file"), StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) text = text.substring(3); // a UTF-8 byte-order mark (read as ISO-8859-1) is not content
        boolean[] value = new boolean[variables + 1];
        boolean[] seen = new boolean[variables + 1];
        boolean ended = false;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = "line " + (i + 1);
            if (line.isEmpty() || line.startsWith("c") || line.startsWith("s")) continue;
            if (!line.startsWith("v")) throw new InputException(file, where, "expected a 'v' line of literals");
            for (String token : line.substring(1).trim().split("\\s+")) {
                if (token.isEmpty()) continue;
                if (ended) throw new InputException(file, where, "literal after the terminating 0");
                // DIMACS literals, as the CNF reader reads them: '-' and digits (no '+'), -0 is not the terminating 0
                if (!token.matches("-?[0-9]+")) throw new InputException(file, where, "not an integer literal: '" + shorten(token) + "'");
                String digits = token.replaceFirst("^-?0*(?=[0-9])", "");
                if (digits.equals("0")) {
                    if (token.startsWith("-")) {
                        throw new InputException(file, where, "literal " + shorten(token) + ": the list ends with 0, and -0 is not a literal");
                    }
                    ended = true;
                    continue;
                }
                if (digits.length() > 10 || Long.parseLong(digits) > variables) {
                    throw new InputException(file, where, "literal " + shorten(token) + " out of range 1.." + variables);
                }
                int lit = token.startsWith("-") ? -Integer.parseInt(digits) : Integer.parseInt(digits);
                int v = Math.abs(lit);
                if (seen[v]) throw new InputException(file, where, "variable " + v + " assigned twice");
                seen[v] = true;
                value[v] = lit > 0;
            }
        }
        for (int v = 1; v <= variables; v++) {
            if (!seen[v]) throw new InputException(file, "", "variable " + v + " is not assigned");
        }
        return value;
    }

    private static String shorten(String token) {
        return token.length() <= 24 ? token : token.substring(0, 21) + "...";
    }

    /** The assignment as one {@code v} line ended by 0. */
    static String vLine(boolean[] assignment) {
        StringBuilder sb = new StringBuilder("v");
        for (int v = 1; v < assignment.length; v++) sb.append(' ').append(assignment[v] ? v : -v);
        return sb.append(" 0").toString();
    }
}
