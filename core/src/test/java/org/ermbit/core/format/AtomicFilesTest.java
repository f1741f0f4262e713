package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles}: whole-file replacement that keeps links, permissions and device files intact. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheContentAndThePermissionsOfAPlainWrite() throws IOException {
        Path plain = Files.write(dir.resolve("plain.txt"), new byte[] {1});
        Path f = dir.resolve("new.txt");
        AtomicFiles.write(f, "hello\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("hello\n", Files.readString(f));
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f), "not the 0600 of a temporary file");
        assertEquals(List.of("new.txt", "plain.txt"), names(), "no temporary file left");
    }

    @Test
    void anExistingFileIsReplacedAndKeepsItsPermissions() throws IOException {
        Path f = Files.writeString(dir.resolve("w.json"), "old content that is longer than the new one");
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(List.of("w.json"), names());
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no symbolic links here");
            return;
        }
        AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    /** A device is written to, never replaced (as root, a rename over /dev/null would succeed). */
    @Test
    void aDeviceIsWrittenDirectly() throws IOException {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull), "no /dev/null here");
        AtomicFiles.write(devNull, new byte[] {42});
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still a device");
        assertArrayEquals(new byte[0], Files.readAllBytes(devNull));
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path missing = dir.resolve("no-such-dir").resolve("w.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(missing, new byte[] {1}));
        assertEquals(List.of(), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
