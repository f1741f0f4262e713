package org.ermbit.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InputFiles;

/**
 * Reads and writes truth assignments in the SAT-competition solution style: {@code v} lines of
 * DIMACS literals ended by {@code 0}; {@code c} and {@code s} lines are ignored. Each variable
 * 1..n must appear exactly once (as {@code v} or {@code -v}).
 */
final class AssignmentFile {

    private AssignmentFile() {
    }

    /** {@code assignment[v]} for v = 1..variables (index 0 unused). */
    static boolean[] read(Path file, int variables) {
        String text = new String(InputFiles.read(file, "an assignment file"), StandardCharsets.ISO_8859_1);
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
                int lit;
                try {
                    lit = Integer.parseInt(token);
                } catch (NumberFormatException e) {
                    throw new InputException(file, where, "not an integer literal: '" + token + "'");
                }
                if (lit == 0) {
                    ended = true;
                    continue;
                }
                if (lit < -variables || lit > variables) {
                    throw new InputException(file, where, "literal " + lit + " out of range 1.." + variables);
                }
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

    /** The assignment as one {@code v} line ended by 0. */
    static String vLine(boolean[] assignment) {
        StringBuilder sb = new StringBuilder("v");
        for (int v = 1; v < assignment.length; v++) sb.append(' ').append(assignment[v] ? v : -v);
        return sb.append(" 0").toString();
    }
}
