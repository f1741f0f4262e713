package org.ermbit.solvers.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ermbit.core.spi.Limits;

/**
 * Runs one external command under {@link Limits}: output goes to files in a working directory
 * (no pipe can block), and at the deadline or on cancellation the process and all its descendants
 * are destroyed forcibly.
 */
public final class ProcessRunner {
    private ProcessRunner() {
    }

    /** Runs {@code command} in {@code dir}; never returns before the process has ended. */
    public static ProcessOutcome run(List<String> command, Path dir, Limits limits) throws IOException {
        Path out = dir.resolve("stdout.txt"), err = dir.resolve("stderr.txt");
        if (limits.expired()) return new ProcessOutcome(-1, "", "", !limits.cancel().isCancelled(), limits.cancel().isCancelled());
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Runnable killer = () -> kill(p);
        limits.cancel().onCancel(killer);
        boolean finished;
        try {
            Optional<Duration> left = limits.remaining();
            if (left.isPresent()) {
                finished = p.waitFor(Math.max(1, left.get().toMillis()), TimeUnit.MILLISECONDS);
            } else {
                p.waitFor();
                finished = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } finally {
            limits.cancel().removeListener(killer);
        }
        boolean cancelled = limits.cancel().isCancelled() || Thread.currentThread().isInterrupted();
        if (!finished || cancelled) {
            kill(p);
            awaitQuietly(p);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (cancelled) return new ProcessOutcome(-1, stdout, stderr, false, true);
        if (!finished) return new ProcessOutcome(-1, stdout, stderr, true, false);
        return new ProcessOutcome(p.exitValue(), stdout, stderr, false, false);
    }

    /**
     * Destroys the process tree: the process itself first, so that it cannot react to a child's
     * death (a shell would go on to its next command), then the descendants it had, listed before.
     */
    public static void kill(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private static void awaitQuietly(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
