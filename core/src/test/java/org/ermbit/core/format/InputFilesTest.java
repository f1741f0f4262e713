package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InputFiles}: the 64 MiB cap (docs/FORMAT.md, Caps) and one-line reasons for unreadable files. */
class InputFilesTest {

    @TempDir
    Path dir;

    /** The cap is inclusive: a file of exactly 64 MiB is read (one byte more is refused, see JsonInputTest). */
    @Test
    void aFileOfExactlyTheCapIsRead() throws IOException {
        Path f = dir.resolve("cap.bin");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(InputFiles.MAX_BYTES); // sparse: cheap to create
        }
        assertEquals(InputFiles.MAX_BYTES, InputFiles.read(f, "data").length);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(InputFiles.MAX_BYTES + 1);
        }
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(f, "data"));
        assertEquals("file has more than the cap of 67108864 bytes", e.getMessage());
    }

    @Test
    void aDirectoryAMissingFileAndAnUnreadablePathAreOneLine() throws IOException {
        InputException d = assertThrows(InputException.class, () -> InputFiles.read(dir, "an ermbit/1 instance file"));
        assertEquals(dir + ": is a directory, expected an ermbit/1 instance file", d.oneLine());
        Path missing = dir.resolve("none.json");
        assertEquals(missing + ": no such file", assertThrows(InputException.class, () -> InputFiles.read(missing, "x")).oneLine());
        // a regular file used as a directory: neither missing nor a directory, the system's reason is kept
        Path file = Files.writeString(dir.resolve("f.json"), "{}");
        Path below = file.resolve("x.json");
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(below, "x"));
        assertEquals(below.toString(), e.file());
        assertTrue(e.getMessage().startsWith("cannot read file: "), e.getMessage());
        assertTrue(e.getMessage().length() > "cannot read file: FileSystemException".length() + 1, "the reason is kept: " + e.getMessage());
    }

    /** A gzip bomb: 64 MiB of zeros compress to 64 KiB; the cap counts decompressed bytes, inclusively. */
    @Test
    void theCapAppliesToTheDecompressedBytes() throws IOException {
        Path exact = gzipOfZeros("exact.gz", InputFiles.MAX_BYTES);
        assertTrue(Files.size(exact) < 1 << 20, "compressed " + Files.size(exact));
        assertEquals(InputFiles.MAX_BYTES, InputFiles.read(exact, "data").length);
        Path over = gzipOfZeros("over.gz", InputFiles.MAX_BYTES + 1);
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(over, "data"));
        assertEquals("gzip data decompresses to more than the cap of 67108864 bytes", e.getMessage());
    }

    /** Text that merely starts like a magic number is not mistaken for compressed data. */
    @Test
    void textIsReadAsIs() throws IOException {
        for (String text : new String[] {"", "B", "BZh", "BZhx and more", "PK", "{\"format\": \"ermbit/1\"}", "p cnf 1 1\n1 0\n"}) {
            Path f = Files.writeString(dir.resolve("t.txt"), text);
            assertEquals(text, new String(InputFiles.read(f, "text"), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Path gzipOfZeros(String name, long n) throws IOException {
        Path f = dir.resolve(name);
        byte[] block = new byte[1 << 20];
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f), 1 << 16)) {
            for (long left = n; left > 0; left -= block.length) out.write(block, 0, (int) Math.min(block.length, left));
        }
        return f;
    }
}
