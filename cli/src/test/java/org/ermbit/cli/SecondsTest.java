package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code c time} shows milliseconds as seconds with three decimals (it printed 0.04 next to 0.162). */
class SecondsTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"0, 0.000", "40, 0.040", "162, 0.162", "1000, 1.000", "61234, 61.234", "3600001, 3600.001"})
    void threeDecimals(long millis, String text) {
        assertEquals(text, Seconds.of(Duration.ofMillis(millis)));
    }

    @ParameterizedTest(name = "{0} ns")
    @CsvSource({"999999, 0.000", "1999999, 0.001"})
    void subMillisecondsAreCutOff(long nanos, String text) {
        assertEquals(text, Seconds.of(Duration.ofNanos(nanos)));
    }
}
