package org.ermbit.solvers.hardness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.solvers.HardModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The direct side of {@code ermbit check 3sat-relu}: answers against brute force on random 3-CNFs,
 * every UNSAT with the DRAT proof of Sat4j's learned clauses checked, every SAT with a model.
 */
class CnfSat4jTest {

    /** A random 3-CNF over 14 variables with distinct variables per clause; 60–90 clauses straddle the threshold. */
    private static Cnf random3Cnf(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int vars = 14;
        int clauses = 60 + rnd.nextInt(31);
        List<int[]> cs = new ArrayList<>();
        for (int c = 0; c < clauses; c++) {
            int a = 1 + rnd.nextInt(vars);
            int b;
            int d;
            do {
                b = 1 + rnd.nextInt(vars);
            } while (b == a);
            do {
                d = 1 + rnd.nextInt(vars);
            } while (d == a || d == b);
            cs.add(new int[] {rnd.nextBoolean() ? a : -a, rnd.nextBoolean() ? b : -b, rnd.nextBoolean() ? d : -d});
        }
        return new Cnf(vars, cs);
    }

    private static boolean satisfiableByBruteForce(Cnf cnf) {
        boolean[] x = new boolean[cnf.variables() + 1];
        for (long m = 0; m < 1L << cnf.variables(); m++) {
            for (int v = 1; v <= cnf.variables(); v++) x[v] = (m >> (v - 1) & 1) == 1;
            if (cnf.isSatisfiedBy(x)) return true;
        }
        return false;
    }

    @Test
    void agreesWithBruteForceAndCertifiesEveryUnsat() {
        int unsat = 0;
        for (long seed = 0; seed < 120; seed++) {
            Cnf cnf = random3Cnf(seed);
            CnfSat4j.Answer a = CnfSat4j.solve(cnf, Limits.none());
            boolean sat = satisfiableByBruteForce(cnf);
            assertEquals(Optional.of(sat), a.satisfiable(), "seed " + seed);
            assertEquals(sat, a.model().isPresent(), "seed " + seed);
            assertEquals(!sat, a.certificate().isPresent(), "seed " + seed);
            if (!sat) {
                unsat++;
                assertEquals("DRAT", a.certificate().get().format());
                assertTrue(a.certificate().get().summary().matches("DRAT proof of its CNF checked: [0-9]+ lemmas?"), a.certificate().get().summary());
            }
        }
        assertTrue(unsat >= 20 && unsat <= 100, "both answers must be well represented: " + unsat + " UNSAT of 120");
    }

    /** Pigeonholes (exponential for resolution, so Sat4j learns and deletes many clauses) and an empty clause. */
    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 7})
    void refutationsComeWithCheckedProofs(int pigeons) {
        Cnf cnf = pigeons == 0 ? new Cnf(2, List.of(new int[] {1, 2}, new int[] {})) : HardModels.pigeonholeCnf(pigeons);
        CnfSat4j.Answer a = CnfSat4j.solve(cnf, Limits.none());
        assertEquals(Optional.of(false), a.satisfiable());
        assertTrue(a.certificate().orElseThrow().summary().startsWith("DRAT proof of its CNF checked: "), a.certificate().toString());
        if (pigeons == 0) assertEquals("DRAT proof of its CNF checked: 0 lemmas", a.certificate().get().summary());
    }
}
