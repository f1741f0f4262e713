package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The terminal ticker's line, with and without a status (docs/CLI.md, "Progress"). */
class ProgressTickerTest {

    @Test
    void lineShowsElapsedTimeAndTheStatusWhenThereIsOne() {
        assertEquals("ermbit solve: working (62 s)", ProgressTicker.line("solve", 62, ""));
        assertEquals("ermbit solve: working (62 s; best loss so far 26631)", ProgressTicker.line("solve", 62, "best loss so far 26631"));
    }
}
