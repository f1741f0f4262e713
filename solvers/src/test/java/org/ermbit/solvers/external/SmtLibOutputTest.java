package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.junit.jupiter.api.Test;

/** Reading get-value answers as z3 and cvc5 print them (hand-written outputs). */
class SmtLibOutputTest {
    private static Model model() {
        ModelBuilder b = new ModelBuilder();
        b.newBool("b[0]");
        b.newInt("k", BigInteger.valueOf(-100), BigInteger.valueOf(100));
        b.newInt("big", BigInteger.ZERO, BigInteger.TWO.pow(90));
        return b.build();
    }

    @Test
    void readsQuotedSymbolsNegativesBooleansAndBigIntegers() {
        Assignment a = SmtLibSolver.values(model(), "((|b[0]| true)\n (k (- 42))\n (big 1237940039285380274899124224))\n");
        assertEquals(BigInteger.ONE, a.value(0));
        assertEquals(BigInteger.valueOf(-42), a.value(1));
        assertEquals(BigInteger.TWO.pow(90), a.value(2));
    }

    @Test
    void aMissingVariableIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SmtLibSolver.values(model(), "((|b[0]| false) (k 3))"));
    }

    @Test
    void garbageIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SmtLibSolver.values(model(), "((|b[0]| false) (k 3) (big"));
        assertThrows(IllegalArgumentException.class, () -> SmtLibSolver.values(model(), "((|b[0]| false) (k 3.5) (big 1))"));
    }
}
