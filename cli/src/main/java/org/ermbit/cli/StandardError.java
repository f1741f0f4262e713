package org.ermbit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, which decides if progress lines are drawn on it. Java 17 can
 * only ask whether the JVM has a console ({@code System.console()}: standard input <em>and</em> output
 * are terminals), which is wrong both ways for {@code ermbit solve big.json > out.txt} (no progress) and
 * {@code ermbit solve big.json 2> err.txt} on a terminal (escape codes in the file). On Linux the
 * answer is where file descriptor 2 points; elsewhere the console is the best guess.
 */
public final class StandardError {
    private static final Path FD2 = Path.of("/proc/self/fd/2");

    private StandardError() {
    }

    /** Whether standard error is a terminal (or, without {@code /proc}, whether the JVM has a console). */
    public static boolean isTerminal() {
        try {
            return isTerminalDevice(Files.readSymbolicLink(FD2).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** Whether {@code target}, where a file descriptor points, is a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
