package org.ermbit.solvers.external;

import java.util.List;
import org.ermbit.core.spi.Limits;

/**
 * The time-limit option of an external binary. ermbit kills a run at its deadline itself; the
 * binary's own limit, {@link #MARGIN_SECONDS} s later, only bounds a process whose JVM was killed
 * (SIGKILL gives the JVM no chance to stop it), which otherwise ran on, re-parented to init, with its
 * proof file growing.
 */
enum OwnTimeLimit {
    /** No option (a binary without one, or a test stand-in). */
    NONE,
    /** {@code cadical -t SECONDS} (wall clock). */
    CADICAL,
    /** {@code minisat -cpu-lim=SECONDS} (CPU time). */
    MINISAT,
    /** {@code picosat -L SECONDS}. */
    PICOSAT,
    /** {@code z3 -T:SECONDS} (hard timeout). */
    Z3,
    /** {@code cvc5 --tlimit=MILLISECONDS} (wall clock). */
    CVC5,
    /** {@code cbc … -sec SECONDS} (before {@code -solve}). */
    CBC;

    /** Seconds past the deadline at which the binary stops itself. */
    static final long MARGIN_SECONDS = 10;

    /**
     * The options that stop the binary {@link #MARGIN_SECONDS} s after the deadline of {@code limits};
     * none without a deadline or beyond 2^31 s (some binaries read the limit as a 32-bit int).
     */
    List<String> options(Limits limits) {
        if (this == NONE || limits.remaining().isEmpty()) return List.of();
        long seconds = limits.remaining().get().toSeconds() + 1 + MARGIN_SECONDS;
        if (seconds > Integer.MAX_VALUE) return List.of();
        String s = Long.toString(seconds);
        return switch (this) {
            case CADICAL -> List.of("-t", s);
            case MINISAT -> List.of("-cpu-lim=" + s);
            case PICOSAT -> List.of("-L", s);
            case Z3 -> List.of("-T:" + s);
            case CVC5 -> List.of("--tlimit=" + seconds * 1000);
            case CBC -> List.of("-sec", s);
            case NONE -> List.of();
        };
    }
}
