package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What counts as a line break in printed input text, and the one-line form of such text. */
class PrintableTextTest {

    /** Every character Python's str.splitlines breaks at (its documented list), and no ordinary character. */
    @Test
    void everyCharacterSplitlinesBreaksAtIsALineBreak() {
        for (char c : new char[] {'\n', '\r', '\u000B', '\u000C', '\u001C', '\u001D', '\u001E', '\u0085', '\u2028', '\u2029'}) {
            assertTrue(PrintableText.breaksLine(c), "U+" + Integer.toHexString(c));
        }
        assertTrue(PrintableText.breaksLine('\u0000'));
        assertTrue(PrintableText.breaksLine('\u001B'), "ESC (terminal control sequences)");
        for (char c : new char[] {'a', ' ', '/', '\u00E9', '\u2212', '\u00A0'}) assertFalse(PrintableText.breaksLine(c), "U+" + Integer.toHexString(c));
    }

    @Test
    void oneLineCollapsesBreaksAndWhitespaceRuns() {
        assertEquals("a b c d", PrintableText.oneLine("a\nb\r\n c\u2028\u2029d"));
        assertEquals("x s SATISFIABLE", PrintableText.oneLine("x\ns SATISFIABLE"));
        assertEquals("tab and space", PrintableText.oneLine("tab\t and   space"));
        assertEquals("kept −3/4 é", PrintableText.oneLine("kept −3/4 é"));
        assertEquals("", PrintableText.oneLine("\n\n"));
        assertEquals("lead trail", PrintableText.oneLine("\nlead trail"));
        assertEquals("end ", PrintableText.oneLine("end\n"));
    }
}
