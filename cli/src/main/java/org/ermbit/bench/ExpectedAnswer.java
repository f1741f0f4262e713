package org.ermbit.bench;

import java.util.Optional;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;

/**
 * The answer a MANIFEST states for an instance: {@code sat}, {@code unsat}, {@code optimum=p/q},
 * {@code count=N} (the model count of a CNF file), or {@code unknown} (nothing is checked then).
 * {@code value} is the stated optimum or count.
 */
public record ExpectedAnswer(Kind kind, Optional<Rational> value) {

    /** What is known. */
    public enum Kind { SAT, UNSAT, OPTIMUM, COUNT, UNKNOWN }

    public ExpectedAnswer {
        boolean valued = kind == Kind.OPTIMUM || kind == Kind.COUNT;
        if (valued != value.isPresent()) throw new IllegalArgumentException("an optimum or count needs its value, and only those");
        if (kind == Kind.COUNT && (!value.get().isInteger() || value.get().signum() < 0)) {
            throw new IllegalArgumentException("a model count is a non-negative integer, got " + value.get());
        }
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

    public static ExpectedAnswer count(java.math.BigInteger n) {
        return new ExpectedAnswer(Kind.COUNT, Optional.of(Rational.of(n)));
    }

    /** Parses the MANIFEST spelling; IllegalArgumentException with the reason otherwise. */
    public static ExpectedAnswer parse(String s) {
        switch (s) {
            case "sat": return sat();
            case "unsat": return unsat();
            case "unknown": return unknown();
            default:
                if (s.startsWith("count=")) {
                    String n = s.substring("count=".length());
                    if (!n.matches("[0-9]+")) throw new IllegalArgumentException("bad count '" + s + "': expected count=N with N a non-negative integer");
                    return count(new java.math.BigInteger(n));
                }
                if (s.startsWith("optimum=")) {
                    try {
                        return optimum(RationalParser.parse(s.substring("optimum=".length())));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad optimum '" + s + "': " + e.getMessage());
                    }
                }
                throw new IllegalArgumentException("expected answer must be sat, unsat, unknown, optimum=p/q or count=N, got '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case OPTIMUM -> "optimum=" + value.orElseThrow();
            case COUNT -> "count=" + value.orElseThrow();
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
