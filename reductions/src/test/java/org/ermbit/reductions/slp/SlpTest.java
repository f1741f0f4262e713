package org.ermbit.reductions.slp;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SlpTest {

    /** v1 = 2, then {@code squarings} squarings: the value 2^(2^squarings). */
    static Slp towerOfTwo(int squarings) {
        Slp.Builder b = new Slp.Builder();
        int x = b.add(0, 0);
        for (int i = 0; i < squarings; i++) x = b.mul(x, x);
        return b.build();
    }

    @Test
    void evaluatesHandExample() {
        // v1 = 1+1 = 2, v2 = 2*2 = 4, v3 = 4-1 = 3, v4 = 3*4 = 12, v5 = 1 - 12 = -11
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int four = b.mul(two, two);
        int three = b.sub(four, 0);
        int twelve = b.mul(three, four);
        b.sub(0, twelve);
        Evaluation e = b.build().evaluate(64);
        assertEquals(BigInteger.valueOf(-11), ((Evaluation.Value) e).value());
    }

    @Test
    void emptyProgramIsOne() {
        Slp s = new Slp.Builder().build();
        assertEquals(BigInteger.ONE, ((Evaluation.Value) s.evaluate(1)).value());
        assertEquals(1, s.bitLengthBound());
    }

    @Test
    void towerValueMatchesPow() {
        Evaluation e = towerOfTwo(5).evaluate(100);
        assertEquals(BigInteger.TWO.pow(32), ((Evaluation.Value) e).value());
    }

    @Test
    void overBudgetStopsBeforeMultiplying() {
        // 2^(2^k) has 2^k + 1 bits; with budget 1000 the squaring to 2^1024 (1025 bits) is refused.
        Slp s = towerOfTwo(40); // 2^(2^40): evaluating it would need 2^40 bits
        Evaluation e = s.evaluate(1000);
        Evaluation.OverBudget ob = assertInstanceOf(Evaluation.OverBudget.class, e);
        assertEquals(1 + 10, ob.instruction()); // instruction 1 is 1+1, instruction 1+k gives 2^(2^k)
        assertEquals(1025, ob.neededBits()); // lower bound 513 + 513 − 1
    }

    @Test
    void moduloPowerOfTwoOfAstronomicalValue() {
        Slp s = towerOfTwo(40);
        assertEquals(BigInteger.ZERO, s.evaluateModPow2(4096));
        // 3^(2^40) mod 2^64 against BigInteger.modPow
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int x = b.add(two, 0);
        for (int i = 0; i < 40; i++) x = b.mul(x, x);
        BigInteger mod = BigInteger.ONE.shiftLeft(64);
        assertEquals(BigInteger.valueOf(3).modPow(BigInteger.TWO.pow(40), mod), b.build().evaluateModPow2(64));
    }

    @Test
    void bitsOfNegativeValuesAreTwosComplement() {
        // v = 1 - 4 = -3 = ...11101 in two's complement
        Slp.Builder b = new Slp.Builder();
        int two = b.add(0, 0);
        int four = b.mul(two, two);
        b.sub(0, four);
        Slp s = b.build();
        BigInteger minus3 = BigInteger.valueOf(-3);
        for (int t = 0; t < 10; t++) assertEquals(minus3.testBit(t), s.bit(t), "bit " + t);
        assertEquals(BigInteger.valueOf(0b1110), s.bits(1, 4));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomProgramsAgreeAcrossMethods(long seed) {
        Random rnd = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            Slp s = RandomSlps.random(rnd, 1 + rnd.nextInt(14), 40);
            Evaluation e = s.evaluate(4000);
            BigInteger v = ((Evaluation.Value) e).value(); // length ≤ 14 → at most 2^14 bits
            // independent check: a direct recursive evaluation
            assertEquals(direct(s, s.outputIndex()), v);
            int bits = v.abs().bitLength();
            assertTrue(s.bitLengthBound() >= bits, "simple bound");
            assertTrue(s.tightBitLengthBound() >= bits, "tight bound");
            assertTrue(s.tightBitLengthBound() <= s.bitLengthBound(), "tight bound is tighter");
            int k = 1 + rnd.nextInt(80);
            assertEquals(v.mod(BigInteger.ONE.shiftLeft(k)), s.evaluateModPow2(k));
            int t = rnd.nextInt(80);
            assertEquals(v.testBit(t), s.bit(t));
            int peak = ((Evaluation.Value) e).maxBitLength(); // largest intermediate
            assertTrue(peak >= bits);
            assertInstanceOf(Evaluation.Value.class, s.evaluate(peak));
            if (peak > 1) assertInstanceOf(Evaluation.OverBudget.class, s.evaluate(peak - 1));
        }
    }

    private static BigInteger direct(Slp s, int k) {
        if (k == 0) return BigInteger.ONE;
        Instruction ins = s.instruction(k);
        BigInteger a = direct(s, ins.left());
        BigInteger b = direct(s, ins.right());
        return switch (ins.op()) {
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
        };
    }

    @Test
    void tightBoundIsExactOnPowersOfTwo() {
        for (int k = 0; k < 200; k += 17) {
            // 2^(2^k) has exactly 2^k + 1 bits
            assertEquals((1L << Math.min(k, 62)) + 1, k <= 62 ? towerOfTwo(k).tightBitLengthBound() : (1L << 62) + 1);
        }
        assertEquals(2L * 1024, towerOfTwo(10).bitLengthBound()); // the simple recurrence doubles
    }
}
