package org.ermbit.solvers.javasmt;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads java-smt's native solver libraries ({@code lib<name>.so}) by absolute path, so no
 * {@code java.library.path} setup is needed. Search order: the directory in system property
 * {@value #DIR_PROPERTY}; {@code native/} next to the solvers jar (or classes directory) and one
 * level up (maven puts them in {@code solvers/target/native}); finally {@link System#loadLibrary}.
 * Libraries a JNI library links against without a usable run path are loaded first (OpenSMT's
 * binding needs {@code libopensmt.so.2.6.1}, matched by the soname of the preloaded
 * {@code libopensmt.so}); CVC5's libraries carry {@code RUNPATH $ORIGIN}, so loading
 * {@code libcvc5jni.so} by absolute path lets the dynamic linker find libcvc5, libpolyxx and libpoly
 * next to it (preloading libpolyxx alone would fail: its own run path is broken).
 */
public final class NativeLibraryLoader {
    /** System property naming a directory holding {@code lib<name>.so} files. */
    public static final String DIR_PROPERTY = "ermbit.native.dir";

    private static final Map<String, List<String>> PREREQUISITES = Map.of(
            "opensmtjava", List.of("opensmt"));
    private static final Set<String> LOADED = new HashSet<>();

    private NativeLibraryLoader() {
    }

    /** Loads {@code lib<name>.so} and its prerequisites; throws UnsatisfiedLinkError naming the places tried. */
    public static synchronized void load(String name) {
        for (String p : PREREQUISITES.getOrDefault(name, List.of())) loadOne(p);
        loadOne(name);
    }

    private static void loadOne(String name) {
        if (LOADED.contains(name)) return;
        String file = System.mapLibraryName(name);
        List<Path> tried = new ArrayList<>();
        for (Path dir : directories()) {
            Path f = dir.resolve(file);
            tried.add(f);
            if (Files.isRegularFile(f)) {
                System.load(f.toAbsolutePath().toString());
                LOADED.add(name);
                return;
            }
        }
        try {
            System.loadLibrary(name);
            LOADED.add(name);
        } catch (UnsatisfiedLinkError e) {
            throw new UnsatisfiedLinkError("native library " + file + " not found (tried " + tried + " and java.library.path)");
        }
    }

    /** The directories searched, in order. */
    public static List<Path> directories() {
        List<Path> dirs = new ArrayList<>();
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) dirs.add(Path.of(prop));
        try {
            File here = new File(NativeLibraryLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            File base = here.isFile() ? here.getParentFile() : here;
            dirs.add(base.toPath().resolve("native"));
            if (base.getParentFile() != null) dirs.add(base.getParentFile().toPath().resolve("native"));
        } catch (URISyntaxException | RuntimeException e) {
            // no code source: only the property and java.library.path
        }
        return dirs;
    }
}
