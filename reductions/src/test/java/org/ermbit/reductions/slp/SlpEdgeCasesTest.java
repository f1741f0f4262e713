package org.ermbit.reductions.slp;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boundaries of {@link Slp}'s contracts, with expected values worked out by hand. */
class SlpEdgeCasesTest {

    /** v1 = 2, v2 = 4, v3 = 8, v4 = 12, v5 = 13 (binary 1101). */
    private static Slp thirteen() {
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int four = b.mul(two, two);
        int eight = b.mul(four, two);
        int twelve = b.add(eight, four);
        b.add(twelve, 0);
        return b.build();
    }

    @Test
    void multiplicationIsRefusedByItsLowerBoundBeforeItIsComputed() {
        // v1 = 2, v2 = 4, v3 = 8, v4 = 7 (3 bits), v5 = 7·7 = 49 (6 bits). With a budget of 4 bits the
        // check before multiplying sees bitLength(7) + bitLength(7) − 1 = 5 > 4 and stops there.
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int four = b.mul(two, two);
        int eight = b.add(four, four);
        int seven = b.sub(eight, 0);
        b.mul(seven, seven);
        Evaluation e = b.build().evaluate(4);
        assertEquals(new Evaluation.OverBudget(5, 5, 4), e);
        assertEquals("over budget at instruction 5 (needs ≥ 5 bits, budget 4)", e.toString());
        assertEquals(new Evaluation.Value(BigInteger.valueOf(49), 6), b.build().evaluate(6));
    }

    @Test
    void emptyBitRangesAndTheRingModOne() {
        Slp s = thirteen();
        assertEquals(BigInteger.ZERO, s.evaluateModPow2(0)); // ℤ/1ℤ has one element
        assertEquals(BigInteger.valueOf(13), s.bits(0, 4));
        assertEquals(BigInteger.valueOf(5), s.bits(0, 3)); // 101
        assertEquals(BigInteger.valueOf(3), s.bits(2, 2)); // bits 2, 3 of 1101
        assertEquals(BigInteger.ZERO, s.bits(1, 0));
        assertThrows(IllegalArgumentException.class, () -> s.bits(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> s.bits(0, -1));
        assertThrows(IllegalArgumentException.class, () -> s.evaluateModPow2(-1));
    }

    @Test
    void simpleBitLengthBoundFollowsItsRecurrence() {
        // bound(v0) = 1; v1 = v0 + v0: 2; v2 = v1·v1: 4; v3 = v2 + v1: 5; v4 = v3 − v3: 6
        Slp.Builder b = new Slp.Builder();
        int v1 = b.add(0, 0);
        int v2 = b.mul(v1, v1);
        int v3 = b.add(v2, v1);
        b.sub(v3, v3);
        assertEquals(6, b.build().bitLengthBound());
        assertEquals(1, new Slp(List.of()).bitLengthBound());
    }

    @Test
    void simpleBitLengthBoundSaturatesInsteadOfOverflowing() {
        // v1 = 2 has bound 2; each squaring doubles the bound: after j squarings 2^(j+1)
        Slp.Builder b = new Slp.Builder();
        int x = b.add(0, 0);
        for (int j = 1; j <= 61; j++) x = b.mul(x, x);
        assertEquals(1L << 62, b.build().bitLengthBound());
        x = b.mul(x, x); // 2^63 does not fit a long
        assertEquals(Long.MAX_VALUE, b.build().bitLengthBound());
        for (int j = 0; j < 5; j++) x = b.mul(x, x);
        b.add(x, x);
        assertEquals(Long.MAX_VALUE, b.build().bitLengthBound());
    }

    @Test
    void everyInstructionMayOnlyUseEarlierVariables() {
        Instruction selfReference = new Instruction(SlpOp.ADD, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> new Slp(List.of(selfReference)));
        Instruction lastUsesLaterVariable = new Instruction(SlpOp.MUL, 0, 3);
        assertThrows(IllegalArgumentException.class,
                () -> new Slp(List.of(new Instruction(SlpOp.ADD, 0, 0), lastUsesLaterVariable)));
        assertEquals(2, new Slp(List.of(new Instruction(SlpOp.ADD, 0, 0), new Instruction(SlpOp.MUL, 1, 1))).length());
    }

    @Test
    void builderRefusesAnOperandThatIsNotYetDefined() {
        assertThrows(IllegalArgumentException.class, () -> new Slp.Builder().add(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Slp.Builder().mul(0, 1));
        Slp.Builder b = new Slp.Builder();
        assertEquals(0, b.last());
        b.add(0, 0);
        assertEquals(2, b.sub(1, 1)); // v1 may be used by v2
        assertEquals(2, b.last());
        assertThrows(IllegalArgumentException.class, () -> b.add(3, 0));
    }

    @Test
    void equalityIsByInstructions() {
        Slp a = thirteen();
        Slp same = thirteen();
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        Slp.Builder other = new Slp.Builder();
        other.add(0, 0);
        assertNotEquals(a, other.build());
        assertNotEquals(a, "not a program");
        assertEquals("Slp(5 instructions)", a.toString());
        assertEquals("3 + 2", a.instruction(4).toString());
        assertEquals("1 * 1", new Instruction(SlpOp.MUL, 1, 1).toString());
    }

    /** v1 = 2, then {@code squarings} squarings: 2^(2^squarings), which has 2^squarings + 1 bits. */
    static Slp tower(int squarings) {
        Slp.Builder b = new Slp.Builder();
        int x = b.add(0, 0);
        for (int j = 0; j < squarings; j++) x = b.mul(x, x);
        return b.build();
    }

    @Test
    void tightBoundIsExactForTowersUpToWhereItFitsALongAndSaturatesBeyond() {
        assertEquals((1L << 61) + 1, tower(61).tightBitLengthBound());
        assertEquals((1L << 62) + 1, tower(62).tightBitLengthBound());
        assertEquals((1L << 62) + 1, tower(62).maxTightBitLengthBound());
        // 2^63 + 1 bits: the bound's exponent still fits a long, its bit length does not
        assertEquals(Long.MAX_VALUE, tower(63).tightBitLengthBound());
        assertEquals(Long.MAX_VALUE, tower(63).maxTightBitLengthBound());
        // past 2^64 bits the exponent itself does not fit
        assertEquals(Long.MAX_VALUE, tower(70).tightBitLengthBound());
        assertEquals(Long.MAX_VALUE, tower(70).maxTightBitLengthBound());
        // the largest value need not be the last: v1 = 2, ten squarings up to 2^1024, then v12 = v1 − v1
        Slp.Builder b = new Slp.Builder();
        int x = b.add(0, 0);
        for (int j = 0; j < 10; j++) x = b.mul(x, x);
        b.sub(1, 1);
        assertEquals(1025, b.build().maxTightBitLengthBound()); // 2^1024 has 1025 bits
        assertEquals(3, b.build().tightBitLengthBound()); // |2 − 2| ≤ 2 + 2 = 4: 3 bits
    }
}
