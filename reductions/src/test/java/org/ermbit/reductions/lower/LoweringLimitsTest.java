package org.ermbit.reductions.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * Lowering a model with very wide integers can take long (a square of a 1,000-bit residual adds half
 * a million auxiliaries), so the passes check their limits and give up with the reason.
 */
class LoweringLimitsTest {

    /** r = x·x with x of 1,000 bits. */
    private static Model wideSquare() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.ONE.shiftLeft(1000));
        Var r = b.newInt("r", BigInteger.ZERO, BigInteger.ONE.shiftLeft(2000));
        b.addProduct(r, x, x);
        return b.build();
    }

    @Test
    void anExpiredDeadlineStopsThePassWithTimeout() {
        Limits past = new Limits(Optional.of(Instant.now().minusSeconds(1)), new CancelToken());
        LoweringPass pb = Lowerings.forCapabilities(EnumSet.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS));
        assertEquals("timeout", assertThrows(LoweringStopped.class, () -> pb.apply(wideSquare(), past)).getMessage());
        assertEquals("timeout", assertThrows(LoweringStopped.class, () -> ProductToBits.bitProducts().apply(wideSquare(), past)).getMessage());
        assertEquals("timeout", assertThrows(LoweringStopped.class, () -> new IntegerToPseudoBoolean().apply(wideInteger(), past)).getMessage());
    }

    @Test
    void aCancelledSolveStopsThePassWithCancelled() {
        CancelToken token = new CancelToken();
        token.cancel();
        Limits cancelled = new Limits(Optional.empty(), token);
        assertEquals("cancelled", assertThrows(LoweringStopped.class, () -> ProductToBits.bitProducts().apply(wideSquare(), cancelled)).getMessage());
    }

    @Test
    void withoutLimitsASmallModelIsLowered() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.valueOf(3));
        Var r = b.newInt("r", BigInteger.ZERO, BigInteger.valueOf(9));
        b.addProduct(r, x, x);
        Lowered l = ProductToBits.bitProducts().apply(b.build());
        // x = 2·β1 + β0, r = β0 + 4·β1 + 4·(β0 ∧ β1): one AND auxiliary, no product left
        assertFalse(l.model().hasProducts());
        assertEquals(2 + 2 + 1, l.model().vars().size());
    }

    /** A pure integer model for the pseudo-Boolean pass: x ≤ 2^1000 − 1 with x of 1,001 bits. */
    private static Model wideInteger() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.ONE.shiftLeft(1000));
        b.addLinear(LinearExpr.of(x), Relation.LE, BigInteger.ONE.shiftLeft(1000).subtract(BigInteger.ONE));
        return b.build();
    }
}
