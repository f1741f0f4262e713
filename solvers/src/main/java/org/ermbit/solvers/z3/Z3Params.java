package org.ermbit.solvers.z3;

import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import org.ermbit.core.spi.Limits;

/**
 * The parameters of every Z3 solve (solver or optimizer) under {@link Limits}:
 * <ul>
 *   <li>{@code ctrl_c} off: Z3 otherwise catches SIGINT while it solves, ends its own query as
 *       "interrupted from keyboard" and swallows the signal, so the JVM (and the command line's
 *       graceful stop) never sees it and the other backends of a portfolio run on;</li>
 *   <li>{@code timeout} {@value #SLACK_MS} ms past the deadline, if there is one: the
 *       {@code LimitWatcher}'s {@code Context.interrupt()} at the deadline stops the solve and the
 *       caller reports "timeout"; Z3's own timer, in whole milliseconds, is only a fallback (set at
 *       the deadline itself it could fire a moment early, and Z3 then reports "canceled").</li>
 * </ul>
 */
public final class Z3Params {
    /** How far past the deadline Z3's own timer is set. */
    public static final long SLACK_MS = 100;

    private Z3Params() {
    }

    /** The parameters for a solve within {@code limits}. */
    public static Params forLimits(Context ctx, Limits limits) {
        Params p = ctx.mkParams();
        p.add("ctrl_c", false);
        limits.remaining().ifPresent(left -> p.add("timeout", (int) Math.min(Integer.MAX_VALUE, left.toMillis() + SLACK_MS)));
        return p;
    }
}
