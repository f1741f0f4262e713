package org.ermbit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ermbit.core.format.AtomicFiles;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InputFiles;

/**
 * A suite's MANIFEST: one {@link ManifestEntry} per instance file, sorted by path. Lines starting
 * with {@code #} are comments; a leading UTF-8 byte-order mark is ignored. Writing keeps the file sorted and replaces the line of a path that is
 * generated again, so regenerating a suite gives a byte-identical MANIFEST.
 */
public final class Manifest {
    /** The file name inside a suite directory. */
    public static final String FILE_NAME = "MANIFEST";
    private static final String HEADER = "# ermbit benchmark MANIFEST: PATH FAMILY MODE EXPECTED SOURCE\n"
            + "# EXPECTED is sat / unsat / optimum=p/q when known by construction (planted) or computed independently\n"
            + "# (brute-force enumeration of the domain, or of the CNF's assignments); unknown otherwise.\n";

    private final Path file;
    private final Map<String, ManifestEntry> entries;

    private Manifest(Path file, Map<String, ManifestEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The MANIFEST at {@code file} (a directory means its {@value #FILE_NAME}); empty when absent. */
    public static Manifest open(Path file) {
        Path f = Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
        Map<String, ManifestEntry> m = new TreeMap<>();
        if (Files.exists(f)) {
            String text = new String(InputFiles.read(f, "a MANIFEST file"), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1); // a UTF-8 byte-order mark is not content
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("\\s+");
                if (parts.length != 5) {
                    throw new InputException(f.toString(), "line " + (i + 1), "expected 5 fields PATH FAMILY MODE EXPECTED SOURCE, got " + parts.length);
                }
                try {
                    ManifestEntry e = new ManifestEntry(parts[0], parts[1], Mode.parse(parts[2]), ExpectedAnswer.parse(parts[3]), parts[4]);
                    if (m.put(e.path(), e) != null) throw new IllegalArgumentException("path " + e.path() + " is listed twice");
                } catch (IllegalArgumentException e) {
                    throw new InputException(f.toString(), "line " + (i + 1), e.getMessage());
                }
            }
        }
        return new Manifest(f, m);
    }

    /** The MANIFEST file. */
    public Path file() {
        return file;
    }

    /** The directory instance paths are relative to. */
    public Path baseDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** Entries sorted by path. */
    public List<ManifestEntry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Adds or replaces the entry for its path (call {@link #save()} to write). */
    public void put(ManifestEntry e) {
        entries.put(e.path(), e);
    }

    /** Writes the sorted MANIFEST. */
    public void save() {
        StringBuilder sb = new StringBuilder(HEADER);
        for (ManifestEntry e : entries.values()) sb.append(e.line()).append('\n');
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
