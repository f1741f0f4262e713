package org.ermbit.bench.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ermbit.core.format.AtomicFiles;
import org.ermbit.bench.ExpectedAnswer;
import org.ermbit.bench.Manifest;
import org.ermbit.bench.ManifestEntry;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;

/**
 * Writes generated instances into a suite directory as {@code FAMILY/NAME.json} (canonical
 * {@code ermbit/1}, with the {@code expected} field when the label is known) and records each in the
 * suite's MANIFEST (replacing an earlier line for the same path).
 */
public final class SuiteWriter {
    private final Path dir;
    private final Labeler labeler;
    private final Manifest manifest;

    public SuiteWriter(Path dir, Labeler labeler) {
        this.dir = dir;
        this.labeler = labeler;
        this.manifest = Manifest.open(dir.resolve(Manifest.FILE_NAME));
    }

    /**
     * Labels, writes and records {@code g}; returns its MANIFEST entry. Throws IllegalArgumentException
     * (nothing written) if the file would be larger than the ermbit/1 reader accepts.
     */
    public ManifestEntry write(Generated g) {
        Label label = labeler.label(g);
        ErmInstance i = g.instance();
        ErmInstance out = new ErmInstance(i.name(), i.description(), i.architecture(), i.domains(), i.fixed(), i.loss(), i.threshold(),
                i.data(), toExpected(label.expected()));
        String rel = g.family() + "/" + i.name() + ".json";
        byte[] json = InstanceWriter.toJson(out).getBytes(StandardCharsets.UTF_8);
        if (json.length > InstanceReader.MAX_FILE_BYTES) {
            throw new IllegalArgumentException("not supported: " + rel + " would be a file of " + json.length
                    + " bytes, past the ermbit/1 cap of " + InstanceReader.MAX_FILE_BYTES + " bytes");
        }
        try {
            Files.createDirectories(dir.resolve(g.family()));
            AtomicFiles.write(dir.resolve(rel), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(rel), e);
        }
        ManifestEntry e = new ManifestEntry(rel, g.family(), g.mode(), label.expected(), label.source());
        manifest.put(e);
        manifest.save();
        return e;
    }

    private static Optional<Expected> toExpected(ExpectedAnswer a) {
        return switch (a.kind()) {
            case SAT -> Optional.of(new Expected.Sat());
            case UNSAT -> Optional.of(new Expected.Unsat());
            case OPTIMUM -> Optional.of(new Expected.Optimum(a.value().orElseThrow()));
            case UNKNOWN -> Optional.empty();
            case COUNT -> throw new IllegalArgumentException("a generated ERM instance has no model count");
        };
    }
}
