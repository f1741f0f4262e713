package org.ermbit.solvers.external;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.ScratchFiles;

/** Finds solver binaries on the PATH and reads their version. */
public final class Binaries {
    /** The hint every "not installed" probe gives. */
    public static final String INSTALL_HINT = "run scripts/install-external-solvers.sh";

    private Binaries() {
    }

    /** The executable {@code name} on the PATH, if any. */
    public static Optional<Path> which(String name) {
        return which(name, System.getenv("PATH"));
    }

    /** The first regular executable file {@code name} in the directories of {@code path} (a PATH value; null = none). */
    static Optional<Path> which(String name, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Probes {@code name}: available with the version found by running {@code versionArgs} (the
     * first match of {@code versionPattern}'s group 1 in the output, else "(version not reported)"), or
     * "not installed: run scripts/install-external-solvers.sh".
     */
    public static Availability probe(String name, List<String> versionArgs, Pattern versionPattern) {
        Optional<Path> bin = which(name);
        if (bin.isEmpty()) return Availability.missing("not installed: " + name + " not on PATH; " + INSTALL_HINT);
        return probe(name, bin.get(), versionArgs, versionPattern);
    }

    /** Runs {@code binary} with {@code versionArgs} and reads its version as {@link #probe(String, List, Pattern)} does. */
    static Availability probe(String name, Path binary, List<String> versionArgs, Pattern versionPattern) {
        Path dir = null;
        try {
            dir = ScratchFiles.createDirectory("probe");
            List<String> cmd = new ArrayList<>();
            cmd.add(binary.toString());
            cmd.addAll(versionArgs);
            ProcessOutcome o = ProcessRunner.run(cmd, dir, Limits.timeout(Duration.ofSeconds(20)));
            if (o.killed()) return Availability.missing(name + " did not answer its version query within 20 s");
            String text = o.stdout() + "\n" + o.stderr();
            Matcher m = versionPattern.matcher(text);
            String version = m.find() ? m.group(1) : "(version not reported)";
            return Availability.ok(name + " " + version);
        } catch (IOException e) {
            return Availability.missing(name + " could not be run: " + e.getMessage());
        } finally {
            ScratchFiles.deleteQuietly(dir);
        }
    }
}
