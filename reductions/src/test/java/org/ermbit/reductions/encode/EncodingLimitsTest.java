package org.ermbit.reductions.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
