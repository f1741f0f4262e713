package org.ermbit.reductions.lower;

import org.ermbit.core.spi.Limits;

/** A lowering pass gave up because its limits expired; {@link #getMessage()} is "timeout" or "cancelled". */
public final class LoweringStopped extends RuntimeException {

    private LoweringStopped(String reason) {
        super(reason, null, false, false);
    }

    /** Throws when {@code limits} have expired (a deadline passed or the solve was cancelled). */
    static void check(Limits limits) {
        if (limits.expired()) throw new LoweringStopped(limits.stopReason());
    }
}
