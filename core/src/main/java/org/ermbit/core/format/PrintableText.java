package org.ermbit.core.format;

/**
 * Text from input files that ends up in ermbit's line-based output (error lines, {@code c} lines,
 * {@code info}): what counts as a line break, and how to print such text on one line. Line breaks
 * are control characters and U+2028 / U+2029, which line-splitting readers (Python's
 * {@code splitlines}, JavaScript) also break at.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** True for a character that could end an output line (or move the cursor) when printed. */
    public static boolean breaksLine(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    /**
     * The index of the first UTF-16 surrogate in {@code text} without its partner (JSON's
     * {@code "\ud800"}), or -1: such text has no UTF-8 form and would be printed as {@code ?}.
     */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every run of whitespace or line-breaking characters replaced by one space. */
    public static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (breaksLine(c) || Character.isWhitespace(c)) {
                gap = true;
                continue;
            }
            if (gap && sb.length() > 0) sb.append(' ');
            gap = false;
            sb.append(c);
        }
        if (gap && sb.length() > 0) sb.append(' ');
        return sb.toString();
    }
}
