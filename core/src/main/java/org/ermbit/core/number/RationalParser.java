package org.ermbit.core.number;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Parses rational numbers exactly from text: integers ({@code "7"}), decimals ({@code "2.5"},
 * {@code "-0.125"}), exact exponent notation ({@code "1e-3"}) and fractions ({@code "-3/4"}).
 * Nothing goes through {@code double}.
 */
public final class RationalParser {

    /** Largest accepted |exponent| in exponent notation, and largest digit count of any part. */
    public static final int MAX_EXPONENT = 10_000;
    public static final int MAX_DIGITS = 10_000;

    private RationalParser() {
    }

    /** Parses {@code text}; throws {@link NumberFormatException} with a human-readable message. */
    public static Rational parse(String text) {
        if (text == null) throw new NumberFormatException("missing number");
        String s = text.trim();
        if (s.isEmpty()) throw new NumberFormatException("empty string is not a number");
        if (s.length() > MAX_DIGITS) {
            throw new NumberFormatException("number has more than " + MAX_DIGITS + " characters");
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            BigInteger p = parseInteger(s.substring(0, slash), text);
            BigInteger q = parseInteger(s.substring(slash + 1), text);
            if (q.signum() == 0) throw new NumberFormatException("denominator is zero in " + quote(text));
            return Rational.of(p, q);
        }
        return parseDecimal(s, text);
    }

    /**
     * The text in double quotes for an error message: its first 40 characters and "..." when longer
     * (a number may have up to {@link #MAX_DIGITS} characters; a message stays one short line).
     */
    private static String quote(String text) {
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }

    private static BigInteger parseInteger(String part, String whole) {
        String p = part.trim();
        if (!p.matches("[+-]?[0-9]+")) {
            throw new NumberFormatException(quote(whole) + " is not a number (expected p/q with integers p, q)");
        }
        return new BigInteger(p);
    }

    private static Rational parseDecimal(String s, String whole) {
        if (!s.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            throw new NumberFormatException(quote(whole) + " is not a number (expected an integer, a decimal or p/q)");
        }
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        if (e >= 0) {
            String exp = s.substring(e + 1).replace("+", "");
            String digits = exp.replaceFirst("^-", "").replaceFirst("^0+(?=.)", "");
            if (digits.length() > 6 || Integer.parseInt(digits) > MAX_EXPONENT) {
                throw new NumberFormatException("exponent in " + quote(whole) + " exceeds the cap of " + MAX_EXPONENT);
            }
        }
        return Rational.of(new BigDecimal(s));
    }
}
