package org.ermbit.solvers.external;

/** What an external process did: exit code (−1 if killed), captured output, and why it stopped. */
public record ProcessOutcome(int exitCode, String stdout, String stderr, boolean timedOut, boolean cancelled) {
    /** True when the process was killed (deadline or cancellation) instead of finishing. */
    public boolean killed() {
        return timedOut || cancelled;
    }

    /** The first line of stderr (or stdout when stderr is empty), for error messages. */
    public String firstErrorLine() {
        for (String s : new String[] {stderr, stdout}) {
            for (String line : s.split("\\R")) if (!line.isBlank()) return line.strip();
        }
        return "(no output)";
    }
}
