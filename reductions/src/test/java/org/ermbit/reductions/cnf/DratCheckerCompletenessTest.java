package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Completeness on random small CNFs: when brute force says unsatisfiable, the proof a tiny DPLL writes
 * (see {@link DratCheckerDpll}), with some of its lemmas deleted once they are no longer needed and
 * with extended-resolution definitions of fresh variables (RAT lemmas) spliced in, must be verified in
 * both encodings. When brute force says satisfiable, the same machinery's proof must not be.
 */
class DratCheckerCompletenessTest {

    static final int SEEDS = 600;

    private static final AtomicInteger UNSAT = new AtomicInteger();
    private static final AtomicInteger SAT = new AtomicInteger();
    private static final AtomicLong RAT = new AtomicLong();
    private static final AtomicLong DELETIONS = new AtomicLong();
    private static final AtomicInteger RUNS = new AtomicInteger();

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    /**
     * n in 4..12 variables, 3.5n..6n clauses (around the 3-SAT threshold, so that both answers come up
     * and the search trees are not trivial) of mostly 3 literals, some of 2 or 4, rarely 1, with
     * repeated literals now and then.
     */
    static Cnf randomCnf(Random rnd) {
        int n = 4 + rnd.nextInt(9);
        int m = (7 * n) / 2 + rnd.nextInt(5 * n / 2 + 1);
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int kind = rnd.nextInt(40);
            int k = kind == 0 ? 1 : kind < 4 ? 2 : kind < 7 ? 4 : 3;
            int[] c = new int[k];
            for (int j = 0; j < k; j++) c[j] = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
            clauses.add(c);
        }
        return new Cnf(n, clauses);
    }

    /**
     * Splices in, at random points, definitions x := a ∧ b of fresh variables x beyond the CNF's:
     * (-x a), (-x b), (x -a -b), each RAT on its first literal (x occurs nowhere before them; the last
     * one's resolvents with the first two are tautologies). Adding clauses keeps every RUP lemma RUP.
     */
    static List<Step> withDefinitions(List<Step> proof, int n, Random rnd) {
        List<Step> out = new ArrayList<>();
        int fresh = n;
        for (Step s : proof) {
            if (rnd.nextInt(8) == 0) {
                int x = ++fresh + rnd.nextInt(3) * 1000; // some gaps among the fresh variables
                fresh = x;
                int a = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
                int b = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
                out.add(Step.add(-x, a));
                out.add(Step.add(-x, b));
                out.add(Step.add(x, -a, -b));
                if (rnd.nextBoolean()) out.add(Step.del(-b, x, -a));
            }
            out.add(s);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dpllProofsOfUnsatisfiableCnfsCheck(long seed) {
        Random rnd = new Random(seed);
        Cnf cnf = randomCnf(rnd);
        boolean sat = DratCheckerDpll.bruteForceSatisfiable(cnf);
        DratCheckerDpll.Search search = DratCheckerDpll.search(cnf, rnd, seed % 3 != 0, seed % 4 < 2);
        assertEquals(sat, search.satisfiable(), "DPLL and brute force disagree, seed " + seed);
        List<Step> proof = seed % 2 == 0 ? withDefinitions(search.proof(), cnf.variables(), rnd) : search.proof();
        long deletionSteps = proof.stream().filter(Step::deletion).count();
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck r = DratCheckerProofs.check(cnf, proof, format);
            assertEquals(r, DratCheckerProofs.checkCompacting(cnf, proof, format), "compacting changes nothing, seed " + seed);
            if (sat) {
                assertFalse(r instanceof ProofCheck.Verified, "satisfiable CNF verified, seed " + seed + " " + format);
            } else {
                ProofCheck.Verified v = assertInstanceOf(ProofCheck.Verified.class, r, "seed " + seed + " " + format);
                assertTrue(v.lemmas() <= DratCheckerProofs.additions(proof), "seed " + seed);
                assertTrue(v.ratLemmas() <= v.lemmas(), "seed " + seed);
                assertTrue(v.deletions() + v.ignoredDeletions() <= deletionSteps, "seed " + seed);
                if (format == Format.TEXT) {
                    RAT.addAndGet(v.ratLemmas());
                    DELETIONS.addAndGet(v.deletions());
                }
            }
        }
        (sat ? SAT : UNSAT).incrementAndGet();
        RUNS.incrementAndGet();
    }

    /** The seeds must exercise both outcomes, RAT lemmas and deletions (only checked after a full run). */
    @AfterAll
    static void theSeedsCoverBothSides() {
        if (RUNS.get() < SEEDS) return;
        assertTrue(UNSAT.get() >= SEEDS / 5, "unsatisfiable CNFs: " + UNSAT.get());
        assertTrue(SAT.get() >= SEEDS / 5, "satisfiable CNFs: " + SAT.get());
        assertTrue(RAT.get() >= 50, "RAT lemmas in verified proofs: " + RAT.get());
        assertTrue(DELETIONS.get() >= 100, "deletions in verified proofs: " + DELETIONS.get());
    }
}
