package org.ermbit.core.format;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.tukaani.xz.MemoryLimitException;

/**
 * Reads whole input files with a size cap that holds even when the file's size is unknown in
 * advance (pipes, {@code /dev/zero}): at most cap + 1 bytes are ever read, and every problem is an
 * {@link InputException} (one line, exit 2 on the command line). gzip- and xz-compressed files
 * (recognised by their first bytes) are decompressed, the cap then applying to the decompressed
 * bytes, several gzip members one after the other as one; bzip2, zstd and zip files and tar archives
 * (plain or compressed) are refused with a hint.
 */
public final class InputFiles {

    /** Largest accepted input file (instance, witness, CSV, DIMACS, assignment), in bytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private InputFiles() {
    }

    /** The file name that stands for standard input, as for most command-line tools ({@code ./-} names a file "-"). */
    public static final String STANDARD_INPUT = "-";

    /**
     * The (decompressed) bytes of {@code path}, or of standard input for {@value #STANDARD_INPUT};
     * {@code what} names the expected content for a directory.
     */
    public static byte[] read(Path path, String what) {
        String label = path.toString();
        if (label.equals(STANDARD_INPUT)) return readStandardInput();
        if (label.isEmpty()) throw new InputException("", "", "empty file name, expected " + what);
        if (Files.isDirectory(path)) throw new InputException(label, "", "is a directory, expected " + what);
        try (InputStream file = availableHintOnly(Files.newInputStream(path))) {
            return readCapped(file, label);
        } catch (NoSuchFileException e) {
            throw new InputException(label, "", "no such file");
        } catch (IOException e) {
            throw cannotRead(label, e);
        }
    }

    /**
     * {@code in} with an {@code available()} that answers 0 where the stream cannot tell: JDK 17's
     * stream of a file channel throws "Illegal seek" there for a pipe or device given by name
     * ({@code /dev/stdin}, {@code <(zcat f.gz)}), and BufferedInputStream asks after every read.
     */
    private static InputStream availableHintOnly(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int available() {
                try {
                    return super.available();
                } catch (IOException e) {
                    return 0;
                }
            }
        };
    }

    private static byte[] readStandardInput() {
        // System.in stays open: only the decompressing wrapper around it is closed
        InputStream stdin = new FilterInputStream(System.in) {
            @Override
            public void close() {
            }
        };
        try {
            // empty before decompression: a gzip file of nothing is empty content, as from a file
            InputStream in = new BufferedInputStream(stdin);
            in.mark(1);
            if (in.read() < 0) throw new InputException(STANDARD_INPUT, "", "standard input is empty (it can be read only once)");
            in.reset();
            return readCapped(in, STANDARD_INPUT);
        } catch (IOException e) {
            throw cannotRead(STANDARD_INPUT, e);
        }
    }

    /** At most {@link #MAX_BYTES} + 1 bytes of {@code raw}, decompressed; problems of the data itself are InputExceptions. */
    private static byte[] readCapped(InputStream raw, String label) throws IOException {
        InputStream file = new BufferedInputStream(raw);
        file.mark(Compression.MAGIC_BYTES);
        Compression compression = Compression.of(file.readNBytes(Compression.MAGIC_BYTES));
        file.reset();
        Optional<String> unpack = compression.unsupportedUnpackCommand();
        if (unpack.isPresent()) {
            throw new InputException(label, "", "not supported: " + compression.word() + "-compressed input (unpack it first: "
                    + unpack.get() + ")");
        }
        byte[] bytes;
        try (InputStream in = compression.open(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (MemoryLimitException e) {
            throw new InputException(label, "", "not supported: xz data that needs " + e.getMemoryNeeded()
                    + " KiB of memory to decompress, more than the limit of " + e.getMemoryLimit()
                    + " KiB (recompress it with xz -9 or a smaller dictionary)");
        } catch (EOFException e) {
            if (compression == Compression.NONE) throw e;
            throw new InputException(label, "", "corrupt " + compression.word() + " data: cut off before its end");
        } catch (IOException e) {
            if (compression == Compression.NONE) throw e;
            throw new InputException(label, "", "corrupt " + compression.word() + " data: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputException(label, "", (compression == Compression.NONE ? "file has" : compression.word() + " data decompresses to")
                    + " more than the cap of " + MAX_BYTES + " bytes");
        }
        if (isTarArchive(bytes)) {
            throw new InputException(label, "", "not supported: a tar archive (extract its files first: tar -xf FILE)");
        }
        return bytes;
    }

    /**
     * The compression format {@code file} starts with ("gzip", "xz", "bzip2", …), empty for plain
     * data, for callers that append to a file they also read (appending plain text to compressed data
     * would break it). A file that cannot be read counts as plain here; reading it reports why.
     */
    public static Optional<String> compressionOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Compression c = Compression.of(in.readNBytes(Compression.MAGIC_BYTES));
            return c == Compression.NONE ? Optional.empty() : Optional.of(c.word());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static InputException cannotRead(String label, IOException e) {
        return new InputException(label, "", "cannot read file: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    /** POSIX ustar / pax archives: "ustar\0" at offset 257 of the first header block. */
    private static final byte[] POSIX_TAR = "ustar\0".getBytes(StandardCharsets.US_ASCII);
    /** GNU tar's own format: "ustar  \0" there. Text never has the NUL, so it is not mistaken for a tar. */
    private static final byte[] GNU_TAR = "ustar  \0".getBytes(StandardCharsets.US_ASCII);

    /** A tar archive, recognised by the magic of its first header block. */
    private static boolean isTarArchive(byte[] bytes) {
        return hasAt(bytes, 257, POSIX_TAR) || hasAt(bytes, 257, GNU_TAR);
    }

    private static boolean hasAt(byte[] bytes, int offset, byte[] magic) {
        return bytes.length >= offset + magic.length && Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
    }
}
