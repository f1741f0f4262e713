package org.ermbit.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a failed write for a one-line message. A {@link FileSystemException}'s message is
 * often just a path — and for an atomic replacement, the path of a temporary file the user never
 * named — so its reason, or its kind, is said instead.
 */
final class IoFailures {
    private IoFailures() {
    }

    /** Why {@code e} happened, without the path it names. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) return f.getReason();
            if (e instanceof AccessDeniedException) return "permission denied";
            if (e instanceof NoSuchFileException) return "no such file or directory";
            if (e instanceof FileAlreadyExistsException) return "file exists";
            if (e instanceof NotDirectoryException) return "not a directory";
            return "file system error (" + e.getClass().getSimpleName() + ")";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
