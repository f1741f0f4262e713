package org.ermbit.reductions.encode;

import org.ermbit.core.spi.Limits;

/** The encoder gave up because its limits expired; {@link #getMessage()} is "timeout" or "cancelled". */
public final class EncodingStopped extends RuntimeException {

    private EncodingStopped(String reason) {
        super(reason, null, false, false);
    }

    /** Throws when {@code limits} have expired (a deadline passed or the solve was cancelled). */
    static void check(Limits limits) {
        if (limits.expired()) throw new EncodingStopped(limits.stopReason());
    }
}
