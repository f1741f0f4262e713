package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsWriter;
import org.junit.jupiter.api.Test;

/**
 * The component counter with variable elimination of narrow components (default width, and a
 * small width that mixes both paths more) against the same counter branching only, on seeded
 * random 3-CNFs too large for brute force (25–50 variables, clause/variable ratio 1–3).
 */
class EliminationPathTest {

    static Cnf random3Cnf(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 99);
        int n = 25 + rnd.nextInt(26);
        int m = n + rnd.nextInt(2 * n + 1);
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int[] vars = rnd.ints(1, n + 1).distinct().limit(3).toArray();
            for (int k = 0; k < 3; k++) if (rnd.nextBoolean()) vars[k] = -vars[k];
            clauses.add(vars);
        }
        return new Cnf(n, clauses);
    }

    @Test
    void eliminationAgreesWithBranchingOnly() {
        long eliminated = 0;
        for (long seed = 0; seed < 60; seed++) {
            Cnf cnf = random3Cnf(seed);
            BigInteger branching = new ComponentCounter(1 << 26, 1, -1).count(cnf, Limits.none()).exactCount();
            CountResult byDefault = new ComponentCounter(1 << 26, 1).count(cnf, Limits.none());
            CountResult narrow = new ComponentCounter(1 << 26, 2, 4).count(cnf, Limits.none());
            String context = "seed " + seed + "\n" + DimacsWriter.write(cnf);
            assertEquals(branching, byDefault.exactCount(), context);
            assertEquals(branching, narrow.exactCount(), context);
            eliminated += byDefault.stats().eliminated() + narrow.stats().eliminated();
        }
        assertTrue(eliminated > 100, "the elimination path was taken " + eliminated + " times");
    }
}
