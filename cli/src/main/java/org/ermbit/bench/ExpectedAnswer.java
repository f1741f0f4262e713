package org.ermbit.bench;

import java.util.Optional;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;

/**
 * The answer a MANIFEST states for an instance: {@code sat}, {@code unsat}, {@code optimum=p/q}, or
 * {@code unknown} (nothing is checked then).
 */
public record ExpectedAnswer(Kind kind, Optional<Rational> optimum) {

    /** What is known. */
    public enum Kind { SAT, UNSAT, OPTIMUM, UNKNOWN }

    public ExpectedAnswer {
        if ((kind == Kind.OPTIMUM) != optimum.isPresent()) throw new IllegalArgumentException("an optimum needs its value, and only an optimum");
    }

    public static ExpectedAnswer sat() {
        return new ExpectedAnswer(Kind.SAT, Optional.empty());
    }

    public static ExpectedAnswer unsat() {
        return new ExpectedAnswer(Kind.UNSAT, Optional.empty());
    }

    public static ExpectedAnswer unknown() {
        return new ExpectedAnswer(Kind.UNKNOWN, Optional.empty());
    }

    public static ExpectedAnswer optimum(Rational v) {
        return new ExpectedAnswer(Kind.OPTIMUM, Optional.of(v));
    }

    public boolean isKnown() {
        return kind != Kind.UNKNOWN;
    }

    /** Parses the MANIFEST spelling; IllegalArgumentException with the reason otherwise. */
    public static ExpectedAnswer parse(String s) {
        switch (s) {
            case "sat": return sat();
            case "unsat": return unsat();
            case "unknown": return unknown();
            default:
                if (s.startsWith("optimum=")) {
                    try {
                        return optimum(RationalParser.parse(s.substring("optimum=".length())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad optimum '" + s + "': " + e.getMessage());
                    }
                }
                throw new IllegalArgumentException("expected answer must be sat, unsat, unknown or optimum=p/q, got '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return kind == Kind.OPTIMUM ? "optimum=" + optimum.orElseThrow() : kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
