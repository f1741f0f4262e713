package org.ermbit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Up-front checks for files a command will write, so that a path that cannot be written is a usage
 * error (exit 2) before any work is done rather than a failure after a long solve.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Throws a {@link UsageException} naming {@code option} unless {@code file} can be created or overwritten. */
    static void checkWritable(Path file, String option) {
        refuseStandardOutput(file, option);
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) throw new UsageException(option + ": " + file + " is a directory");
        if (Files.exists(absolute)) {
            if (!Files.isWritable(absolute)) throw new UsageException(option + ": " + file + " is not writable");
            return;
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new UsageException(option + ": directory " + parent + " does not exist");
        if (!Files.isWritable(parent)) throw new UsageException(option + ": directory " + parent + " is not writable");
    }

    /**
     * As {@link #checkWritable}, for a file whose missing parent directories the command creates
     * (bench's CSV): its nearest existing ancestor must be a writable directory.
     */
    static void checkWritableCreatingDirectories(Path file, String option) {
        refuseStandardOutput(file, option);
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) checkDirectory(absolute.getParent(), option);
        if (Files.isDirectory(absolute)) throw new UsageException(option + ": " + file + " is a directory");
        if (Files.exists(absolute) && !Files.isWritable(absolute)) throw new UsageException(option + ": " + file + " is not writable");
    }

    /**
     * {@code -} reads standard input everywhere, so as an output file it would create a file named
     * "-"; only {@code export -o -} writes to standard output (where stdout carries nothing else).
     */
    private static void refuseStandardOutput(Path file, String option) {
        if (file.toString().isEmpty()) throw new UsageException(option + ": empty file name");
        if (file.toString().equals("-")) {
            throw new UsageException(option + ": '-' (standard output) is not supported here; give a file name (./- names a file called -)");
        }
    }

    /**
     * Throws a {@link UsageException} naming {@code option} unless {@code dir} is a writable
     * directory or can be created (its nearest existing ancestor is a writable directory).
     */
    static void checkDirectory(Path dir, String option) {
        refuseStandardOutput(dir, option);
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) throw new UsageException(option + ": " + dir + " cannot be created");
        if (!Files.isDirectory(p)) throw new UsageException(option + ": " + p + " is a file, not a directory");
        if (!Files.isWritable(p)) throw new UsageException(option + ": directory " + p + " is not writable");
    }
}
