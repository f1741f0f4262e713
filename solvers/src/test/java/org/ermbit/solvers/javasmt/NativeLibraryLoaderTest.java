package org.ermbit.solvers.javasmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeLibraryLoaderTest {

    @Test
    void missingLibraryNamesEveryPlaceTried() {
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, () -> NativeLibraryLoader.load("ermbit-no-such-lib"));
        assertTrue(e.getMessage().startsWith("native library libermbit-no-such-lib.so not found (tried ["), e.getMessage());
        for (Path dir : NativeLibraryLoader.directories()) {
            assertTrue(e.getMessage().contains(dir.resolve("libermbit-no-such-lib.so").toString()), e.getMessage());
        }
    }

    @Test
    void propertyDirectoryIsSearchedFirst() {
        String old = System.getProperty(NativeLibraryLoader.DIR_PROPERTY);
        try {
            System.setProperty(NativeLibraryLoader.DIR_PROPERTY, "/opt/somewhere");
            assertEquals(Path.of("/opt/somewhere"), NativeLibraryLoader.directories().get(0));
        } finally {
            if (old == null) System.clearProperty(NativeLibraryLoader.DIR_PROPERTY);
            else System.setProperty(NativeLibraryLoader.DIR_PROPERTY, old);
        }
    }

    @Test
    void mavenBuildPutsNativesWhereTheLoaderLooks() {
        // solvers/target/classes → solvers/target/native (copied by maven-dependency-plugin)
        boolean found = NativeLibraryLoader.directories().stream()
                .anyMatch(d -> d.resolve("libcvc5jni.so").toFile().isFile() && d.resolve("libopensmtjava.so").toFile().isFile());
        assertTrue(found, NativeLibraryLoader.directories().toString());
    }
}
