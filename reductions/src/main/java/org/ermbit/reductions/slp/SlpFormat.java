package org.ermbit.reductions.slp;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InputFiles;

/**
 * The SLP text format (docs/FORMAT.md, section "Straight-line programs"): one instruction per line, {@code k = i OP j} with
 * {@code OP} one of {@code + - *}, indices optionally written {@code v3}; {@code #} starts a comment
 * that runs to the end of the line; blank lines and a leading byte-order mark are ignored. Instructions must be numbered
 * 1, 2, 3, … in order and may only use earlier variables (v0 = 1 is predefined). The program's value
 * is its last variable.
 */
public final class SlpFormat {

    /** Largest accepted number of instructions (a documented cap against runaway inputs). */
    public static final int MAX_INSTRUCTIONS = 10_000_000;

    private SlpFormat() {
    }

    /**
     * Reads an SLP file (at most {@link InputFiles#MAX_BYTES} bytes, UTF-8); an unreadable file is
     * an {@link InputException} like a malformed one.
     */
    public static Slp read(java.nio.file.Path file) {
        String text = new String(InputFiles.read(file, "a straight-line program file"), java.nio.charset.StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    /** Parses {@code text}; any problem becomes an {@link InputException} naming {@code fileLabel} and "line N". */
    public static Slp parse(String text, String fileLabel) {
        List<Instruction> out = new ArrayList<>();
        if (text.startsWith("\uFEFF")) text = text.substring(1); // a UTF-8 byte-order mark is not content (as for JSON, CSV, DIMACS)
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String where = "line " + (ln + 1);
            int expected = out.size() + 1;
            if (expected > MAX_INSTRUCTIONS) throw new InputException(fileLabel, where, "more than " + MAX_INSTRUCTIONS + " instructions");
            int eq = line.indexOf('=');
            if (eq < 0) throw new InputException(fileLabel, where, "expected 'k = i OP j', got '" + line + "'");
            int k = index(line.substring(0, eq).strip(), fileLabel, where, "target");
            if (k != expected) {
                throw new InputException(fileLabel, where, "instruction numbered " + k + ", expected " + expected
                        + " (instructions are numbered 1, 2, 3, … in order)");
            }
            String rhs = line.substring(eq + 1).strip();
            int opAt = -1;
            for (int c = 1; c < rhs.length(); c++) { // from 1: a leading '-' is not an operator
                if (SlpOp.ofSymbol(rhs.charAt(c)) != null) {
                    opAt = c;
                    break;
                }
            }
            if (opAt < 0) throw new InputException(fileLabel, where, "expected 'i OP j' with OP one of + - *, got '" + rhs + "'");
            SlpOp op = SlpOp.ofSymbol(rhs.charAt(opAt));
            int i = index(rhs.substring(0, opAt).strip(), fileLabel, where, "left operand");
            int j = index(rhs.substring(opAt + 1).strip(), fileLabel, where, "right operand");
            if (i >= k || j >= k) {
                throw new InputException(fileLabel, where, "instruction " + k + " uses v" + Math.max(i, j)
                        + ", which is not defined before it");
            }
            out.add(new Instruction(op, i, j));
        }
        return new Slp(out);
    }

    private static int index(String token, String file, String where, String what) {
        String t = token.startsWith("v") || token.startsWith("V") ? token.substring(1) : token;
        if (t.isEmpty() || !t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new InputException(file, where, what + " must be a variable index like 3 or v3, got '" + token + "'");
        }
        if (t.length() > 9) throw new InputException(file, where, what + " index " + t + " is too large");
        return Integer.parseInt(t);
    }

    /** Writes {@code slp} in the text format, with a header comment; {@code parse(write(s))} equals {@code s}. */
    public static String write(Slp slp) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ermbit straight-line program: v0 = 1; the value is the last variable (v")
                .append(slp.outputIndex()).append(")\n");
        int k = 1;
        for (Instruction ins : slp.instructions()) {
            sb.append(k++).append(" = ").append(ins.left()).append(' ').append(ins.op().symbol()).append(' ')
                    .append(ins.right()).append('\n');
        }
        return sb.toString();
    }
}
