package org.ermbit.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The one limits object every solve takes: an optional wall-clock deadline and a cancel token. */
public record Limits(Optional<Instant> deadline, CancelToken cancel) {
    public static Limits none() {
        return new Limits(Optional.empty(), new CancelToken());
    }

    /** Timeouts beyond this (a thousand years) are no deadline at all, so that no clock arithmetic overflows. */
    public static final Duration UNLIMITED_BEYOND = Duration.ofDays(365L * 1000);

    /** A deadline {@code d} from now (none when {@code d} is beyond {@link #UNLIMITED_BEYOND}). */
    public static Limits timeout(Duration d) {
        if (d.compareTo(UNLIMITED_BEYOND) > 0) return none();
        return new Limits(Optional.of(Instant.now().plus(d)), new CancelToken());
    }

    /** Time left before the deadline (never negative), or empty when unlimited. */
    public Optional<Duration> remaining() {
        return deadline.map(d -> {
            Duration r = Duration.between(Instant.now(), d);
            return r.isNegative() ? Duration.ZERO : r;
        });
    }

    /** The UNKNOWN reason for a solve these limits stopped: "cancelled" when the token was cancelled, else "timeout". */
    public String stopReason() {
        return cancel.isCancelled() ? "cancelled" : "timeout";
    }

    /** True when cancelled or past the deadline. */
    public boolean expired() {
        return cancel.isCancelled() || deadline.map(d -> !Instant.now().isBefore(d)).orElse(false);
    }
}
