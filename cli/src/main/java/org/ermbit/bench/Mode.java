package org.ermbit.bench;

/** Which question a benchmark instance asks: the decision ({@code ermbit solve}) or the optimum ({@code ermbit optimize}). */
public enum Mode {
    SOLVE("solve"), OPTIMIZE("optimize");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    /** The MANIFEST / CSV spelling, which is also the CLI subcommand. */
    public String word() {
        return word;
    }

    /** Parses {@code solve} / {@code optimize}; IllegalArgumentException otherwise. */
    public static Mode parse(String s) {
        for (Mode m : values()) if (m.word.equals(s)) return m;
        throw new IllegalArgumentException("mode must be 'solve' or 'optimize', got '" + s + "'");
    }
}
