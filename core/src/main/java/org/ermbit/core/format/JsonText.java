package org.ermbit.core.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import java.util.function.Function;
import org.ermbit.core.number.Rational;

/** Small helpers for writing canonical JSON text: quoted strings, exact rationals, inline arrays. */
final class JsonText {

    private JsonText() {
    }

    /** A JSON string literal. */
    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /**
     * A rational as canonical JSON: integers that fit in 62 bits as JSON integers, everything else
     * as a {@code "p/q"} (or big integer) string — never a decimal approximation.
     */
    static String rational(Rational r) {
        if (r.isInteger() && r.numerator().bitLength() < 63) return r.toString();
        return quote(r.toString());
    }

    /** {@code [a, b, c]} on one line. */
    static <T> String inline(List<T> items, Function<T, String> f) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(f.apply(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** An array with one item per line, indented by {@code indent} spaces. */
    static <T> String block(List<T> items, Function<T, String> f, int indent) {
        if (items.isEmpty()) return "[]";
        String pad = " ".repeat(indent + 2);
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            sb.append(pad).append(f.apply(items.get(i)));
            sb.append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return sb.append(" ".repeat(indent)).append(']').toString();
    }
}
