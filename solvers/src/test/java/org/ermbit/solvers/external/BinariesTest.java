package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ermbit.core.spi.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding binaries on a PATH value and reading their version, with stand-in directories and scripts. */
class BinariesTest {
    @TempDir
    Path root;

    private Path dir(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static Path file(Path dir, String name, String body, boolean executable) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? "rwx------" : "rw-------"));
        return p;
    }

    /** Like a shell: empty entries and non-executable files and directories of that name are passed over; the first match wins. */
    @Test
    void whichTakesTheFirstExecutableRegularFile() throws IOException {
        Path a = dir("a"), b = dir("b"), c = dir("c"), d = dir("d");
        file(a, "solver", "exit 0", false);
        Files.createDirectories(b.resolve("solver"));
        Path found = file(c, "solver", "exit 0", true);
        file(d, "solver", "exit 0", true);
        String path = String.join(File.pathSeparator, "", a.toString(), b.toString(), "", c.toString(), d.toString());
        assertEquals(Optional.of(found), Binaries.which("solver", path));
        assertEquals(Optional.empty(), Binaries.which("solver", String.join(File.pathSeparator, a.toString(), b.toString())));
        assertEquals(Optional.empty(), Binaries.which("solver", null));
        assertEquals(Optional.empty(), Binaries.which("solver", ""));
    }

    @Test
    void probeReadsTheVersionFromStdoutOrStderr() throws IOException {
        assumeTrue(Binaries.which("sh").isPresent());
        Pattern version = Pattern.compile("version (\\S+)");
        Path out = file(dir("o"), "s", "echo \"banner\"; echo \"S version 1.2.3 (build 7)\"", true);
        assertEquals(Availability.ok("s 1.2.3"), Binaries.probe("s", out, List.of("--version"), version));
        Path err = file(dir("e"), "s", "echo \"version 4.5\" >&2; exit 1", true);
        assertEquals(Availability.ok("s 4.5"), Binaries.probe("s", err, List.of(), version));
        Path none = file(dir("n"), "s", "echo hello", true);
        assertEquals(Availability.ok("s (version not reported)"), Binaries.probe("s", none, List.of(), version));
    }

    @Test
    void aBinaryThatCannotRunIsMissingWithTheReason() throws IOException {
        Path notExecutable = file(dir("x"), "s", "exit 0", false);
        Availability a = Binaries.probe("s", notExecutable, List.of(), Pattern.compile("(.*)"));
        assertEquals(false, a.available());
        assertEquals(true, a.reason().startsWith("s could not be run: "), a.reason());
    }

    @Test
    void aMissingBinaryNamesTheInstallScript() {
        Availability a = Binaries.probe("ermbit-no-such-solver-xyz", List.of(), Pattern.compile("(.*)"));
        assertEquals(Availability.missing("not installed: ermbit-no-such-solver-xyz not on PATH; run scripts/install-external-solvers.sh"), a);
    }
}
