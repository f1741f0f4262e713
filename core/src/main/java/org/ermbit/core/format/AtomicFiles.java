package org.ermbit.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes whole output files (witnesses, instances, exported encodings, MANIFESTs) so that a reader
 * never sees half a file: the bytes go to a temporary file next to the target, are forced to disk,
 * and replace the target in one rename. A write that fails (disk full, a kill) leaves the previous
 * file as it was. The new file gets the permissions a plain write would give it (those of the file
 * it replaces, or the process's default for new files). Targets that are not regular files
 * ({@code /dev/stdout}, a named pipe) are written directly; a symbolic link is followed, so the file
 * it points to is replaced and the link stays. An existing file in a directory where no file may be
 * created is written directly too.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code file}'s content by {@code bytes}, atomically where the file system allows it. */
    public static void write(Path file, byte[] bytes) throws IOException {
        boolean exists = Files.exists(file);
        if (exists && !Files.isRegularFile(file)) {
            Files.write(file, bytes);
            return;
        }
        Path target = exists ? file.toRealPath() : file.toAbsolutePath();
        Path tmp;
        try {
            tmp = createSibling(target);
        } catch (FileSystemException e) {
            // a file in a directory we may not create files in (permissions, /proc): a plain write is all there is
            if (!exists) throw e;
            Files.write(target, bytes);
            return;
        }
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            if (exists) copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A new empty file next to {@code target}, created with the default permissions of new files. */
    private static Path createSibling(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) throw e;
            }
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not ours to change: the default permissions stay
        }
    }
}
