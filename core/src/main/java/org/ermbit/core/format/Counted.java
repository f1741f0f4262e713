package org.ermbit.core.format;

/** A count with its noun in the right number for messages: "1 output", "2 outputs", "1 entry", "3 entries". */
public final class Counted {
    private Counted() {
    }

    /** {@code n} followed by {@code singular} when n is 1 and {@code singular + "s"} otherwise. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** {@code n} followed by {@code singular} when n is 1 and {@code plural} otherwise. */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
