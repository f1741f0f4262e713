package org.ermbit.reductions.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.junit.jupiter.api.Test;

/** Hand-written expected files for small models (the expectations were derived by hand). */
class GoldenExportTest {

    private static Model smtModel() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x[0]"), y = b.newBool("y");
        Var z = b.newInt("z", BigInteger.valueOf(-3), BigInteger.valueOf(4));
        Var w = b.newInt("w:1", BigInteger.ZERO, BigInteger.valueOf(9));
        b.addLinear(LinearExpr.builder().add(3, x).add(-2, z).build(), Relation.LE, BigInteger.valueOf(-5), List.of(x.lit(), y.not()));
        b.addClause(x.not(), y.lit());
        b.addProduct(w, z, z);
        b.minimize(LinearExpr.builder().add(-1, z).addConstant(BigInteger.valueOf(7)).build());
        return b.build();
    }

    @Test
    void smtLibStandard() {
        String expected = """
                ; ermbit SMT-LIB export: 4 variables, 3 constraints
                (set-option :produce-models true)
                (set-logic QF_NIA)
                (declare-fun |x[0]| () Bool)
                (declare-fun y () Bool)
                (declare-fun z () Int)
                (declare-fun |w:1| () Int)
                (assert (and (<= (- 3) z) (<= z 4)))
                (assert (and (<= 0 |w:1|) (<= |w:1| 9)))
                (assert (=> (and |x[0]| (not y)) (<= (+ (* 3 (ite |x[0]| 1 0)) (* (- 2) z)) (- 5))))
                (assert (or (not |x[0]|) y))
                (assert (= |w:1| (* z z)))
                ; objective not exported (standard SMT-LIB has no minimize): (+ (* (- 1) z) 7)
                (check-sat)
                (get-value (|x[0]| y z |w:1|))
                (exit)
                """;
        assertEquals(expected, new SmtLibWriter(SmtLibWriter.Dialect.STANDARD).write(smtModel()));
    }

    @Test
    void smtLibZ3DialectMinimizes() {
        String text = new SmtLibWriter(SmtLibWriter.Dialect.Z3).write(smtModel());
        assertTrue(text.contains("(minimize (+ (* (- 1) z) 7))\n(check-sat)\n"), text);
    }

    @Test
    void smtSymbolsAreDistinctAndQuotedOnlyWhenNeeded() {
        ModelBuilder b = new ModelBuilder();
        b.newBool("a");
        b.newBool("a");
        b.newBool("has|bar");
        b.newBool("");
        b.newBool("and");
        b.newBool("1x");
        assertEquals(List.of("a", "a!1", "vhas_bar", "v", "|and|", "|1x|"), SmtLibWriter.symbols(b.build()));
    }

    @Test
    void opb() {
        ModelBuilder b = new ModelBuilder();
        Var a = b.newBool("a"), bb = b.newBool("b"), c = b.newBool("c[2]");
        b.addLinear(LinearExpr.builder().add(3, a).add(-2, bb).add(5, c).build(), Relation.LE, BigInteger.valueOf(4));
        b.addClause(a.not(), bb.lit(), c.lit());
        b.addLinear(LinearExpr.builder().add(BigInteger.ONE.shiftLeft(70), a).add(1, bb).build(), Relation.EQ, BigInteger.ONE);
        b.minimize(LinearExpr.builder().add(2, a).add(-3, c).addConstant(BigInteger.valueOf(4)).build());
        String expected = """
                * #variable= 3 #constraint= 3
                * ermbit OPB export
                * x1 = a
                * x2 = b
                * x3 = c[2]
                * objective constant (not in min:) = 4
                min: +2 x1 -3 x3 ;
                -3 x1 +2 x2 -5 x3 >= -4 ;
                -1 x1 +1 x2 +1 x3 >= 0 ;
                +1180591620717411303424 x1 +1 x2 = 1 ;
                """;
        Model m = b.build();
        assertEquals(expected, new OpbWriter().write(m));
        assertEquals(BigInteger.valueOf(4), OpbWriter.objectiveOffset(m));
    }

    @Test
    void opbRefusesWhatItCannotExpress() {
        ModelBuilder b = new ModelBuilder();
        Var g = b.newBool("g"), x = b.newBool("x");
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.ONE, List.of(g.lit()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpbWriter().write(b.build()));
        assertTrue(e.getMessage().startsWith("not supported: enforced") && e.getMessage().endsWith("lower first"), e.getMessage());
        ModelBuilder b2 = new ModelBuilder();
        b2.newInt("k", BigInteger.ZERO, BigInteger.TWO);
        assertThrows(IllegalArgumentException.class, () -> new OpbWriter().write(b2.build()));
    }

    private static Model lpModel(BigInteger extraCoefficient) {
        ModelBuilder b = new ModelBuilder();
        Var p = b.newBool("p");
        Var k = b.newInt("k", BigInteger.valueOf(-2), BigInteger.valueOf(5));
        b.addLinear(LinearExpr.builder().add(2, k).build(), Relation.LE, BigInteger.valueOf(3), List.of(p.lit()));
        b.addLinear(LinearExpr.of(k), Relation.GE, BigInteger.ONE, List.of(p.not()));
        b.addClause(p.not());
        if (extraCoefficient != null) b.addLinear(LinearExpr.builder().add(extraCoefficient, k).build(), Relation.LE, BigInteger.ZERO);
        b.minimize(LinearExpr.builder().add(-1, k).add(2, p).addConstant(BigInteger.ONE).build());
        return b.build();
    }

    @Test
    void lpWithExactBigM() {
        // p -> 2k <= 3 : M = ub(2k) - 3 = 10 - 3 = 7  ->  2k + 7p <= 10
        // !p -> k >= 1 : M = 1 - lb(k) = 1 + 2 = 3    ->  k + 3p >= 1
        String expected = """
                \\ ermbit LP export: 2 variables, 3 rows
                \\ x1 = p
                \\ x2 = k
                \\ objective constant (not written) = 1
                Minimize
                 obj: - 1 x2 + 2 x1
                Subject To
                 c1: 2 x2 + 7 x1 <= 10
                 c2: 1 x2 + 3 x1 >= 1
                 c3: - 1 x1 >= 0
                Bounds
                 -2 <= x2 <= 5
                Binary
                 x1
                General
                 x2
                End
                """;
        LpExport e = new LpWriter(false).write(lpModel(null));
        assertEquals(expected, e.text());
        assertTrue(e.exactInDoubles());
        assertEquals(BigInteger.ONE, e.objectiveOffset());
    }

    @Test
    void lpRefusesOrWarnsAbove2to53() {
        BigInteger big = BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new LpWriter(false).write(lpModel(big)));
        assertTrue(ex.getMessage().startsWith("not supported: coefficient of k 9007199254740993 exceeds 2^53"), ex.getMessage());
        LpExport lenient = new LpWriter(true).write(lpModel(big));
        assertFalse(lenient.exactInDoubles());
        assertTrue(lenient.text().contains("\\ WARNING: coefficient of k 9007199254740993 exceeds 2^53"), lenient.text());
        // exactly 2^53 is still exact
        assertTrue(new LpWriter(false).write(lpModel(BigInteger.ONE.shiftLeft(53))).exactInDoubles());
        // a number of hundreds of digits is shortened in the message (the whole 617 digits were printed)
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> new LpWriter(false).write(lpModel(BigInteger.ONE.shiftLeft(2048))));
        assertTrue(huge.getMessage().startsWith("not supported: coefficient of k 323170060713110073007148766886…(617 characters) exceeds 2^53"),
                huge.getMessage());
    }

    @Test
    void lpRefusesProducts() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.TWO);
        b.addProduct(x, x, x);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new LpWriter(true).write(b.build()));
        assertEquals("not supported: products; lower first", ex.getMessage());
    }
}
