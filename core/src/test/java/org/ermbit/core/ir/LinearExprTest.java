package org.ermbit.core.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Linear expressions of the constraint IR: the interval bounds every big-M and bit width is built
 * from, checked against enumeration of every assignment of small boxes, and the builder's merging.
 */
class LinearExprTest {

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    private static Var var(int index, long lo, long hi) {
        return new Var(index, "x" + index, big(lo), big(hi), false);
    }

    /** min and max of e over every assignment of its variables' boxes, by enumeration. */
    private static BigInteger[] enumerate(LinearExpr e, List<Var> vars) {
        BigInteger[] minMax = {null, null};
        Map<Var, BigInteger> value = new HashMap<>();
        enumerate(e, vars, 0, value, minMax);
        return minMax;
    }

    private static void enumerate(LinearExpr e, List<Var> vars, int k, Map<Var, BigInteger> value, BigInteger[] minMax) {
        if (k == vars.size()) {
            BigInteger v = e.evaluate(value::get);
            if (minMax[0] == null || v.compareTo(minMax[0]) < 0) minMax[0] = v;
            if (minMax[1] == null || v.compareTo(minMax[1]) > 0) minMax[1] = v;
            return;
        }
        Var x = vars.get(k);
        for (BigInteger t = x.lower(); t.compareTo(x.upper()) <= 0; t = t.add(BigInteger.ONE)) {
            value.put(x, t);
            enumerate(e, vars, k + 1, value, minMax);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void boundsAreTheExactMinimumAndMaximumOverTheBox(long seed) {
        Random rnd = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Var> vars = new ArrayList<>();
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                long lo = rnd.nextInt(9) - 4;
                vars.add(var(i, lo, lo + rnd.nextInt(4)));
            }
            LinearExpr.Builder b = LinearExpr.builder().addConstant(big(rnd.nextInt(21) - 10));
            for (int t = 0; t < 1 + rnd.nextInt(6); t++) b.add(rnd.nextInt(13) - 6, vars.get(rnd.nextInt(n)));
            LinearExpr e = b.build();
            BigInteger[] exact = enumerate(e, vars);
            assertEquals(exact[0], e.lowerBound(), e + " over " + vars);
            assertEquals(exact[1], e.upperBound(), e + " over " + vars);
        }
    }

    /** 3x − 3x cancels (the term disappears), 2y + 5y merges; c·e scales coefficients and constant. */
    @Test
    void builderMergesRepeatedVariablesAndDropsZeroCoefficients() {
        Var x = var(0, -2, 3);
        Var y = var(1, 0, 1);
        LinearExpr e = LinearExpr.builder().add(3, x).add(2, y).add(-3, x).add(5, y).addConstant(big(4)).build();
        assertEquals(Map.of(y, big(7)), e.terms());
        assertFalse(e.terms().containsKey(x));
        assertEquals(big(4), e.constant());
        assertEquals("7*x1 + 4", e.toString());
        LinearExpr scaled = LinearExpr.builder().add(big(-2), e).add(1, x).build();
        assertEquals(big(-14), scaled.terms().get(y));
        assertEquals(BigInteger.ONE, scaled.terms().get(x));
        assertEquals(big(-8), scaled.constant());
        assertEquals(e, e.toBuilder().build());
        assertEquals(e.hashCode(), e.toBuilder().build().hashCode());
        assertEquals("0", LinearExpr.constant(BigInteger.ZERO).toString());
        assertEquals("1*x0", LinearExpr.of(x).toString());
        assertEquals(big(-2), LinearExpr.of(x).lowerBound());
        assertEquals(big(3), LinearExpr.of(x).upperBound());
        assertThrows(UnsupportedOperationException.class, () -> e.terms().put(x, BigInteger.ONE));
    }

    @Test
    void variableBoundsAndBooleansAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> var(0, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Var(0, "b", BigInteger.ZERO, BigInteger.TWO, true));
        assertThrows(IllegalArgumentException.class, () -> new Var(0, "b", BigInteger.ONE.negate(), BigInteger.ONE, true));
        Var fixedTrue = new Var(0, "b", BigInteger.ONE, BigInteger.ONE, true);
        assertTrue(fixedTrue.lit().positive());
        assertFalse(fixedTrue.not().positive());
        assertTrue(new Var(1, Var.AUX_PREFIX + "t", BigInteger.ZERO, BigInteger.ONE, true).isAuxiliary());
        assertFalse(fixedTrue.isAuxiliary());
    }
}
