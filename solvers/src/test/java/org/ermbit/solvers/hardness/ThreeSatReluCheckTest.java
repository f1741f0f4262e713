package org.ermbit.solvers.hardness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;
import org.ermbit.solvers.hardness.ThreeSatReluCheck.Side;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check 3sat-relu} against independent labels: the SATLIB test-set labels of the copied
 * uf20-91 (SAT) and uuf50-218 (UNSAT) files, and brute-force satisfiability of seeded random CNFs.
 * An agreeing SAT check has verified both witness maps (direct model → accepted network; pipeline
 * network → satisfying assignment); an agreeing UNSAT check has a pipeline UNSAT proof.
 */
class ThreeSatReluCheckTest {

    private final ThreeSatReluCheck check = new ThreeSatReluCheck(ErmOptions.defaults());

    static Stream<Arguments> satlib() throws IOException {
        List<Arguments> out = new ArrayList<>();
        String[] lines = text("satlib/expected.tsv").split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] row = lines[i].split("\t");
            out.add(Arguments.of(row[0], Side.valueOf(row[1])));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("satlib")
    void agreesWithTheSatlibLabel(String file, Side label) throws IOException {
        Cnf cnf = DimacsReader.parse(text("satlib/" + file), file);
        ThreeSatReluCheck.Report r = check.check(cnf);
        assertEquals(List.of(), r.problems(), file);
        assertTrue(r.agree());
        assertEquals(label, r.source(), file + " direct answer");
        assertEquals(label, r.target(), file + " reduced instance");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithBruteForceOnRandomFormulas(long seed) {
        Random rnd = new Random(seed);
        int n = 1 + rnd.nextInt(6);
        int m = rnd.nextInt(4 * n + 2);
        List<int[]> clauses = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            int k = 1 + rnd.nextInt(3);
            int[] clause = new int[k];
            for (int t = 0; t < k; t++) clause[t] = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
            clauses.add(clause);
        }
        Cnf cnf = new Cnf(n, clauses);
        Side expected = bruteForce(cnf) ? Side.SAT : Side.UNSAT;
        ThreeSatReluCheck.Report r = check.check(cnf);
        assertEquals(List.of(), r.problems());
        assertEquals(expected, r.source());
        assertEquals(expected, r.target());
    }

    private static boolean bruteForce(Cnf cnf) {
        int n = cnf.variables();
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean[] a = new boolean[n + 1];
            for (int v = 1; v <= n; v++) a[v] = ((mask >> (v - 1)) & 1) == 1;
            if (cnf.isSatisfiedBy(a)) return true;
        }
        return false;
    }

    private static String text(String path) throws IOException {
        try (InputStream in = ThreeSatReluCheckTest.class.getResourceAsStream("/" + path)) {
            if (in == null) throw new IllegalStateException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
