package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ermbit solve --real}: tls-real-below has threshold 50380732/10^9 < (10 − √97)/3 ≈ 0.0503807327
 * (so no real parameters), sqrt2-square needs b = ±√2 (printed as a root-obj of x² − 2).
 */
class SolveRealTest {

    @TempDir
    Path dir;

    private String[] run(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/realram/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"solve", "--real", p.toString()}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        return new String[] {String.valueOf(code), out.toString()};
    }

    @Test
    void belowTheRealOptimumIsUnsatOverTheReals() throws IOException {
        String[] r = run("tls-real-below.json");
        assertEquals("20", r[0], r[1]);
        assertTrue(r[1].contains("\ns UNSATISFIABLE\n"), r[1]);
    }

    @Test
    void sqrt2IsPrintedAsARootObject() throws IOException {
        String[] r = run("sqrt2-square.json");
        assertEquals("10", r[0], r[1]);
        assertTrue(r[1].contains("(root-obj (+ (^ x 2) (- 2))"), r[1]);
    }
}
