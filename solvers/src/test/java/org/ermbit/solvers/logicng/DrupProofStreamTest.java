package org.ermbit.solvers.logicng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import org.logicng.collections.LNGIntVector;
import org.logicng.collections.LNGVector;
import org.junit.jupiter.api.Test;

/** LogicNG's recorded proof steps as binary DRAT bytes, worked out by hand from the format description. */
class DrupProofStreamTest {

    private static LNGIntVector step(int... values) {
        LNGIntVector v = new LNGIntVector(values.length);
        for (int x : values) v.push(x);
        return v;
    }

    @Test
    void additionsDeletionsAndTheEmptyClause() throws IOException {
        LNGVector<LNGIntVector> proof = new LNGVector<>();
        proof.push(step(1, 1));          // add (1): 'a', 2·1 = 2, 0
        proof.push(step(-1, 1, -2));     // delete (1 -2): 'd', 2, 2·2+1 = 5, 0
        proof.push(step(1, -100, 64));   // add (-100 64): 201 = 0xC9 0x01 (low 7 bits first), 128 = 0x80 0x01
        proof.push(step(0));             // the empty clause
        byte[] expected = {'a', 2, 0, 'd', 2, 5, 0, 'a', (byte) 0xC9, 0x01, (byte) 0x80, 0x01, 0, 'a', 0};
        assertArrayEquals(expected, new DrupProofStream(proof).readAllBytes());
        // byte by byte gives the same
        DrupProofStream one = new DrupProofStream(proof);
        byte[] got = new byte[expected.length];
        for (int i = 0; i < got.length; i++) got[i] = (byte) one.read();
        assertArrayEquals(expected, got);
        assertArrayEquals(new byte[0], one.readAllBytes());
    }

    @Test
    void aLongClauseGetsItsOwnBuffer() throws IOException {
        int[] values = new int[101];
        values[0] = 1;
        for (int i = 1; i <= 100; i++) values[i] = i;
        LNGVector<LNGIntVector> proof = new LNGVector<>();
        proof.push(step(values));
        byte[] bytes = new DrupProofStream(proof).readAllBytes();
        // 'a', literals 1..63 in one byte (2..126), 64..100 in two bytes, then 0
        assertArrayEquals(new byte[] {'a', 2, 4}, java.util.Arrays.copyOf(bytes, 3));
        assertArrayEquals(new byte[] {(byte) 0xC8, 0x01, 0}, java.util.Arrays.copyOfRange(bytes, bytes.length - 3, bytes.length));
        org.junit.jupiter.api.Assertions.assertEquals(1 + 63 + 2 * 37 + 1, bytes.length);
    }
}
