package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ChildRunner} as docs/CLI.md ("ermbit bench") states it: the child's command line, the grace
 * period (10 % of the limit, at least 5 s), a child alive after limit + grace is killed with its
 * descendants (TIMEOUT), exit codes 10/20/30/0 with the JSON line decide the status and anything
 * else is an error. The child here is a shell script standing in for {@code java} (Linux /proc is used
 * to see which files it wrote to), so no JVM is started.
 */
class ChildProcessTest {

    private static final Path SH = Path.of("/bin/sh");

    /** A script standing in for java: records where its stdout / stderr go, then runs {@code body}. */
    private static Path fakeJava(Path dir, String body) throws Exception {
        Path script = dir.resolve("fake-java");
        Files.writeString(script, "#!/bin/sh\n"
                // read in a command substitution: a redirection of readlink itself may already apply to the shell's descriptors
                + "OUT=$(readlink /proc/$$/fd/1); ERR=$(readlink /proc/$$/fd/2)\n"
                + "echo \"$OUT\" > '" + dir.resolve("stdout-file") + "'\n"
                + "echo \"$ERR\" > '" + dir.resolve("stderr-file") + "'\n"
                + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        return script;
    }

    private static ManifestEntry solveEntry() {
        return new ManifestEntry("p/a.json", "planted", Mode.SOLVE, ExpectedAnswer.sat(), "planted");
    }

    @Test
    void graceIsTenPercentOfTheLimitAndAtLeastFiveSeconds() {
        assertEquals(5_000, new ChildRunner.Limits(1, 64).graceMs());
        assertEquals(5_000, new ChildRunner.Limits(50_000, 64).graceMs());
        assertEquals(5_000, new ChildRunner.Limits(50_009, 64).graceMs());
        assertEquals(6_000, new ChildRunner.Limits(60_000, 64).graceMs());
        assertEquals(12_000, new ChildRunner.Limits(120_000, 64).graceMs());
        // the limits' own ranges: a positive timeout, a heap of at least 64 MB (both ends inclusive)
        assertThrows(IllegalArgumentException.class, () -> new ChildRunner.Limits(0, 64));
        assertThrows(IllegalArgumentException.class, () -> new ChildRunner.Limits(1, 63));
    }

    @Test
    void aNamedSolverOnAnOptimisationRunsAloneWithTheLimitInSeconds() {
        ChildRunner runner = new ChildRunner(new ChildRunner.Limits(60_000, 2048), List.of("java", "-cp", "X", "org.ermbit.cli.Main"));
        ManifestEntry opt = new ManifestEntry("n/b.json", "noisy", Mode.OPTIMIZE, ExpectedAnswer.optimum(Rational.ONE), "brute-force");
        Path file = Path.of("n", "b.json");
        // CLI.md: -Xmx<MB>m, -XX:+ExitOnOutOfMemoryError, `ermbit solve|optimize FILE --solver ID --no-local-search --timeout S --json`
        assertEquals(List.of("java", "-Xmx2048m", "-XX:+ExitOnOutOfMemoryError", "-cp", "X", "org.ermbit.cli.Main", "optimize", file.toString(),
                "--solver", "sat4j", "--no-local-search", "--timeout", "60", "--json"), runner.command(new Task("sat4j", opt), file));
        ChildRunner ms = new ChildRunner(new ChildRunner.Limits(1, 64), List.of("java", "Main"));
        assertEquals(List.of("java", "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "Main", "solve", file.toString(), "--timeout", "0.001", "--json"),
                ms.command(new Task(ChildRunner.DEFAULT_CONFIGURATION, solveEntry()), file));
    }

    /** A child that answers within the limit is classified from its exit code and JSON line; its output files are removed. */
    @Test
    void aChildThatAnswersInTimeIsClassifiedAndItsOutputFilesAreRemoved(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SH) && Files.isDirectory(Path.of("/proc/self/fd")), "needs /bin/sh and /proc");
        Path java = fakeJava(dir, "sleep 0.2\necho 'c a comment'\necho '{\"status\":\"SATISFIABLE\",\"loss\":\"1/2\"}'\nexit 10");
        // a 1 s limit leaves 1 s + 5 s of grace: the script's 0.2 s are well within it
        ChildRunner runner = new ChildRunner(new ChildRunner.Limits(1_000, 64), List.of(java.toString()));
        ChildRunner.Outcome o = runner.run(new Task("sat4j", solveEntry()), dir.resolve("a.json"));
        assertEquals(RunStatus.SAT, o.status(), o.reason());
        assertEquals(Optional.of(Rational.of(1, 2)), o.loss());
        assertEquals(10, o.exitCode());
        assertEquals("", o.reason());
        assertTrue(o.timeMs() >= 200, "wall time from start to exit: " + o.timeMs());
        for (String f : List.of("stdout-file", "stderr-file")) {
            Path written = Path.of(Files.readString(dir.resolve(f)).strip());
            assertTrue(written.getFileName().toString().startsWith("ermbit-bench-"), written.toString());
            assertFalse(Files.exists(written), "temporary file left behind: " + written);
        }
    }

    /** A child alive after limit + grace is killed with the processes it started; status TIMEOUT, no answer. */
    @Test
    void aChildPastTheLimitAndGraceIsKilledWithItsDescendants(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SH) && Files.isDirectory(Path.of("/proc/self/fd")), "needs /bin/sh and /proc");
        Path pidFile = dir.resolve("grandchild.pid");
        Path java = fakeJava(dir, "sleep 60 &\necho $! > '" + pidFile + "'\nwait");
        ChildRunner runner = new ChildRunner(new ChildRunner.Limits(1, 64), List.of(java.toString()));
        long grandchild = -1;
        try {
            ChildRunner.Outcome o = runner.run(new Task("sat4j", solveEntry()), dir.resolve("a.json"));
            grandchild = Long.parseLong(Files.readString(pidFile).strip());
            assertEquals(RunStatus.TIMEOUT, o.status());
            assertEquals(Optional.empty(), o.loss());
            assertEquals(-1, o.exitCode());
            assertTrue(o.timeMs() >= 5_001, "waited limit (1 ms) + grace (5 s): " + o.timeMs());
            assertTrue(o.reason().startsWith("killed after ") && o.reason().endsWith(" ms (limit 1 ms + grace)"), o.reason());
            long until = System.nanoTime() + 5_000_000_000L;
            while (!ended(grandchild) && System.nanoTime() < until) Thread.sleep(20);
            assertTrue(ended(grandchild), "the child's own child survived the kill");
            assertFalse(Files.exists(Path.of(Files.readString(dir.resolve("stdout-file")).strip())));
        } finally {
            if (grandchild > 0 && !ended(grandchild)) ProcessHandle.of(grandchild).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Whether a process has ended: gone, or a zombie that no one has reaped yet (a killed grandchild is
     * re-parented to init, which may reap it late; {@link ProcessHandle#isAlive} counts zombies as alive).
     */
    private static boolean ended(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** Exit codes and JSON status must agree (10 SATISFIABLE, 20 UNSATISFIABLE, 30 OPTIMUM FOUND, 0 UNKNOWN); everything else is an error. */
    @Test
    void exitCodeAndJsonStatusDecideTheStatusTogether() {
        assertOutcome(RunStatus.SAT, "", ChildRunner.classify(Mode.SOLVE, 10, "{\"status\":\"SATISFIABLE\",\"loss\":\"0\"}\n", "", 5));
        assertOutcome(RunStatus.UNSAT, "", ChildRunner.classify(Mode.SOLVE, 20, "c x\n{\"status\":\"UNSATISFIABLE\"}\n", "", 5));
        assertOutcome(RunStatus.UNSAT, "", ChildRunner.classify(Mode.OPTIMIZE, 20, "{\"status\":\"UNSATISFIABLE\"}", "", 5));
        assertOutcome(RunStatus.UNKNOWN, "timeout", ChildRunner.classify(Mode.SOLVE, 0, "{\"status\":\"UNKNOWN\",\"reason\":\"timeout\"}", "", 5));
        assertOutcome(RunStatus.OPTIMUM, "", ChildRunner.classify(Mode.OPTIMIZE, 30, "{\"status\":\"OPTIMUM FOUND\",\"loss\":\"3/2\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "status 'UNSATISFIABLE' with exit 10", ChildRunner.classify(Mode.SOLVE, 10, "{\"status\":\"UNSATISFIABLE\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "status 'UNKNOWN' with exit 20", ChildRunner.classify(Mode.SOLVE, 20, "{\"status\":\"UNKNOWN\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "status 'OPTIMUM FOUND' with exit 0", ChildRunner.classify(Mode.OPTIMIZE, 0, "{\"status\":\"OPTIMUM FOUND\",\"loss\":\"1\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "status 'SATISFIABLE' with exit 30", ChildRunner.classify(Mode.OPTIMIZE, 30, "{\"status\":\"SATISFIABLE\",\"loss\":\"1\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "status 'SATISFIABLE' with exit 0", ChildRunner.classify(Mode.SOLVE, 0, "{\"status\":\"SATISFIABLE\",\"loss\":\"1\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "status 'MAYBE' with exit 0", ChildRunner.classify(Mode.SOLVE, 0, "{\"status\":\"MAYBE\"}", "", 5));
        assertOutcome(RunStatus.ERROR, "exit 10 without a JSON result line", ChildRunner.classify(Mode.SOLVE, 10, "s SATISFIABLE\n", "", 5));
        assertOutcome(RunStatus.ERROR, "exit 10 without a JSON result line", ChildRunner.classify(Mode.SOLVE, 10, "{\"loss\":\"0\"}", "", 5));
        // other exit codes: an error with the last stderr line; 2 with "is not available here" is UNAVAILABLE
        assertOutcome(RunStatus.ERROR, "exit 1: ermbit: internal error: boom",
                ChildRunner.classify(Mode.SOLVE, 1, "{\"status\":\"SATISFIABLE\"}", "c x\nermbit: internal error: boom\n", 5));
        assertOutcome(RunStatus.ERROR, "exit 2", ChildRunner.classify(Mode.SOLVE, 2, "", "", 5));
        assertOutcome(RunStatus.ERROR, "exit 134", ChildRunner.classify(Mode.OPTIMIZE, 134, "{\"status\":\"OPTIMUM FOUND\",\"loss\":\"1\"}", "", 5));
        assertOutcome(RunStatus.UNAVAILABLE, "ermbit: solver 'z3' is not available here: no libz3",
                ChildRunner.classify(Mode.SOLVE, 2, "", "ermbit: solver 'z3' is not available here: no libz3\n", 5));
        assertOutcome(RunStatus.MEMOUT, "out of memory (exit 3, nothing on stderr)", ChildRunner.classify(Mode.SOLVE, 3, "", "", 5));
        assertOutcome(RunStatus.MEMOUT, "out of memory: java.lang.OutOfMemoryError: Java heap space",
                ChildRunner.classify(Mode.SOLVE, 1, "", "Exception in thread \"main\" \njava.lang.OutOfMemoryError: Java heap space", 5));
        ChildRunner.Outcome o = ChildRunner.classify(Mode.OPTIMIZE, 30, "{\"status\":\"OPTIMUM FOUND\",\"loss\":\"-7/3\"}", "", 1234);
        assertEquals(Optional.of(Rational.of(-7, 3)), o.loss());
        assertEquals(1234, o.timeMs());
        assertEquals(30, o.exitCode());
    }

    @Test
    void countOutputWithoutATimeoutLineHasNoReasonAndNeedsExitZero() {
        assertOutcome(RunStatus.UNKNOWN, "", ChildRunner.classify(Mode.COUNT, 0, "c counter component\ns UNKNOWN\nc s type mc\n", "", 7));
        assertOutcome(RunStatus.ERROR, "count output with status 'UNKNOWN', count 5 and exit 0",
                ChildRunner.classify(Mode.COUNT, 0, "s UNKNOWN\nc s exact arb int 5\n", "", 7));
        assertOutcome(RunStatus.ERROR, "count output with status 'UNSATISFIABLE', count 3 and exit 0",
                ChildRunner.classify(Mode.COUNT, 0, "s UNSATISFIABLE\nc s exact arb int 3\n", "", 7));
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.COUNT, 0, "", "", 7).status(), "no status line");
        assertEquals(RunStatus.ERROR, ChildRunner.classify(Mode.COUNT, 1, "s SATISFIABLE\nc s exact arb int 4\n", "", 7).status(), "exit 1");
    }

    private static void assertOutcome(RunStatus status, String reason, ChildRunner.Outcome o) {
        assertEquals(status, o.status(), o.toString());
        assertEquals(reason, o.reason(), o.toString());
    }
}
