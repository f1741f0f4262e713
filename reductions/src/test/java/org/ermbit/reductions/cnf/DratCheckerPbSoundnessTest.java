package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerPbFormulas.Formula;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soundness with pseudo-Boolean constraints: on formulas that are satisfiable — a random assignment
 * is planted, and every clause and constraint is checked against it here — no proof may be verified.
 * Proofs tried for each seed, in both encodings: random clauses and deletions
 * ({@link DratCheckerSoundnessTest#randomProof}); mostly implied lemmas ({@link DratCheckerPbFormulas#proof})
 * with the empty clause last; and the DPLL proof ({@link DratCheckerPbFormulas#dpll}) of a stronger,
 * unsatisfiable formula (this one plus random clauses and constraints), so that checking gets deep.
 */
class DratCheckerPbSoundnessTest {

    static final int SEEDS = 3000;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicLong LEMMAS_REACHED = new AtomicLong();

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    /** A random assignment of n in 5..12 variables (index 0 unused), for {@link #planted}. */
    static boolean[] randomModel(Random rnd) {
        int n = 5 + rnd.nextInt(8);
        boolean[] model = new boolean[n + 1];
        for (int v = 1; v <= n; v++) model[v] = rnd.nextBoolean();
        return model;
    }

    /** n in 5..12 variables, n..3n clauses of 3 literals and 1..n/2+1 constraints the planted model satisfies. */
    static Formula planted(Random rnd, boolean[] model) {
        int n = model.length - 1;
        List<int[]> clauses = new ArrayList<>();
        int m = n + rnd.nextInt(2 * n + 1);
        while (clauses.size() < m) {
            int[] c = DratCheckerSoundnessTest.randomClause(rnd, n, 3);
            if (DratCheckerSoundnessTest.satisfies(model, c)) clauses.add(c);
        }
        List<PbConstraint> pb = new ArrayList<>();
        int k = 1 + rnd.nextInt(n / 2 + 1);
        for (int i = 0; i < k; i++) pb.add(DratCheckerPbFormulas.plantedConstraint(rnd, n, model));
        return new Formula(new Cnf(n, clauses), pb);
    }

    /** The DPLL proof of f with random clauses and constraints added until it is unsatisfiable. */
    static List<Step> strongerProof(Random rnd, Formula f) {
        int n = f.cnf().variables();
        List<int[]> clauses = new ArrayList<>(f.cnf().clauses());
        List<PbConstraint> pb = new ArrayList<>(f.pb());
        while (true) {
            if (rnd.nextBoolean()) {
                pb.add(DratCheckerPbFormulas.randomConstraint(rnd, n));
            } else {
                clauses.add(DratCheckerSoundnessTest.randomClause(rnd, n, 3));
            }
            List<Step> proof = DratCheckerPbFormulas.dpll(rnd, new Formula(new Cnf(n, clauses), pb));
            if (proof != null) return proof;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void nothingVerifiesASatisfiableFormula(long seed) {
        Random rnd = new Random(seed);
        boolean[] model = randomModel(rnd);
        Formula f = planted(rnd, model);
        assertTrue(f.cnf().isSatisfiedBy(model), "the planted model");
        for (PbConstraint p : f.pb()) assertTrue(p.isSatisfiedBy(model), "the planted model on " + p);
        List<Step> random = DratCheckerSoundnessTest.randomProof(rnd, f.cnf());
        List<Step> implied = new ArrayList<>(DratCheckerPbFormulas.proof(f, rnd));
        implied.add(Step.add());
        List<Step> stronger = strongerProof(rnd, f);
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            for (List<Step> proof : List.of(random, implied, stronger)) {
                ProofCheck r = DratCheckerProofs.check(f.cnf(), f.pb(), proof, format);
                assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " " + format + " " + f + " " + proof + ": " + r);
                if (format == Format.TEXT && proof != random) count(r);
            }
            ProofCheck r = DratCheckerProofs.checkCompacting(f.cnf(), f.pb(), stronger, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " compacting " + format + ": " + r);
        }
        RUNS.incrementAndGet();
    }

    private static void count(ProofCheck r) {
        if (r instanceof ProofCheck.Refuted refuted && refuted.reason().startsWith("lemma ")) {
            LEMMAS_REACHED.addAndGet(Long.parseLong(refuted.reason().split(" ")[1]));
        }
    }

    /**
     * The implied-lemma and DPLL proofs get deep before they fail: more than 5 lemmas per seed on
     * average (only checked after a full run).
     */
    @AfterAll
    static void checkingGotDeep() {
        if (RUNS.get() < SEEDS) return;
        assertTrue(LEMMAS_REACHED.get() > 5L * SEEDS, "lemmas reached: " + LEMMAS_REACHED.get());
    }
}
