package org.ermbit.bench;

import java.util.Optional;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.number.Rational;

/**
 * One CSV row: a solver's run on an instance with its limits, what it answered (and the exact loss
 * for SAT / OPTIMUM / FEASIBLE; for a count run, {@code loss} holds the model count), the wall time measured by the harness (child JVM start to exit, in
 * ms), the child's exit code, whether the answer contradicts the MANIFEST, and a reason.
 */
public record RunResult(String solver, String instance, String family, Mode mode, ExpectedAnswer expected, RunStatus status,
                        Optional<Rational> loss, long timeMs, int exitCode, boolean wrong, long timeoutMs, int memoryMb, String reason) {

    public RunResult {
        // printed verbatim in bench rows and tables (like MANIFEST fields): nothing that could split a line
        for (String f : new String[] {solver, instance, family}) {
            if (f.chars().anyMatch(PrintableText::breaksLine)) {
                throw new IllegalArgumentException("solver, instance and family must not contain control characters or line separators: '"
                        + f + "'");
            }
        }
        reason = PrintableText.oneLine(reason).strip();
    }

    /**
     * A definitive, correct answer within the time limit: SAT/UNSAT for a decision or a count (a
     * count's status says whether it is positive), OPTIMUM for an optimisation.
     */
    public boolean solved() {
        if (wrong || timeMs > timeoutMs) return false;
        return mode == Mode.OPTIMIZE ? status == RunStatus.OPTIMUM : status == RunStatus.SAT || status == RunStatus.UNSAT;
    }

    /** PAR-2 contribution in ms: the time when solved, twice the limit otherwise. */
    public long par2Ms() {
        return solved() ? timeMs : 2 * timeoutMs;
    }

    String key() {
        return Task.key(solver, instance);
    }
}
