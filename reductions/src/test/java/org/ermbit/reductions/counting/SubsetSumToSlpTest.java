package org.ermbit.reductions.counting;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.slp.Evaluation;
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
}
