package org.ermbit.solvers.backend;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and directories of a solve (a spilled Sat4j proof, an external solver's working
 * directory with its CNF and proof), named after this JVM's process id: {@code ermbit-PID-WHAT-…}.
 * A solve deletes its own when it ends, and a normal exit or Ctrl-C deletes what is left (a shutdown
 * hook, added with the first entry, removes every entry not yet deleted: those of a run that a race
 * left behind at its deadline, still writing when the JVM exits); a JVM killed outright (SIGKILL, the
 * kernel's OOM killer) leaves them behind, possibly gigabytes of proof. So the first time a JVM creates
 * one in a directory, it removes the ones whose process is no longer alive and that nothing has written
 * to for {@link #STALE_AFTER} (the second condition protects a live run of another PID namespace
 * sharing the directory).
 */
public final class ScratchFiles {
    /** How long an entry of a dead process must have been untouched before it is removed. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    private static final Pattern NAME = Pattern.compile("ermbit-(\\d{1,18})-.*");
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    /** Entries created and not yet deleted, for the shutdown hook. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean hookAdded;

    private ScratchFiles() {
    }

    /** The name prefix of this JVM's scratch entries for {@code what} ({@code ermbit-PID-WHAT-}). */
    static String prefix(String what) {
        return "ermbit-" + ProcessHandle.current().pid() + "-" + what + "-";
    }

    /** A new empty file {@code ermbit-PID-WHAT-…SUFFIX} in {@code dir}, after a first sweep of {@code dir}. */
    public static Path createFile(Path dir, String what, String suffix) throws IOException {
        sweepOnce(dir);
        return live(Files.createTempFile(dir, prefix(what), suffix));
    }

    /** A new directory {@code ermbit-PID-WHAT-…} in {@code java.io.tmpdir}, after a first sweep there. */
    public static Path createDirectory(String what) throws IOException {
        sweepOnce(Path.of(System.getProperty("java.io.tmpdir")));
        return live(Files.createTempDirectory(prefix(what)));
    }

    /** Whether {@code path} is an entry of this JVM that has not been deleted yet (the shutdown hook would). */
    static boolean isLive(Path path) {
        return LIVE.contains(path);
    }

    private static synchronized Path live(Path entry) throws IOException {
        if (!hookAdded) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ScratchFiles::delete), "ermbit-scratch-cleanup"));
            } catch (IllegalStateException shuttingDown) {
                delete(entry);
                throw new IOException("the JVM is shutting down", shuttingDown);
            }
            hookAdded = true;
        }
        LIVE.add(entry);
        return entry;
    }

    /**
     * Deletes {@code path} and, for a directory, everything in it; best effort: what could not be deleted
     * (a run left behind still writing into it) stays for the shutdown hook.
     */
    public static void deleteQuietly(Path path) {
        if (path == null) return;
        delete(path);
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) LIVE.remove(path);
    }

    private static void delete(Path path) {
        try (Stream<Path> s = Files.walk(path)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void sweepOnce(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (SWEPT.add(key)) sweep(key, pid -> ProcessHandle.of(pid).isPresent(), Instant.now());
    }

    /**
     * Removes the scratch entries in {@code dir} whose process {@code alive} says is gone and whose
     * newest modification (of the entry or anything in it) is {@link #STALE_AFTER} before {@code now};
     * returns how many it removed. Entries of other names are never touched.
     */
    static int sweep(Path dir, LongPredicate alive, Instant now) {
        int removed = 0;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "ermbit-*")) {
            for (Path e : entries) {
                Matcher m = NAME.matcher(e.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid == self || alive.test(pid)) continue;
                if (!newestModification(e).isBefore(now.minus(STALE_AFTER))) continue;
                deleteQuietly(e);
                if (!Files.exists(e, LinkOption.NOFOLLOW_LINKS)) removed++;
            }
        } catch (IOException | RuntimeException ignored) {
            // best effort: an unreadable directory is left as it is
        }
        return removed;
    }

    private static Instant newestModification(Path entry) throws IOException {
        try (Stream<Path> s = Files.walk(entry)) {
            return s.map(p -> {
                try {
                    return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    return FileTime.from(Instant.MAX); // cannot tell: keep the entry
                }
            }).max(Comparator.naturalOrder()).orElseThrow().toInstant();
        }
    }
}
