package org.ermbit.solvers.backend;

import java.util.function.IntUnaryOperator;

/**
 * Encodes one proof step in binary DRAT (the format {@link org.ermbit.reductions.cnf.DratChecker}
 * reads): a byte {@code 'a'} or {@code 'd'}, each DIMACS literal as the variable-length unsigned integer
 * {@code 2*var + (negative ? 1 : 0)} (7 bits per byte, low bits first, high bit set when more follow),
 * then a 0. For backends that record a solver's proof step by step.
 */
public final class BinaryDratSteps {
    private BinaryDratSteps() {
    }

    /** Bytes one step of {@code literals} literals can take at most. */
    public static int maxBytes(int literals) {
        return 2 + 5 * literals;
    }

    /**
     * Writes the step into {@code buffer} from {@code at} (which must have {@link #maxBytes} room):
     * {@code count} literals, the k-th being {@code literal.applyAsInt(k)}. Returns the index after the step.
     */
    public static int write(byte[] buffer, int at, boolean deletion, int count, IntUnaryOperator literal) {
        int n = at;
        buffer[n++] = (byte) (deletion ? 'd' : 'a');
        for (int k = 0; k < count; k++) {
            int lit = literal.applyAsInt(k);
            long code = 2L * Math.abs((long) lit) + (lit < 0 ? 1 : 0);
            while (code >= 0x80) {
                buffer[n++] = (byte) (code & 0x7f | 0x80);
                code >>>= 7;
            }
            buffer[n++] = (byte) code;
        }
        buffer[n++] = 0;
        return n;
    }
}
