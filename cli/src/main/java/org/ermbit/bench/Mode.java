package org.ermbit.bench;

/**
 * Which question a benchmark instance asks: the decision ({@code ermbit solve}), the optimum
 * ({@code ermbit optimize}) or the model count of a CNF file ({@code ermbit count}).
 */
public enum Mode {
    SOLVE("solve"), OPTIMIZE("optimize"), COUNT("count");

    private final String word;

    Mode(String word) {
        this.word = word;
    }

    /** The MANIFEST / CSV spelling, which is also the CLI subcommand. */
    public String word() {
        return word;
    }

    /** Parses {@code solve} / {@code optimize} / {@code count}; IllegalArgumentException otherwise. */
    public static Mode parse(String s) {
        for (Mode m : values()) if (m.word.equals(s)) return m;
        throw new IllegalArgumentException("mode must be 'solve', 'optimize' or 'count', got '" + s + "'");
    }
}
