package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams the steps of a DRAT proof one at a time (additions and deletions, DIMACS literals as
 * written, duplicates included), without holding more of the proof than one buffer and one clause.
 * Subclasses decode one encoding each ({@link DratTextReader}, {@link DratBinaryReader}); input that
 * is not a proof is a {@link MalformedProofException} whose message is the one-line reason.
 */
abstract class DratProofReader {

    /** Largest variable a proof may use: per-variable arrays stay bounded (a few GB at most). */
    static final int MAX_VARIABLE = 1 << 28;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    /** Bytes of the stream before {@code buffer[0]}. */
    private long consumed;

    private int[] literals = new int[16];
    private int size;
    private boolean deletion;

    DratProofReader(InputStream in) {
        this.in = in;
    }

    static DratProofReader of(InputStream in, DratChecker.Format format) {
        return switch (format) {
            case TEXT -> new DratTextReader(in, false);
            case BINARY -> new DratBinaryReader(in);
            case RUP -> new DratTextReader(in, true);
        };
    }

    /**
     * Reads the next step: true when there is one (then {@link #deletion()}, {@link #literals()},
     * {@link #size()} and {@link #where()} describe it), false at the end of the proof.
     */
    abstract boolean next() throws IOException, MalformedProofException;

    /** Where the current step starts, for messages: {@code line 12} (text) or {@code byte 345} (binary). */
    final String where() {
        return where(stepPosition());
    }

    /** Where the current step starts: its line (text) or byte offset (binary), for {@link #where(long)}. */
    abstract long stepPosition();

    /** A step position of this encoding ({@link #stepPosition()}) for messages, as {@link #where()} shows it. */
    abstract String where(long position);

    /** Whether the current step is a deletion (else an addition). */
    final boolean deletion() {
        return deletion;
    }

    /** The literals of the current step in {@code [0, size())}, as written (the array is reused). */
    final int[] literals() {
        return literals;
    }

    final int size() {
        return size;
    }

    final void startStep(boolean isDeletion) {
        deletion = isDeletion;
        size = 0;
    }

    final void addLiteral(int literal) {
        if (size == literals.length) literals = Arrays.copyOf(literals, 2 * size);
        literals[size++] = literal;
    }

    /** The next byte (0..255), or -1 at the end of the stream. */
    final int read() throws IOException {
        if (position == limit) {
            consumed += limit;
            position = 0;
            limit = 0;
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) return -1;
            limit = n;
        }
        return buffer[position++] & 0xff;
    }

    /** The offset in the stream of the byte the next {@link #read()} returns. */
    final long offset() {
        return consumed + position;
    }

    /** Input bytes shown in a message: printable ASCII as is, others as '?', at most 40 characters. */
    static String shown(byte[] bytes, int length, boolean more) {
        StringBuilder sb = new StringBuilder(Math.min(length, 40) + 3);
        int shown = Math.min(length, 37);
        boolean cut = more || length > 40;
        if (!cut) shown = length;
        for (int i = 0; i < shown; i++) {
            int ch = bytes[i] & 0xff;
            sb.append(ch >= 0x20 && ch < 0x7f ? (char) ch : '?');
        }
        if (cut) sb.append("...");
        return sb.toString();
    }
}
