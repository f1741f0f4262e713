package org.ermbit.reductions.counting;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.slp.Evaluation;
import org.ermbit.reductions.slp.Instruction;
import org.ermbit.reductions.slp.SlpOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubsetSumToSlpTest {

    /** N evaluated exactly; independent: Π(1 + X^a) expanded by BigInteger arithmetic directly. */
    private static BigInteger directProduct(SubsetSum s, int m) {
        BigInteger x = BigInteger.ONE.shiftLeft(m);
        BigInteger n = BigInteger.ONE;
        for (BigInteger a : s.items()) n = n.multiply(BigInteger.ONE.add(x.pow(a.intValueExact())));
        return n;
    }

    private static void assertEncodesCount(SubsetSum s) {
        SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(s);
        BigInteger expected = Oracles.bruteForceSubsets(s);
        assertTrue(Oracles.maxSubsetsPerSum(s) < 1L << enc.m(), "digit width M too small");
        Evaluation e = enc.slp().evaluate(1 << 22);
        BigInteger n = ((Evaluation.Value) e).value();
        assertEquals(directProduct(s, enc.m()), n);
        assertEquals(expected, enc.extractCount(n), () -> "items " + s.items() + " target " + s.target());
        assertEquals(expected, enc.countViaModularEvaluation());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void coefficientEqualsCountOnRandomInstances(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 20; i++) {
            int m = rnd.nextInt(9);
            List<BigInteger> items = new ArrayList<>();
            for (int j = 0; j < m; j++) items.add(BigInteger.valueOf(rnd.nextInt(7))); // zeros and repeats included
            BigInteger total = items.stream().reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger target = BigInteger.valueOf(rnd.nextInt(total.intValueExact() + 2));
            assertEncodesCount(new SubsetSum(items, target));
        }
    }

    @Test
    void handWorkedExample() {
        // items {1, 1, 2}, target 2: subsets {1,1} and {2} → 2; M = bitLength(C(3,1)) = 2
        SubsetSum s = new SubsetSum(List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.TWO), BigInteger.TWO);
        SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(s);
        assertEquals(2, enc.m());
        // N = (1 + X)^2 (1 + X^2) with X = 4 = (1 + 2X + X²)(1 + X²) = 1 + 2X + 2X² + 2X³ + X⁴ = 1 + 8 + 32 + 128 + 256
        assertEquals(BigInteger.valueOf(425), ((Evaluation.Value) enc.slp().evaluate(64)).value());
        assertEquals(BigInteger.TWO, enc.countViaModularEvaluation());
    }

    @Test
    void emptyInstance() {
        SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(new SubsetSum(List.of(), BigInteger.ZERO));
        assertEquals(BigInteger.ONE, enc.countViaModularEvaluation());
    }

    @Test
    void composedWithTheCnfReductionTheCountIsTheModelCount() {
        for (Cnf cnf : Oracles.exhaustiveTwoVariableFamily()) {
            SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(Sharp3SatToSubsetSum.reduce(cnf).instance());
            assertEquals(Oracles.bruteForceModels(cnf), enc.countViaModularEvaluation());
        }
    }

    private static SubsetSum items(long target, long... a) {
        List<BigInteger> list = new ArrayList<>();
        for (long v : a) list.add(BigInteger.valueOf(v));
        return new SubsetSum(list, BigInteger.valueOf(target));
    }

    @Test
    void digitWidthIsTheSpernerBoundWhichIsTightForEqualItems() {
        // M = bitLength(2^z · C(m', ⌊m'/2⌋)): {1,1,1,1}: C(4,2) = 6 → 3; {0,1,1,1,1}: 2·6 = 12 → 4;
        // {0,0}: 4 → 3; {1,1,1}: C(3,1) = 3 → 2
        assertEquals(3, SubsetSumToSlp.reduce(items(2, 1, 1, 1, 1)).m());
        assertEquals(4, SubsetSumToSlp.reduce(items(2, 0, 1, 1, 1, 1)).m());
        assertEquals(3, SubsetSumToSlp.reduce(items(0, 0, 0)).m());
        assertEquals(2, SubsetSumToSlp.reduce(items(1, 1, 1, 1)).m());
        // with equal items the bound is attained, so M is the least width that holds every count (brute force)
        for (SubsetSum s : List.of(items(2, 1, 1, 1, 1), items(2, 0, 1, 1, 1, 1), items(0, 0, 0), items(1, 0, 1, 1, 0, 1, 1, 1))) {
            assertEquals(64 - Long.numberOfLeadingZeros(Oracles.maxSubsetsPerSum(s)), SubsetSumToSlp.reduce(s).m(), s.items().toString());
        }
    }

    @Test
    void programIsTheDocumentedConstruction() {
        // items {2, 1}: M = bitLength(C(2,1)) = 2. v1 = 1 + 1; X = 2^2 = v1·v1 (v2); P1 = X² (v3);
        // terms 1 + X^2 (v4) and 1 + X (v5); shallow term first: N = v5·v4 = 5·17 = 85
        SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(items(1, 2, 1));
        assertEquals(List.of(
                new Instruction(SlpOp.ADD, 0, 0), new Instruction(SlpOp.MUL, 1, 1), new Instruction(SlpOp.MUL, 2, 2),
                new Instruction(SlpOp.ADD, 3, 0), new Instruction(SlpOp.ADD, 2, 0), new Instruction(SlpOp.MUL, 5, 4)),
                enc.slp().instructions());
        assertEquals(BigInteger.valueOf(85), ((Evaluation.Value) enc.slp().evaluate(64)).value());
    }

    @Test
    void valueBitsBoundIsAttainedWhenEveryItemIsZero() {
        // N = 2^3 = 8 (4 bits) and the bound M·0 + 3 + 1 = 4
        SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(items(0, 0, 0, 0));
        BigInteger n = ((Evaluation.Value) enc.slp().evaluate(64)).value();
        assertEquals(BigInteger.valueOf(8), n);
        assertEquals(BigInteger.valueOf(n.bitLength()), enc.valueBitsBound());
    }
}
