package org.ermbit.solvers.logicng;

import java.io.InputStream;
import org.ermbit.solvers.backend.BinaryDratSteps;
import org.logicng.collections.LNGIntVector;
import org.logicng.collections.LNGVector;

/**
 * The proof LogicNG's MiniSat records ({@code pgProof()}: per step a flag, 1 for an added clause and
 * -1 for a deleted one, then the clause's literals as signed 1-based variables; a lone 0 is the empty
 * clause) read as binary DRAT, produced step by step rather than copied, so that the proof needs no
 * second copy in memory.
 */
final class DrupProofStream extends InputStream {
    private final LNGVector<LNGIntVector> proof;
    private final byte[] step = new byte[64];
    private byte[] buffer = step;
    private int length;
    private int position;
    private int next;

    DrupProofStream(LNGVector<LNGIntVector> proof) {
        this.proof = proof;
    }

    @Override
    public int read() {
        if (position == length && !fill()) return -1;
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (position == length && !fill()) return -1;
        int n = Math.min(len, length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Encodes the next step into the buffer; false at the end of the proof. */
    private boolean fill() {
        if (next == proof.size()) return false;
        LNGIntVector s = proof.get(next++);
        int need = BinaryDratSteps.maxBytes(s.size() - 1);
        buffer = need <= step.length ? step : new byte[need];
        int n = BinaryDratSteps.write(buffer, 0, s.get(0) == -1, s.size() - 1, k -> s.get(k + 1));
        length = n;
        position = 0;
        return true;
    }
}
