package org.ermbit.bench.generate;

import org.ermbit.bench.ExpectedAnswer;

/** An expected answer and where it comes from ({@code planted}, {@code brute-force}, {@code cnf-enumeration}, {@code -}). */
public record Label(ExpectedAnswer expected, String source) {
    /** Nothing is known. */
    public static Label unknown() {
        return new Label(ExpectedAnswer.unknown(), "-");
    }
}
