package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Progress goes to standard error when it is a terminal, whatever standard input and output are
 * (System.console() needs all of them): the decision is made on where file descriptor 2 points.
 */
class StandardErrorTest {

    @Test
    void terminalDevicesAreTerminalsAndFilesOrPipesAreNot() {
        assertTrue(StandardError.isTerminalDevice("/dev/pts/3"));
        assertTrue(StandardError.isTerminalDevice("/dev/tty1"));
        assertTrue(StandardError.isTerminalDevice("/dev/console"));
        assertFalse(StandardError.isTerminalDevice("pipe:[40213]"));
        assertFalse(StandardError.isTerminalDevice("/tmp/err.txt"));
        assertFalse(StandardError.isTerminalDevice("/dev/null"));
        assertFalse(StandardError.isTerminalDevice("socket:[9]"));
    }

    /** Surefire gives the test JVM a pipe or a file as standard error: no terminal. */
    @Test
    void thisJvmsStandardErrorIsNoTerminal() throws IOException {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd2)) {
            assertFalse(StandardError.isTerminalDevice(Files.readSymbolicLink(fd2).toString()));
            assertFalse(StandardError.isTerminal());
        } else {
            assertEquals(System.console() != null, StandardError.isTerminal());
        }
    }
}
