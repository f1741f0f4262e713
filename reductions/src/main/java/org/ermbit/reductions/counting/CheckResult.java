package org.ermbit.reductions.counting;

/**
 * The outcome of checking one reduction on one input: the source-side answer, the answer read
 * back from the target, and a verdict. A skipped check (over the bit budget) is never agreement.
 */
public record CheckResult(Verdict verdict, String source, String target, long neededBits, long observedBits, String detail) {

    /** agree / DISAGREE / skipped, as printed by {@code ermbit check}. */
    public enum Verdict {
        AGREE("agree"),
        DISAGREE("DISAGREE"),
        SKIPPED("skipped");

        private final String word;

        Verdict(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** One line: {@code source=… target=… agree} (or DISAGREE, or skipped with the reason). */
    public String line() {
        return "source=" + source + " target=" + target + " " + verdict.word() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
