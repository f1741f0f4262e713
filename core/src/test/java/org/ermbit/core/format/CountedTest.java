package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counts in messages agree with their noun ("the network has 1 outputs" read badly). */
class CountedTest {

    @Test
    void singularOnlyForOne() {
        assertEquals("0 outputs", Counted.of(0, "output"));
        assertEquals("1 output", Counted.of(1, "output"));
        assertEquals("2 outputs", Counted.of(2, "output"));
        assertEquals("-1 outputs", Counted.of(-1, "output"));
    }

    @Test
    void irregularPlural() {
        assertEquals("1 entry", Counted.of(1, "entry", "entries"));
        assertEquals("3 entries", Counted.of(3, "entry", "entries"));
    }
}
