package org.ermbit.bench;

/** One benchmark run to do: a solver id on a MANIFEST instance. */
public record Task(String solver, ManifestEntry entry) {
    /** The resume key: solver and instance path. */
    public String key() {
        return key(solver, entry.path());
    }

    static String key(String solver, String instance) {
        return solver + "\u0000" + instance;
    }
}
