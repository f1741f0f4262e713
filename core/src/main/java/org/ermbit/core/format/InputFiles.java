package org.ermbit.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads whole input files with a size cap that holds even when the file's size is unknown in
 * advance (pipes, {@code /dev/zero}): at most cap + 1 bytes are ever read, and every problem is an
 * {@link InputException} (one line, exit 2 on the command line).
 */
public final class InputFiles {

    /** Largest accepted input file (instance, witness, CSV, DIMACS, assignment), in bytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private InputFiles() {
    }

    /** The bytes of {@code path}; {@code what} names the expected content for a directory. */
    public static byte[] read(Path path, String what) {
        String label = path.toString();
        if (Files.isDirectory(path)) throw new InputException(label, "", "is a directory, expected " + what);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw new InputException(label, "", "file has more than the cap of " + MAX_BYTES + " bytes");
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputException(label, "", "no such file");
        } catch (IOException e) {
            throw new InputException(label, "", "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
