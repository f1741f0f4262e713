package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ermbit solve} on polynomial-activation instances: exhaustive route, bit growth printed, honest UNKNOWN. */
class PolynomialSolveCliTest {

    @TempDir
    Path dir;

    private static final String NET = """
            {"format": "ermbit/1", "name": "square",
             "network": {"inputs": 1, "layers": [
               {"units": 1, "activation": {"type": "polynomial", "coefficients": ["0", "0", "1"]}},
               {"units": 1, "activation": "identity"}]},
             "parameters": {"domain": "fixed", "bits": 2, "fraction_bits": 0},
             "loss": {"type": "squared", "aggregate": "sum"}, "threshold": "0",
             "data": {"inputs": [[1], [2]], "targets": [[Y1], [4]]}}
            """;

    private Path instance(String name, String y1) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, NET.replace("Y1", y1));
        return p;
    }

    @Test
    void satisfiable() throws IOException {
        CliRun r = CliRun.of("solve", instance("sat.json", "1").toString()); // hand: w1 = w2 = 1, b = 0
        assertEquals(10, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("c route exhaustive\n"), r.out());
        assertTrue(r.out().contains("bit growth: degree^depth = 2·1 = 2"), r.out());
        assertTrue(r.out().contains("s SATISFIABLE"), r.out());
    }

    @Test
    void unsatisfiable() throws IOException {
        // hand: |output at x = 1| ≤ 2·(2 + 2)² + 2 = 34 < 100
        CliRun r = CliRun.of("solve", instance("unsat.json", "-100").toString());
        assertEquals(20, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("s UNSATISFIABLE"), r.out());
        assertTrue(r.out().contains("c proved by exhaustive enumeration"), r.out());
    }

    @Test
    void overBudgetIsUnknownWithTheReason() throws IOException {
        // v1 = 2 squared 17 times: the reduced network computes 2^(2^17), 131,073 bits > the default budget 65,536
        StringBuilder text = new StringBuilder("1 = 0 + 0\n");
        for (int k = 2; k <= 18; k++) text.append(k).append(" = ").append(k - 1).append(" * ").append(k - 1).append('\n');
        Path slp = dir.resolve("p.slp");
        Files.writeString(slp, text.toString());
        Path inst = dir.resolve("p.json");
        assertEquals(0, CliRun.of("reduce", "posslp-gradsign", slp.toString(), "-o", inst.toString()).exit());
        CliRun r = CliRun.of("solve", inst.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("s UNKNOWN"), r.out());
        assertTrue(r.out().contains("c reason: an intermediate value needs"), r.out());
        assertTrue(r.out().contains("bit growth: degree^depth = 2^17·1^2 = 131072"), r.out());
    }
}
