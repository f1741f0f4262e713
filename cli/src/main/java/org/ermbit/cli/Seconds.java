package org.ermbit.cli;

import java.math.BigDecimal;
import java.time.Duration;

/** The {@code c time S s} text of every command: seconds with exactly three decimals (milliseconds), no floating point. */
final class Seconds {
    private Seconds() {
    }

    /** {@code d} in seconds with three decimals, e.g. 40 ms → {@code 0.040}. */
    static String of(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).toPlainString();
    }
}
