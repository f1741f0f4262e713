package org.ermbit.reductions.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PseudoBooleanToCnfTest {

    /**
     * Faithfulness against brute force: for every assignment of the original variables, the
     * written DIMACS (parsed back independently) has exactly one extension iff the IR model holds,
     * else none.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void everyOriginalModelExtendsUniquely(long seed) {
        Model m = RandomModels.booleanModel(seed, true, true, false);
        assertFaithful(m);
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112})
    void pureRowsWithoutEnforcement(long seed) {
        assertFaithful(RandomModels.booleanModel(seed, false, false, false));
    }

    /**
     * Translating and writing look at their limits every few hundred constraints and few thousand
     * clauses: expired limits stop both, which otherwise give the same CNF and text as without limits.
     */
    @Test
    void translationAndWritingStopAtExpiredLimits() throws IOException {
        ModelBuilder b = new ModelBuilder();
        List<Var> xs = new ArrayList<>();
        for (int i = 0; i < 300; i++) xs.add(b.newBool("x" + i));
        // 299 rows x_i + 2 x_{i+1} + 3 x_0 <= 4, ~4,000 clauses after translation
        for (int i = 1; i < 300; i++) {
            b.addLinear(LinearExpr.builder().add(1, xs.get(i - 1)).add(2, xs.get(i)).add(3, xs.get(0)).build(), Relation.LE,
                    BigInteger.valueOf(4));
        }
        Model m = b.build();
        Limits past = new Limits(Optional.of(Instant.EPOCH),
                new CancelToken());
        assertTrue(PseudoBooleanToCnf.encode(m, past).isEmpty());
        // one row (a model of fewer constraints than between two looks) is stopped too
        ModelBuilder one = new ModelBuilder();
        LinearExpr.Builder sum = LinearExpr.builder();
        for (int i = 0; i < 50; i++) sum.add(i + 1, one.newBool("y" + i));
        one.addLinear(sum.build(), Relation.LE, BigInteger.valueOf(600));
        assertTrue(PseudoBooleanToCnf.encode(one.build(), past).isEmpty());
        assertTrue(PseudoBooleanToCnf.encode(one.build(), Limits.none()).isPresent());
        CnfEncoding e = PseudoBooleanToCnf.encode(m, Limits.none()).orElseThrow();
        assertEquals(PseudoBooleanToCnf.encode(m).cnf().clauses().size(), e.cnf().clauses().size());
        assertTrue(e.cnf().clauses().size() > 4096, "enough clauses for one look: " + e.cnf().clauses().size());
        StringWriter partial = new StringWriter();
        assertFalse(new CnfWriter().dimacs(e, partial, past));
        StringWriter whole = new StringWriter();
        assertTrue(new CnfWriter().dimacs(e, whole, Limits.none()));
        assertEquals(new CnfWriter().dimacs(e), whole.toString());
        assertTrue(partial.toString().length() < whole.toString().length());
        assertTrue(whole.toString().startsWith(partial.toString()));
    }

    @Test
    void hugeCoefficientsEquality() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x"), y = b.newBool("y"), z = b.newBool("z");
        BigInteger big = BigInteger.ONE.shiftLeft(100);
        // 2^100 x + 2^100 y - z = 2^101 - 1  ⇔  x = y = z = 1 (hand calculation)
        b.addLinear(LinearExpr.builder().add(big, x).add(big, y).add(-1, z).build(), Relation.EQ,
                big.shiftLeft(1).subtract(BigInteger.ONE));
        Model m = b.build();
        CnfEncoding e = PseudoBooleanToCnf.encode(m);
        DimacsTestParser.Parsed p = DimacsTestParser.cnf(new CnfWriter().dimacs(e));
        int sat = 0;
        for (int mask = 0; mask < 8; mask++) {
            boolean[] bits = bits(mask, 3);
            long ext = DimacsTestParser.countExtensions(p.variables(), p.hard(), bits, 3);
            if (ext > 0) {
                assertEquals(7, mask);
                sat++;
            }
        }
        assertEquals(1, sat);
        // adder network stays small: about one adder per coefficient bit, not per unit of weight
        assertTrue(e.cnf().variables() < 3 + 2 * 3 * 102, "aux count " + e.cnf().variables());
    }

    @Test
    void enforcedRowIsVoidWhenGuardFalse() {
        ModelBuilder b = new ModelBuilder();
        Var g = b.newBool("g"), x = b.newBool("x");
        // g -> x >= 2 (impossible), so g must be false; x free: models (g,x) = (0,0), (0,1)
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.TWO, List.of(g.lit()));
        Model m = b.build();
        DimacsTestParser.Parsed p = DimacsTestParser.cnf(new CnfWriter().dimacs(PseudoBooleanToCnf.encode(m)));
        assertEquals(1, DimacsTestParser.countExtensions(p.variables(), p.hard(), new boolean[] {false, false, false}, 2));
        assertEquals(1, DimacsTestParser.countExtensions(p.variables(), p.hard(), new boolean[] {false, false, true}, 2));
        assertEquals(0, DimacsTestParser.countExtensions(p.variables(), p.hard(), new boolean[] {false, true, false}, 2));
        assertEquals(0, DimacsTestParser.countExtensions(p.variables(), p.hard(), new boolean[] {false, true, true}, 2));
    }

    @Test
    void refusesIntegers() {
        ModelBuilder b = new ModelBuilder();
        b.newInt("k", BigInteger.ZERO, BigInteger.TEN);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> PseudoBooleanToCnf.encode(b.build()));
        assertTrue(ex.getMessage().startsWith("not supported: integer variable k"), ex.getMessage());
    }

    @Test
    void dimacsNamesOriginalVariables() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("w[1][2]:bit0");
        b.addClause(x.lit());
        String text = new CnfWriter().dimacs(PseudoBooleanToCnf.encode(b.build()));
        assertTrue(text.contains("c var 1 = w[1][2]:bit0\n"), text);
        assertTrue(text.contains("p cnf 1 1\n1 0\n"), text);
    }

    /**
     * WCNF weights must each be below 2^63 and so must their sum: MaxSAT solvers add costs in 64 bits
     * (two weights of 2^62 were written, summing to 2^63).
     */
    @Test
    void wcnfWeightsAndTheirSumStayBelow2to63() {
        BigInteger half = BigInteger.ONE.shiftLeft(62);
        ModelBuilder fits = new ModelBuilder();
        Var a = fits.newBool("a"), c = fits.newBool("c");
        fits.minimize(LinearExpr.builder().add(half, a).add(half.subtract(BigInteger.ONE), c).build());
        assertTrue(new CnfWriter().wcnf(PseudoBooleanToCnf.encode(fits.build())).contains(half + " -1 0\n"));
        ModelBuilder over = new ModelBuilder();
        Var x = over.newBool("x"), y = over.newBool("y");
        over.minimize(LinearExpr.builder().add(half, x).add(half.negate(), y).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CnfWriter().wcnf(PseudoBooleanToCnf.encode(over.build())));
        assertTrue(e.getMessage().startsWith("not supported: the soft clause weights sum to more than 2^63-1"), e.getMessage());
    }

    /** WCNF: for every model of the IR, soft cost + offset equals the objective (brute force). */
    @ParameterizedTest
    @ValueSource(longs = {201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215})
    void wcnfCostMatchesObjective(long seed) {
        Model m = RandomModels.booleanModel(seed, true, false, true);
        CnfEncoding e = PseudoBooleanToCnf.encode(m);
        DimacsTestParser.Parsed w = DimacsTestParser.wcnf(new CnfWriter().wcnf(e));
        int n = m.vars().size();
        BigInteger offset = CnfWriter.objectiveOffset(e);
        for (int mask = 0; mask < 1 << n; mask++) {
            boolean[] bits = bits(mask, n);
            Assignment a = assignment(bits, n);
            long ext = DimacsTestParser.countExtensions(e.cnf().variables(), w.hard(), bits, n);
            assertEquals(m.isSatisfiedBy(a) ? 1 : 0, ext, "seed " + seed + " mask " + mask);
            long cost = 0;
            for (long[] s : w.soft()) {
                int lit = (int) s[1];
                if (bits[Math.abs(lit)] != (lit > 0)) cost += s[0];
            }
            assertEquals(m.objective().orElseThrow().expr().evaluate(a::value), offset.add(BigInteger.valueOf(cost)));
        }
    }

    static void assertFaithful(Model m) {
        CnfEncoding e = PseudoBooleanToCnf.encode(m);
        DimacsTestParser.Parsed p = DimacsTestParser.cnf(new CnfWriter().dimacs(e));
        assertEquals(e.cnf().variables(), p.variables());
        int n = m.vars().size();
        for (int mask = 0; mask < 1 << n; mask++) {
            boolean[] bits = bits(mask, n);
            Assignment a = assignment(bits, n);
            long ext = DimacsTestParser.countExtensions(p.variables(), p.hard(), bits, n);
            assertEquals(m.isSatisfiedBy(a) ? 1 : 0, ext, m.constraints() + " at mask " + mask);
            if (ext == 1) assertTrue(BruteForce.isBooleanAssignmentOf(m, java.util.Arrays.copyOfRange(bits, 1, n + 1), e.decode(bits(mask, p.variables()))));
        }
    }

    /** bits[1..n] from mask (bit i-1 of mask is variable i); bits[0] unused. */
    static boolean[] bits(int mask, int n) {
        boolean[] b = new boolean[n + 1];
        for (int i = 1; i <= n && i <= 31; i++) b[i] = (mask >> (i - 1) & 1) == 1;
        return b;
    }

    static Assignment assignment(boolean[] bits, int n) {
        BigInteger[] v = new BigInteger[n];
        for (int i = 0; i < n; i++) v[i] = bits[i + 1] ? BigInteger.ONE : BigInteger.ZERO;
        return new Assignment(v);
    }
}
