package org.ermbit.solvers.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Capability;
import org.junit.jupiter.api.Test;

/** The shape contract of DESIGN §6, one case per rule and both sides of every bound. */
class ModelShapeTest {
    private static final Set<Capability> PB = EnumSet.of(Capability.PSEUDO_BOOLEAN);
    private static final Set<Capability> LIA = EnumSet.of(Capability.LIA);
    private static final Set<Capability> NIA = EnumSet.of(Capability.LIA, Capability.NIA);
    private static final Set<Capability> INT64 = EnumSet.of(Capability.LIA, Capability.INT64_ONLY);

    private static Model intVar(long lo, long hi) {
        ModelBuilder b = new ModelBuilder();
        b.newInt("x", BigInteger.valueOf(lo), BigInteger.valueOf(hi));
        return b.build();
    }

    private static void assertRefused(Model m, Set<Capability> caps, String fragment) {
        Optional<String> r = ModelShape.unsupported(m, caps);
        assertTrue(r.isPresent(), "expected a refusal mentioning " + fragment);
        assertTrue(r.get().startsWith("not supported: ") && r.get().contains(fragment), r.get());
    }

    @Test
    void pseudoBooleanBackendsTakeOnlyZeroOneVariables() {
        assertEquals(Optional.empty(), ModelShape.unsupported(intVar(0, 1), PB));
        assertEquals(Optional.empty(), ModelShape.unsupported(intVar(1, 1), PB));
        assertEquals(Optional.empty(), ModelShape.unsupported(intVar(0, 0), PB));
        assertRefused(intVar(-1, 1), PB, "integer variable x in [-1, 1]");
        assertRefused(intVar(0, 2), PB, "integer variable x in [0, 2]");
        assertEquals(Optional.empty(), ModelShape.unsupported(intVar(-1, 2), LIA));
    }

    @Test
    void enforcedLinearConstraintsNeedLia() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.ONE, List.of(y.lit()));
        Model m = b.build();
        assertRefused(m, PB, "enforced linear constraint");
        assertEquals(Optional.empty(), ModelShape.unsupported(m, LIA));

        ModelBuilder plain = new ModelBuilder();
        Var z = plain.newBool("z");
        plain.addLinear(LinearExpr.of(z), Relation.GE, BigInteger.ONE);
        plain.addClause(z.lit());
        assertEquals(Optional.empty(), ModelShape.unsupported(plain.build(), PB));
    }

    @Test
    void productsNeedNia() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        Var z = b.newBool("z");
        b.addProduct(z, x, y);
        Model m = b.build();
        assertRefused(m, PB, "product z = x*y");
        assertRefused(m, LIA, "product z = x*y");
        assertEquals(Optional.empty(), ModelShape.unsupported(m, NIA));
    }

    @Test
    void int64BackendsTakeNumbersOfAtMost62Bits() {
        BigInteger fits = BigInteger.TWO.pow(62).subtract(BigInteger.ONE); // 62 bits
        BigInteger tooBig = BigInteger.TWO.pow(62); // 63 bits
        ModelBuilder ok = new ModelBuilder();
        Var x = ok.newInt("x", BigInteger.ZERO, BigInteger.ONE);
        ok.addLinear(LinearExpr.builder().add(fits, x).build(), Relation.LE, fits);
        assertEquals(Optional.empty(), ModelShape.unsupported(ok.build(), INT64));

        ModelBuilder big = new ModelBuilder();
        Var y = big.newInt("y", BigInteger.ZERO, BigInteger.ONE);
        big.addLinear(LinearExpr.builder().add(tooBig, y).build(), Relation.LE, BigInteger.ONE);
        Model m = big.build();
        assertRefused(m, INT64, "63 bits");
        assertEquals(Optional.empty(), ModelShape.unsupported(m, LIA), "without INT64_ONLY the size does not matter");
    }
}
