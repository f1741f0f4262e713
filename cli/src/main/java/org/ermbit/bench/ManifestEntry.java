package org.ermbit.bench;

import org.ermbit.core.format.PrintableText;

/**
 * One MANIFEST line: {@code PATH FAMILY MODE EXPECTED SOURCE}. {@code path} is relative to the
 * MANIFEST's directory (forward slashes); {@code source} says where the expected answer comes from
 * ({@code planted}, {@code brute-force}, {@code cnf-enumeration}, or {@code -} when unknown).
 * EXPECTED fits MODE: {@code sat}/{@code unsat} for solve, {@code optimum=p/q} for optimize,
 * {@code count=N} for count, {@code unknown} for any.
 */
public record ManifestEntry(String path, String family, Mode mode, ExpectedAnswer expected, String source) {
    public ManifestEntry {
        for (String f : new String[] {path, family, source}) {
            // fields are printed verbatim in bench rows and tables: no character that could split a line
            if (f.isEmpty() || f.chars().anyMatch(c -> Character.isWhitespace(c) || PrintableText.breaksLine(c))) {
                throw new IllegalArgumentException("MANIFEST fields must be non-empty and contain no spaces, control characters"
                        + " or line separators: '" + f + "'");
            }
        }
        ExpectedAnswer.Kind k = expected.kind();
        boolean fits = k == ExpectedAnswer.Kind.UNKNOWN || switch (mode) {
            case SOLVE -> k == ExpectedAnswer.Kind.SAT || k == ExpectedAnswer.Kind.UNSAT;
            case OPTIMIZE -> k == ExpectedAnswer.Kind.OPTIMUM;
            case COUNT -> k == ExpectedAnswer.Kind.COUNT;
        };
        if (!fits) {
            throw new IllegalArgumentException("a " + mode.word() + " line states " + switch (mode) {
                case SOLVE -> "sat, unsat";
                case OPTIMIZE -> "optimum=p/q";
                case COUNT -> "count=N";
            } + " or unknown, not " + expected);
        }
    }

    /** The line as written in the MANIFEST. */
    public String line() {
        return path + " " + family + " " + mode.word() + " " + expected + " " + source;
    }
}
