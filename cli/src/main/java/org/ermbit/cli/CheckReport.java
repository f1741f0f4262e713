package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.PrintableText;
import org.ermbit.reductions.counting.CheckResult;

/**
 * Prints the {@code ermbit check} contract (DESIGN §9): one line per file
 * {@code FILE source=… target=… agree|DISAGREE|skipped (…)}, then {@code c K skipped} when any were
 * skipped, then the last line {@code N passed, M failed}. Skipped files are neither passed nor failed,
 * and the exit code is 0 only if every file agreed. An interrupt (SIGINT / SIGTERM) stops the run after
 * the current file with {@code c interrupted after K of N files} before the summary, exit
 * {@link Main#EXIT_INTERRUPTED}.
 */
final class CheckReport {
    private final PrintWriter out;
    private int passed;
    private int failed;
    private int skipped;
    private boolean interrupted;

    CheckReport(PrintWriter out) {
        this.out = out;
    }

    /**
     * Refuses (exit 2, before any work) a file whose name has a line break or another control
     * character: the result line starts with the name verbatim, so such a name would split it and
     * could fake a line such as the summary.
     */
    static void requireOneLineNames(List<Path> files) {
        for (Path f : files) {
            if (f.toString().chars().anyMatch(PrintableText::breaksLine)) {
                throw new InputException(f, "", "the file name contains a line break or another control character;"
                        + " check prints each name verbatim at the start of its result line (rename the file)");
            }
        }
    }

    void add(Path file, CheckResult r) {
        out.println(file + " " + r.line());
        out.flush();
        switch (r.verdict()) {
            case AGREE -> passed++;
            case DISAGREE -> failed++;
            case SKIPPED -> skipped++;
        }
    }

    /**
     * True, after saying so, when the command's thread was interrupted: the caller stops before file
     * {@code done} (0-based) of {@code total}.
     */
    boolean interrupted(int done, int total) {
        if (!Thread.currentThread().isInterrupted()) return false;
        interrupted = true;
        out.println("c interrupted after " + done + " of " + total + " files");
        return true;
    }

    /** Prints the summary and returns the exit code: 0 iff every file agreed. */
    int finish() {
        if (skipped > 0) out.println("c " + skipped + " skipped (not counted as passed)");
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        if (interrupted) return Main.EXIT_INTERRUPTED;
        return failed == 0 && skipped == 0 ? 0 : 1;
    }
}
