package org.ermbit.reductions.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * The encoder honours its limits (the pipeline's --timeout and cancellation reach it): expired limits
 * stop it with the stop reason, and unexpired ones change nothing in the encoding.
 */
class EncodingLimitsTest {

    private static final Limits PAST = new Limits(Optional.of(Instant.EPOCH), new CancelToken());

    @Test
    void expiredOrCancelledLimitsStopTheEncoderWithTheReason() {
        ErmInstance inst = RandomInstances.create(1, 3000);
        EncodingStopped timeout = assertThrows(EncodingStopped.class, () -> ErmEncoder.encode(inst, EncoderOptions.defaults(), PAST));
        assertEquals("timeout", timeout.getMessage());
        CancelToken token = new CancelToken();
        token.cancel();
        EncodingStopped cancelled = assertThrows(EncodingStopped.class,
                () -> ErmEncoder.encode(inst, EncoderOptions.defaults(), new Limits(Optional.empty(), token)));
        assertEquals("cancelled", cancelled.getMessage());
    }

    /**
     * Creating the parameters' variables and the symmetry-breaking constraints look at the limits too
     * (a network of millions of parameters spent seconds there before the first look between points).
     */
    @Test
    void parameterCreationAndSymmetryBreakingLookAtTheLimits() {
        int broken = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ErmInstance inst = RandomInstances.createSymmetric(seed, 3000);
            Scaling sc = Scaling.of(inst);
            assertThrows(EncodingStopped.class, () -> ParameterVariables.create(new EncodingBuilder(), inst, sc, PAST));
            EncodingBuilder b = new EncodingBuilder();
            ParameterVariables params = ParameterVariables.create(b, inst, sc, Limits.none());
            org.ermbit.core.model.Architecture arch = inst.architecture();
            boolean breaks = false;
            for (int l = 1; l < arch.depth(); l++) breaks |= arch.layer(l).units() >= 2 && params.allFree(l, true) && params.allFree(l + 1, false);
            if (breaks) {
                assertThrows(EncodingStopped.class, () -> SymmetryBreaking.apply(b, arch, params, PAST));
                broken++;
            }
        }
        assertTrue(broken > 0, "some instance has interchangeable hidden units");
    }

    /** A loss bound's encoding is a new encoding run, under the caller's limits too. */
    @Test
    void theModelOfALossBoundIsBuiltUnderTheLimits() {
        Encoding enc = ErmEncoder.encode(RandomInstances.create(2, 3000), EncoderOptions.defaults(), Limits.none());
        assertThrows(EncodingStopped.class, () -> enc.withLossAtMost(Rational.ONE, PAST));
        org.ermbit.core.ir.Model plain = enc.withLossAtMost(Rational.ONE);
        org.ermbit.core.ir.Model limited = enc.withLossAtMost(Rational.ONE, Limits.none());
        assertEquals(plain.vars(), limited.vars());
        assertEquals(plain.constraints(), limited.constraints());
    }

    /** Limits that have not expired give the same model as no limits (same variables and constraints). */
    @Test
    void unexpiredLimitsChangeNothing() {
        for (long seed = 1; seed <= 20; seed++) {
            ErmInstance inst = RandomInstances.create(seed, 3000);
            Limits later = new Limits(Optional.of(Instant.now().plusSeconds(3600)), new CancelToken());
            org.ermbit.core.ir.Model plain = ErmEncoder.encode(inst, EncoderOptions.defaults()).model();
            org.ermbit.core.ir.Model limited = ErmEncoder.encode(inst, EncoderOptions.defaults(), later).model();
            assertEquals(plain.vars(), limited.vars(), "seed " + seed);
            assertEquals(plain.constraints(), limited.constraints(), "seed " + seed);
        }
    }
}
