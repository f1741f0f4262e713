package org.ermbit.solvers.z3;

import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import java.util.Optional;
import org.ermbit.core.spi.Limits;

/**
 * Z3's own {@code timeout} parameter for a solve under {@link Limits}, set {@value #SLACK_MS} ms past
 * the deadline: the {@code LimitWatcher}'s {@code Context.interrupt()} at the deadline stops the
 * solve and the caller reports "timeout"; Z3's own timer, in whole milliseconds, is only a fallback
 * (set at the deadline itself it could fire a moment early, and Z3 then reports "canceled").
 */
public final class Z3Timeout {
    /** How far past the deadline Z3's own timer is set. */
    public static final long SLACK_MS = 100;

    private Z3Timeout() {
    }

    /** Parameters with the timeout, or empty when the limits have no deadline. */
    public static Optional<Params> params(Context ctx, Limits limits) {
        return limits.remaining().map(left -> {
            Params p = ctx.mkParams();
            p.add("timeout", (int) Math.min(Integer.MAX_VALUE, left.toMillis() + SLACK_MS));
            return p;
        });
    }
}
