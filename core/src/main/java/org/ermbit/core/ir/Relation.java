package org.ermbit.core.ir;

import java.math.BigInteger;

/** Comparison of a linear constraint: ≤, = or ≥. */
public enum Relation {
    LE("<="), EQ("="), GE(">=");

    private final String symbol;

    Relation(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code lhs rel rhs} holds. */
    public boolean holds(BigInteger lhs, BigInteger rhs) {
        int c = lhs.compareTo(rhs);
        return switch (this) {
            case LE -> c <= 0;
            case EQ -> c == 0;
            case GE -> c >= 0;
        };
    }
}
