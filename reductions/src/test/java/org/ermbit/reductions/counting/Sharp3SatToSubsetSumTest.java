package org.ermbit.reductions.counting;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sharp3SatToSubsetSumTest {

    private static void assertParsimonious(Cnf cnf) {
        Sharp3SatToSubsetSum.Output out = Sharp3SatToSubsetSum.reduce(cnf);
        assertEquals(Oracles.bruteForceModels(cnf), Oracles.bruteForceSubsets(out.instance()),
                () -> "formula " + cnf.clauses().stream().map(java.util.Arrays::toString).toList());
        // every digit's radix is one more than its largest digit sum: Σ items = Π radices − 1
        assertEquals(out.radixProduct().subtract(BigInteger.ONE), out.instance().total());
    }

    @Test
    void countsAgreeOnEveryFormulaOfTheExhaustiveTwoVariableFamily() {
        List<Cnf> family = Oracles.exhaustiveTwoVariableFamily();
        assertEquals(211, family.size());
        for (Cnf cnf : family) assertParsimonious(cnf);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void countsAgreeOnRandomThreeVariableFormulas(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 25; i++) assertParsimonious(Oracles.random(rnd, 3, rnd.nextInt(4)));
    }

    @Test
    void handWorkedSingleClause() {
        // (x1 ∨ x2 ∨ x3): digits x1, x2, x3 (radix 3) and the clause (radix 7)
        Cnf cnf = new Cnf(3, List.of(new int[] {1, 2, 3}));
        Sharp3SatToSubsetSum.Output out = Sharp3SatToSubsetSum.reduce(cnf);
        assertEquals(List.of(3, 3, 3, 7), out.radices());
        // places 1, 3, 9, 27: T1 = 1 + 27, F1 = 1, T2 = 3 + 27, F2 = 3, T3 = 9 + 27, F3 = 9, slack 27, 54
        assertEquals(List.of(28, 1, 30, 3, 36, 9, 27, 54).stream().map(BigInteger::valueOf).toList(), out.instance().items());
        assertEquals(BigInteger.valueOf(1 + 3 + 9 + 4 * 27), out.instance().target());
        assertEquals(BigInteger.valueOf(7), Oracles.bruteForceSubsets(out.instance()));
    }

    @Test
    void zeroModelsAndAllModels() {
        Cnf none = new Cnf(1, List.of(new int[] {1}, new int[] {-1}));
        assertEquals(BigInteger.ZERO, Oracles.bruteForceSubsets(Sharp3SatToSubsetSum.reduce(none).instance()));
        Cnf all = new Cnf(3, List.of(new int[] {1, -1}));
        assertEquals(BigInteger.valueOf(8), Oracles.bruteForceSubsets(Sharp3SatToSubsetSum.reduce(all).instance()));
        Cnf empty = new Cnf(2, List.of(new int[] {}));
        assertEquals(BigInteger.ZERO, Oracles.bruteForceSubsets(Sharp3SatToSubsetSum.reduce(empty).instance()));
    }

    @Test
    void longClausesUseBinarySlack() {
        // k = 5 literals: slack {1, 2, 4}, target 8 (the uniform {1, 2}/4 gadget would fail here)
        Cnf cnf = new Cnf(5, List.of(new int[] {1, 2, 3, 4, 5}, new int[] {-1, -2}));
        assertParsimonious(cnf);
        // hand: 31 of 32 assignments satisfy clause 1; the 8 with x1 = x2 = 1 violate clause 2
        assertEquals(BigInteger.valueOf(31 - 8), Oracles.bruteForceModels(cnf));
    }

    @Test
    void normalisationDropsTautologiesAndRepeatsAndIsReported() {
        // (x1 ∨ ¬x1) is always true: no clause digit, only the variable digit (radix 3), items T1 = F1 = 1
        Sharp3SatToSubsetSum.Output taut = Sharp3SatToSubsetSum.reduce(new Cnf(1, List.of(new int[] {1, -1})));
        assertEquals(List.of(3), taut.radices());
        assertEquals(List.of(BigInteger.ONE, BigInteger.ONE), taut.instance().items());
        assertEquals(BigInteger.ONE, taut.instance().target());
        assertTrue(taut.clauses().isEmpty());
        // {2, 1, 2} is the set {1, 2}; (¬x3 ∨ x1 ∨ x3) is a tautology; {2, 1} repeats {1, 2}
        Cnf cnf = new Cnf(3, List.of(new int[] {2, 1, 2}, new int[] {-3, 1, 3}, new int[] {1, -3}, new int[] {2, 1}));
        Sharp3SatToSubsetSum.Output out = Sharp3SatToSubsetSum.reduce(cnf);
        assertEquals(3, out.variableDigits());
        assertEquals(2, out.clauses().size());
        assertArrayEquals(new int[] {1, 2}, out.clauses().get(0));
        assertArrayEquals(new int[] {-3, 1}, out.clauses().get(1));
        assertEquals(List.of(3, 3, 3, 4, 4), out.radices()); // two 2-clauses: radix 2 + 2^1
        assertParsimonious(cnf);
    }
}
