package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcessRunner: exit codes and output, and the deadline killing a whole process tree. */
class ProcessRunnerTest {
    @TempDir
    Path dir;

    @Test
    void capturesExitCodeAndOutput() throws Exception {
        assumeTrue(Binaries.which("sh").isPresent());
        ProcessOutcome o = ProcessRunner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 20"), dir, Limits.none());
        assertEquals(20, o.exitCode());
        assertEquals("out\n", o.stdout());
        assertEquals("err\n", o.stderr());
        assertFalse(o.killed());
        assertEquals("err", o.firstErrorLine());
    }

    @Test
    void deadlineKillsTheProcessAndItsChildren() throws Exception {
        assumeTrue(Binaries.which("sh").isPresent() && Binaries.which("sleep").isPresent());
        Path pid = dir.resolve("child.pid");
        ProcessOutcome o = ProcessRunner.run(List.of("sh", "-c", "sleep 600 & echo $! > " + pid + "; wait"), dir,
                Limits.timeout(Duration.ofMillis(500)));
        assertTrue(o.timedOut(), o.toString());
        assertEquals(-1, o.exitCode());
        long child = Long.parseLong(Files.readString(pid).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(child);
        if (h.isPresent()) h.get().onExit().get(10, TimeUnit.SECONDS); // destroyForcibly is asynchronous
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child sleep must be killed");
    }

    /**
     * Cancelling the token kills the running process at once: the stand-in would print "done" after
     * sleeping, and a killed one never does (without the kill the runner would wait for it).
     */
    @Test
    void cancellationKillsTheRunningProcess() throws Exception {
        assumeTrue(Binaries.which("sh").isPresent() && Binaries.which("sleep").isPresent());
        Path started = dir.resolve("started");
        Limits l = Limits.none();
        Thread canceller = new Thread(() -> {
            try {
                while (!Files.exists(started)) Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            l.cancel().cancel();
        });
        canceller.start();
        ProcessOutcome o = ProcessRunner.run(List.of("sh", "-c", "touch " + started + "; sleep 20; echo done"), dir, l);
        canceller.join();
        assertTrue(o.cancelled(), o.toString());
        assertEquals(-1, o.exitCode());
        assertEquals("", o.stdout());
    }

    @Test
    void anExpiredLimitStartsNothing() throws Exception {
        Limits l = Limits.none();
        l.cancel().cancel();
        ProcessOutcome o = ProcessRunner.run(List.of("definitely-not-a-binary-xyz"), dir, l);
        assertTrue(o.cancelled());
    }
}
