package org.ermbit.core.format;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * How an input file is compressed, recognised by its first bytes (never by its name): gzip and xz
 * are decompressed transparently; bzip2, zstd and zip are recognised and refused with the command
 * that unpacks them, instead of being parsed as garbage.
 */
enum Compression {
    NONE("", null),
    GZIP("gzip", null),
    XZ("xz", null),
    BZIP2("bzip2", "bunzip2 -k FILE"),
    ZSTD("zstd", "unzstd FILE"),
    ZIP("zip", "unzip FILE");

    /** Bytes needed to recognise every format. */
    static final int MAGIC_BYTES = 6;

    /** Memory an xz header may ask for (its dictionary), in KiB; xz -9 needs 65 MiB. */
    private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

    private final String word;
    private final String unpack;

    Compression(String word, String unpack) {
        this.word = word;
        this.unpack = unpack;
    }

    /** The format's name as in messages ("gzip"); empty for {@link #NONE}. */
    String word() {
        return word;
    }

    /** For a recognised but unsupported format, the command that unpacks it. */
    Optional<String> unsupportedUnpackCommand() {
        return Optional.ofNullable(unpack);
    }

    /** The format of a file that starts with {@code head} (its first up to {@value #MAGIC_BYTES} bytes). */
    static Compression of(byte[] head) {
        if (startsWith(head, 0x1f, 0x8b)) return GZIP;
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0x00)) return XZ;
        if (startsWith(head, 'B', 'Z', 'h') && head.length > 3 && head[3] >= '1' && head[3] <= '9') return BZIP2;
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) return ZSTD;
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) return ZIP;
        return NONE;
    }

    /** The decompressed stream of {@code in} (which is positioned at the file's start). */
    InputStream open(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(new AvailableUntilEnd(in), 1 << 16);
            case XZ -> new XZInputStream(in, XZ_MEMORY_LIMIT_KIB);
            default -> throw new IllegalStateException(word + " is not decompressed");
        };
    }

    /**
     * JDK 17's GZIPInputStream reads a further member (RFC 1952 allows several, one after the other)
     * only when {@code available()} is above 0 (JDK-7036144); a pipe whose writer is slower than the
     * reader has nothing available between two members, and the rest would be dropped silently. Here
     * {@code available()} is 0 only at the end of the data; it may block to find out.
     */
    private static final class AvailableUntilEnd extends FilterInputStream {
        AvailableUntilEnd(InputStream in) {
            super(in.markSupported() ? in : new BufferedInputStream(in));
        }

        @Override
        public int available() throws IOException {
            int buffered = in.available();
            if (buffered > 0) return buffered;
            in.mark(1);
            int next = in.read();
            in.reset();
            return next < 0 ? 0 : 1;
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) return false;
        int[] actual = new int[magic.length];
        for (int i = 0; i < magic.length; i++) actual[i] = head[i] & 0xff;
        return Arrays.equals(actual, magic);
    }
}
