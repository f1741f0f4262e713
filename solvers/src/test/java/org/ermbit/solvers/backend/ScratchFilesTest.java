package org.ermbit.solvers.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scratch entries are named after the process, and a sweep removes exactly those of dead processes
 * untouched for an hour: never this process's, a live process's, a recently written one (also when
 * only a file inside a directory is recent), or anything not named like a scratch entry.
 */
class ScratchFilesTest {
    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final long DEAD = 4_000_001L;
    private static final long ALIVE = 4_000_002L;

    private Path file(String name, Duration age) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(p, FileTime.from(NOW.minus(age)));
        return p;
    }

    private Path directory(String name, Duration age, Duration innerAge) throws IOException {
        Path d = Files.createDirectory(dir.resolve(name));
        Path inner = Files.writeString(d.resolve("proof.drat"), "x");
        Files.setLastModifiedTime(inner, FileTime.from(NOW.minus(innerAge)));
        Files.setLastModifiedTime(d, FileTime.from(NOW.minus(age)));
        return d;
    }

    private Set<String> left() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void onlyOldEntriesOfDeadProcessesAreRemoved() throws IOException {
        long self = ProcessHandle.current().pid();
        Duration old = Duration.ofHours(2);
        file("ermbit-" + DEAD + "-sat4j-proof-1.drat", old);                                  // removed
        directory("ermbit-" + DEAD + "-ext-cadical-2", old, old);                             // removed, with its file
        file("ermbit-" + DEAD + "-sat4j-proof-3.drat", Duration.ofMinutes(59));               // recent: kept
        directory("ermbit-" + DEAD + "-ext-picosat-4", old, Duration.ofMinutes(5));           // a recent file inside: kept
        file("ermbit-" + ALIVE + "-sat4j-proof-5.drat", old);                                 // alive: kept
        file("ermbit-" + self + "-sat4j-proof-6.drat", old);                                  // this process: kept
        file("ermbit-x" + DEAD + "-sat4j-proof-7.drat", old);                                 // not a scratch name
        file("ermbit-" + DEAD, old);                                                          // no dash after the pid
        file("other-" + DEAD + "-sat4j-proof-8.drat", old);
        file("ermbit-99999999999999999999-a", old);                                           // pid too long
        int removed = ScratchFiles.sweep(dir, pid -> pid == ALIVE, NOW);
        assertEquals(2, removed);
        assertEquals(Set.of("ermbit-" + DEAD + "-sat4j-proof-3.drat", "ermbit-" + DEAD + "-ext-picosat-4",
                "ermbit-" + ALIVE + "-sat4j-proof-5.drat", "ermbit-" + self + "-sat4j-proof-6.drat",
                "ermbit-x" + DEAD + "-sat4j-proof-7.drat", "ermbit-" + DEAD, "other-" + DEAD + "-sat4j-proof-8.drat",
                "ermbit-99999999999999999999-a"), left());
    }

    @Test
    void staleMeansUntouchedForMoreThanAnHour() throws IOException {
        file("ermbit-" + DEAD + "-sat4j-proof-1.drat", ScratchFiles.STALE_AFTER);
        assertEquals(0, ScratchFiles.sweep(dir, pid -> false, NOW));
        file("ermbit-" + DEAD + "-sat4j-proof-2.drat", ScratchFiles.STALE_AFTER.plusSeconds(1));
        assertEquals(1, ScratchFiles.sweep(dir, pid -> false, NOW));
        assertEquals(Set.of("ermbit-" + DEAD + "-sat4j-proof-1.drat"), left());
    }

    @Test
    void aProcessThatHasEndedIsDeadForTheRealCheck() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        file("ermbit-" + pid + "-ext-minisat-1", Duration.ofHours(2));
        file("ermbit-" + ProcessHandle.current().parent().orElseThrow().pid() + "-ext-minisat-2", Duration.ofHours(2));
        assertEquals(1, ScratchFiles.sweep(dir, q -> ProcessHandle.of(q).isPresent(), NOW));
        assertEquals(List.of("ermbit-" + ProcessHandle.current().parent().orElseThrow().pid() + "-ext-minisat-2"), List.copyOf(left()));
    }

    /**
     * A run left behind by a race may still be writing into its entry when the JVM exits: the shutdown
     * hook removes every entry not yet deleted (a child JVM creates a directory with a file and a file,
     * deletes neither, and exits normally).
     */
    @Test
    void entriesNotDeletedByTheirRunAreRemovedAtANormalExit() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + dir, "-cp", System.getProperty("java.class.path"),
                LeftBehind.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // no time limit on the answer: only a guard against a hung child so the build cannot hang
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("created 2"), out);
        assertEquals(Set.of(), left(), "nothing is left");
    }

    /** The child of {@link #entriesNotDeletedByTheirRunAreRemovedAtANormalExit}. */
    static final class LeftBehind {
        public static void main(String[] args) throws IOException {
            Path d = ScratchFiles.createDirectory("ext-test");
            Files.writeString(d.resolve("model.cnf"), "p cnf 1 1\n1 0\n");
            Path f = ScratchFiles.createFile(Path.of(args[0]), "sat4j-proof", ".drat");
            Files.writeString(f, "1 0\n");
            System.out.println("created " + (Files.exists(d) && Files.exists(f) ? 2 : 0));
        }
    }

    @Test
    void anEntryIsLiveUntilDeleted() throws IOException {
        Path f = ScratchFiles.createFile(dir, "sat4j-proof", ".drat");
        assertTrue(ScratchFiles.isLive(f));
        ScratchFiles.deleteQuietly(f);
        assertFalse(ScratchFiles.isLive(f));
        assertFalse(Files.exists(f));
    }

    @Test
    void createdEntriesCarryThisProcesssId() throws IOException {
        Path f = ScratchFiles.createFile(dir, "sat4j-proof", ".drat");
        assertTrue(f.getFileName().toString().startsWith("ermbit-" + ProcessHandle.current().pid() + "-sat4j-proof-"), f.toString());
        assertTrue(f.getFileName().toString().endsWith(".drat"), f.toString());
        Path d = ScratchFiles.createDirectory("ext-test");
        try {
            assertTrue(Files.isDirectory(d));
            assertTrue(d.getFileName().toString().startsWith("ermbit-" + ProcessHandle.current().pid() + "-ext-test-"), d.toString());
        } finally {
            ScratchFiles.deleteQuietly(d);
        }
        assertFalse(Files.exists(d));
    }
}
