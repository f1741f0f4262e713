package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads binary DRAT: each step is the byte {@code 'a'} (addition) or {@code 'd'} (deletion), then its
 * literals as variable-length unsigned integers {@code 2*var + (negative ? 1 : 0)} (7 bits per byte,
 * low bits first, high bit set when another byte follows), then the integer 0. Another leading byte,
 * a literal of variable 0 or above {@link #MAX_VARIABLE}, an integer beyond 32 bits or input ending
 * inside a step is malformed, reported with its byte offset.
 */
final class DratBinaryReader extends DratProofReader {

    private long stepOffset;

    DratBinaryReader(InputStream in) {
        super(in);
    }

    @Override
    long stepPosition() {
        return stepOffset;
    }

    @Override
    String where(long position) {
        return "byte " + position;
    }

    @Override
    boolean next() throws IOException, MalformedProofException {
        stepOffset = offset();
        int c = read();
        if (c == -1) return false;
        if (c == 'a') {
            startStep(false);
        } else if (c == 'd') {
            startStep(true);
        } else {
            throw new MalformedProofException(String.format(
                    "malformed proof at byte %d: unknown step byte 0x%02x (expected 'a' or 'd')", stepOffset, c));
        }
        while (true) {
            long at = offset();
            long value = 0;
            int shift = 0;
            while (true) {
                int b = read();
                if (b == -1) {
                    throw new MalformedProofException("truncated proof: the last clause has no terminating 0 (step at byte "
                            + stepOffset + ")");
                }
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) break;
                shift += 7;
                if (shift > 28) {
                    throw new MalformedProofException("malformed proof at byte " + at + ": literal does not fit in an int");
                }
            }
            if (value == 0) return true;
            if (value > 0xFFFF_FFFFL) {
                throw new MalformedProofException("malformed proof at byte " + at + ": literal does not fit in an int");
            }
            long variable = value >>> 1;
            if (variable == 0) throw new MalformedProofException("malformed proof at byte " + at + ": literal of variable 0");
            if (variable > MAX_VARIABLE) {
                throw new MalformedProofException("malformed proof at byte " + at + ": variable " + variable
                        + " exceeds the maximum " + MAX_VARIABLE);
            }
            addLiteral((value & 1) == 0 ? (int) variable : -(int) variable);
        }
    }
}
