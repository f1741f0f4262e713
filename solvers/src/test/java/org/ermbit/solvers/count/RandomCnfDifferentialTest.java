package org.ermbit.solvers.count;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both counters against brute force on 1,200 seeded random small CNFs (0..12 variables, clause
 * lengths 0..4, duplicate literals, tautologies, unused variables and empty clauses occur).
 */
class RandomCnfDifferentialTest {
    private static final BruteForceCounter ORACLE = new BruteForceCounter();

    static LongStream seeds() {
        return LongStream.range(0, 1200);
    }

    /** A random CNF; the seed decides everything, so failures are reproducible. */
    static Cnf randomCnf(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        int n = rnd.nextInt(13);
        // vary the density so that satisfiable, unsatisfiable and many-model formulas all occur
        int m = rnd.nextInt(1 + Math.max(1, n) * (1 + rnd.nextInt(5)));
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int len = n == 0 ? 0 : (rnd.nextInt(40) == 0 ? 0 : 1 + rnd.nextInt(4));
            // restrict literals to a prefix of the variables sometimes, leaving some unused
            int range = n == 0 ? 0 : 1 + rnd.nextInt(n);
            int[] c = new int[len];
            for (int k = 0; k < len; k++) {
                int v = 1 + rnd.nextInt(range);
                c[k] = rnd.nextBoolean() ? v : -v;
            }
            if (len >= 2 && rnd.nextInt(8) == 0) c[1] = c[0]; // duplicate literal
            if (len >= 2 && rnd.nextInt(10) == 0) c[1] = -c[0]; // tautology
            clauses.add(c);
        }
        return new Cnf(n, clauses);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void componentCounterAgreesWithBruteForce(long seed) {
        Cnf cnf = randomCnf(seed);
        BigInteger expected = ORACLE.count(cnf, Limits.none()).exactCount();
        assertEquals(expected, new ComponentCounter().count(cnf, Limits.none()).exactCount(),
                () -> "seed " + seed + "\n" + DimacsWriter.write(cnf));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void logicNgCounterAgreesWithBruteForce(long seed) {
        Cnf cnf = randomCnf(seed);
        BigInteger expected = ORACLE.count(cnf, Limits.none()).exactCount();
        assertEquals(expected, new LogicNgCounter().count(cnf, Limits.none()).exactCount(),
                () -> "seed " + seed + "\n" + DimacsWriter.write(cnf));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tinyCacheGivesTheSameCount(long seed) {
        if (seed % 4 != 0) return; // a quarter of the seeds: the cache is emptied all the time
        Cnf cnf = randomCnf(seed);
        BigInteger expected = ORACLE.count(cnf, Limits.none()).exactCount();
        assertEquals(expected, new ComponentCounter(200).count(cnf, Limits.none()).exactCount(),
                () -> "seed " + seed + "\n" + DimacsWriter.write(cnf));
    }

    /**
     * Copies of the formula on disjoint variable blocks until at least 40 variables occur in
     * clauses (the parallel cube split needs that many), declared over at least 40: its count is
     * the brute-force count to the power of the copies, times 2 for each variable of no block.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void parallelCubesAgreeWithBruteForceOnCopies(long seed) {
        if (seed % 2 != 0) return; // half of the seeds
        Cnf cnf = randomCnf(seed);
        int used = ComponentCounter.withoutUnusedVariables(cnf).variables();
        if (used == 0) return;
        BigInteger single = ORACLE.count(cnf, Limits.none()).exactCount();
        int copies = (ComponentCounter.PARALLEL_MIN_VARIABLES + used - 1) / used;
        List<int[]> clauses = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            int shift = k * cnf.variables();
            for (int[] c : cnf.clauses()) {
                int[] shifted = new int[c.length];
                for (int i = 0; i < c.length; i++) shifted[i] = c[i] > 0 ? c[i] + shift : c[i] - shift;
                clauses.add(shifted);
            }
        }
        int vars = Math.max(ComponentCounter.PARALLEL_MIN_VARIABLES, copies * cnf.variables());
        Cnf copied = new Cnf(vars, clauses);
        BigInteger expected = single.pow(copies).shiftLeft(vars - copies * cnf.variables());
        assertEquals(expected, new ComponentCounter(1 << 20, 2).count(copied, Limits.none()).exactCount(),
                () -> "seed " + seed + "\n" + DimacsWriter.write(copied));
    }
}
