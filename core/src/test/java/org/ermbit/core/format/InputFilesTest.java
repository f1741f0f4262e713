package org.ermbit.core.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
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

    private static final Path COMPRESSED = resourceDir();

    private static Path resourceDir() {
        try {
            return Path.of(InputFilesTest.class.getResource("/compressed/README.md").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String message(Path file) {
        return assertThrows(InputException.class, () -> InputFiles.read(file, "x")).getMessage();
    }

    /** One.xz is {@code xz -c} of "p cnf 2 1\n" (resources/compressed/README.md). */
    @Test
    void anXzFileIsDecompressed() {
        assertEquals("p cnf 2 1\n", text(InputFiles.read(COMPRESSED.resolve("one.xz"), "x")));
    }

    /** Two gzip members one after the other (RFC 1952, 2.2): zcat prints both. */
    @Test
    void concatenatedGzipMembersAreReadWhole() throws IOException {
        Path f = COMPRESSED.resolve("two-members.gz");
        assertEquals("p cnf 2 1\n1 -2 0\n", text(InputFiles.read(f, "x")));
        // a pipe whose writer is slower than the reader has nothing available between the members
        assertEquals("p cnf 2 1\n1 -2 0\n", text(withStdin(new TricklingInput(Files.readAllBytes(f)), () -> InputFiles.read(Path.of("-"), "x"))));
    }

    /**
     * A named pipe given by its path ({@code /dev/stdin}, bash's {@code <(…)}, a FIFO) is read, plain and
     * gzip-compressed: JDK 17's channel stream throws "Illegal seek" from available() there, which
     * refused every such file as "cannot read file: IOException Illegal seek" (found while fuzzing inputs).
     */
    @Test
    void aNamedPipeIsRead() throws Exception {
        Path fifo = dir.resolve("fifo");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        for (Path source : new Path[] {COMPRESSED.resolve("two-members.gz"), null}) {
            byte[] bytes = source == null ? "p cnf 2 1\n".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(source);
            Thread writer = new Thread(() -> {
                try (var out = Files.newOutputStream(fifo)) {
                    out.write(bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            assertEquals(source == null ? "p cnf 2 1\n" : "p cnf 2 1\n1 -2 0\n", text(InputFiles.read(fifo, "x")));
            writer.join();
        }
    }

    @Test
    void bzip2ZstdAndZipAreRefusedWithTheirUnpackCommand() throws IOException {
        String bzip2 = "not supported: bzip2-compressed input (unpack it first: bunzip2 -k FILE)";
        assertEquals(bzip2, message(COMPRESSED.resolve("one1.bz2")));
        assertEquals(bzip2, message(COMPRESSED.resolve("one9.bz2")));
        assertEquals("not supported: zstd-compressed input (unpack it first: unzstd FILE)", message(COMPRESSED.resolve("one.zst")));
        // a zip local file header starts with PK 3 4 (APPNOTE.TXT 4.3.7)
        assertEquals("not supported: zip-compressed input (unpack it first: unzip FILE)",
                message(write("f.zip", bytes('P', 'K', 3, 4, 20, 0, 0, 0, 8, 0))));
        // bzip2's block size digit is 1..9: the characters next to them are text
        for (String t : new String[] {"BZh0 text", "BZh: text"}) assertEquals(t, text(InputFiles.read(write("t.txt", t.getBytes(StandardCharsets.US_ASCII)), "x")));
    }

    /** Files of 1-6 bytes: a complete magic number is compressed data (here cut off), a partial one is text. */
    @Test
    void shortFilesThatStartLikeAMagicNumber() throws IOException {
        for (byte[] asIs : new byte[][] {bytes(0x1f), bytes(0xfd, '7', 'z', 'X', 'Z'), bytes('B', 'Z', 'h'), bytes(0x28, 0xb5, 0x2f), bytes('P', 'K', 3)}) {
            assertArrayEquals(asIs, InputFiles.read(write("short", asIs), "x"));
        }
        assertEquals("corrupt gzip data: cut off before its end", message(write("short.gz", bytes(0x1f, 0x8b))));
        assertEquals("corrupt xz data: cut off before its end", message(write("short.xz", bytes(0xfd, '7', 'z', 'X', 'Z', 0))));
        assertEquals("not supported: bzip2-compressed input (unpack it first: bunzip2 -k FILE)", message(write("short.bz2", bytes('B', 'Z', 'h', '9'))));
        assertEquals("not supported: zstd-compressed input (unpack it first: unzstd FILE)", message(write("short.zst", bytes(0x28, 0xb5, 0x2f, 0xfd))));
    }

    /** Compression method 0 in a gzip header: only 8 (deflate) exists (RFC 1952, 2.3.1). */
    @Test
    void corruptGzipDataKeepsTheDecompressorsReason() throws IOException {
        Path f = write("bad.gz", "\u001f\u008b\u0000\u0000not gzip data\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("corrupt gzip data: Unsupported compression method", message(f));
    }

    /** xz -lvv says the file needs 513 MiB (512 MiB dictionary), past the 256 MiB limit; nothing is allocated. */
    @Test
    void anXzDictionaryPastTheMemoryLimitIsRefusedNotCorrupt() {
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(COMPRESSED.resolve("dict512m.xz"), "x"));
        assertEquals("not supported: xz data that needs 524392 KiB of memory to decompress, more than the limit of 262144 KiB"
                + " (recompress it with xz -9 or a smaller dictionary)", e.getMessage());
        assertEquals(513, (524392 + 1023) / 1024); // the MiB that xz -lvv reports
    }

    /** Tar archives (POSIX "ustar\0" and GNU "ustar  \0" at offset 257), plain or compressed, are refused. */
    @Test
    void tarArchivesAreRefusedPlainOrCompressed() throws IOException {
        String tar = "not supported: a tar archive (extract its files first: tar -xf FILE)";
        // name, the length up to the end of the magic
        for (Object[] t : new Object[][] {{"one-ustar.tar", 263}, {"one-gnu.tar", 265}}) {
            String name = (String) t[0];
            byte[] archive = Files.readAllBytes(COMPRESSED.resolve(name));
            assertEquals(tar, message(COMPRESSED.resolve(name)), name);
            assertEquals(tar, message(write(name + ".gz", gzip(archive))), name);
            byte[] head = java.util.Arrays.copyOf(archive, (Integer) t[1]);
            assertEquals(tar, message(write(name + ".head", head)), name);
            byte[] shorter = java.util.Arrays.copyOf(archive, (Integer) t[1] - 1);
            assertArrayEquals(shorter, InputFiles.read(write(name + ".cut", shorter), "x"), name);
        }
        // text with "ustar" at offset 257 but no NUL after it is not a tar header
        byte[] mustard = ("x".repeat(256) + "mustard\n").getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(mustard, InputFiles.read(write("m.txt.gz", gzip(mustard)), "x"));
    }

    @Test
    void standardInputIsReadAndLeftOpen() {
        byte[] text = "p cnf 1 1\n1 0\n".getBytes(StandardCharsets.US_ASCII);
        boolean[] closed = {false};
        InputStream stdin = new java.io.ByteArrayInputStream(text) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertArrayEquals(text, withStdin(stdin, () -> InputFiles.read(Path.of("-"), "x")));
        assertTrue(!closed[0], "System.in was closed");
        byte[] nulFirst = bytes(0, 'x');
        assertArrayEquals(nulFirst, withStdin(new java.io.ByteArrayInputStream(nulFirst), () -> InputFiles.read(Path.of("-"), "x")));
        // ./- is a file named "-"
        assertEquals("./-: no such file", assertThrows(InputException.class, () -> InputFiles.read(Path.of("./-"), "x")).oneLine());
    }

    /** Empty standard input is refused; a non-empty one that decompresses to nothing is empty content, like an empty file. */
    @Test
    void emptyStandardInputIsRefusedButEmptyCompressedContentIsRead() throws IOException {
        InputException e = assertThrows(InputException.class,
                () -> withStdin(new java.io.ByteArrayInputStream(new byte[0]), () -> InputFiles.read(Path.of("-"), "x")));
        assertEquals("-: standard input is empty (it can be read only once)", e.oneLine());
        byte[] emptyGzip = gzip(new byte[0]);
        assertEquals(0, InputFiles.read(write("empty.gz", emptyGzip), "x").length);
        assertEquals(0, withStdin(new java.io.ByteArrayInputStream(emptyGzip), () -> InputFiles.read(Path.of("-"), "x")).length);
    }

    /** An I/O error of plain standard input is "cannot read", not corrupt data. */
    @Test
    void readErrorsOfStandardInputAreOneLine() {
        for (IOException failure : new IOException[] {new IOException("device error"), new java.io.EOFException("device error")}) {
            InputStream broken = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw failure;
                }
            };
            InputException e = assertThrows(InputException.class, () -> withStdin(broken, () -> InputFiles.read(Path.of("-"), "x")));
            assertEquals("-: cannot read file: " + failure.getClass().getSimpleName() + " device error", e.oneLine());
        }
    }

    private static byte[] withStdin(InputStream in, java.util.function.Supplier<byte[]> read) {
        InputStream saved = System.in;
        System.setIn(in);
        try {
            return read.get();
        } finally {
            System.setIn(saved);
        }
    }

    /** Delivers one byte per read and never reports bytes as available, like a pipe whose writer is slow. */
    private static final class TricklingInput extends InputStream {
        private final byte[] data;
        private int pos;

        TricklingInput(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            int c = read();
            if (c < 0) return -1;
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public int available() {
            return 0;
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
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
