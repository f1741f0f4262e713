package org.ermbit.reductions.slp;

import java.math.BigInteger;

/** The three ring operations an SLP instruction may use. */
public enum SlpOp {
    ADD('+'),
    SUB('-'),
    MUL('*');

    private final char symbol;

    SlpOp(char symbol) {
        this.symbol = symbol;
    }

    /** The character used in the text format ({@code +}, {@code -}, {@code *}). */
    public char symbol() {
        return symbol;
    }

    /** The operator written as {@code c}, or null if {@code c} is not an operator symbol. */
    public static SlpOp ofSymbol(char c) {
        for (SlpOp op : values()) if (op.symbol == c) return op;
        return null;
    }

    /** {@code a ∘ b} over the integers. */
    public BigInteger apply(BigInteger a, BigInteger b) {
        return switch (this) {
            case ADD -> a.add(b);
            case SUB -> a.subtract(b);
            case MUL -> a.multiply(b);
        };
    }
}
