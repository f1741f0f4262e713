package org.ermbit.solvers.count;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads test resources (copied from /work/shared/cases, see the PROVENANCE.md files). */
final class Resources {
    private Resources() {}

    static String text(String path) {
        try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a TSV resource without its header line, split on tabs. */
    static List<String[]> tsv(String path) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = text(path).split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) rows.add(lines[i].split("\t"));
        }
        return rows;
    }
}
