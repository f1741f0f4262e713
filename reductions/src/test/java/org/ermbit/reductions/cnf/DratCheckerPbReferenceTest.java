package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerPbFormulas.Formula;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.ermbit.reductions.cnf.DratCheckerReferenceTest.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker with pseudo-Boolean constraints against the naive reference ({@link Reference}: BigInteger,
 * unsaturated constraints, propagation from scratch over everything for every lemma, deletions of one
 * clause with the same literal set), on random small formulas of clauses and constraints (coefficients
 * beyond 2^31 among them) and random proofs (implied lemmas, resolvents, copies, random clauses,
 * deletions; see {@link DratCheckerPbFormulas#proof}): the same outcome, failing lemma and where it is,
 * or counters, in both encodings and with compaction after every deletion.
 */
class DratCheckerPbReferenceTest {

    static final int SEEDS = 400;
    private static final AtomicLong VERIFIED = new AtomicLong();
    private static final AtomicLong VERIFIED_BY_LEMMAS = new AtomicLong();
    private static final AtomicLong NOT_RUP = new AtomicLong();
    private static final AtomicLong DELETIONS = new AtomicLong();
    private static final AtomicLong RUNS = new AtomicLong();

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    /** 5..10 variables, n..4n clauses of 3 literals, 1..n/2+1 constraints. */
    static Formula randomFormula(Random rnd) {
        int n = 5 + rnd.nextInt(6);
        List<int[]> clauses = new ArrayList<>();
        int m = n + rnd.nextInt(3 * n + 1);
        for (int i = 0; i < m; i++) clauses.add(DratCheckerReferenceTest.randomClause(rnd, n, 3));
        List<PbConstraint> pb = new ArrayList<>();
        int k = 1 + rnd.nextInt(n / 2 + 1);
        for (int i = 0; i < k; i++) pb.add(DratCheckerPbFormulas.randomConstraint(rnd, n));
        return new Formula(new Cnf(n, clauses), pb);
    }

    /** A random formula that propagation alone does not refute but the DPLL of the test does. */
    static Formula unsatisfiableFormula(Random rnd) {
        while (true) {
            Formula f = randomFormula(rnd);
            if (new Reference(f.cnf(), f.pb()).closure(List.of()) != null && DratCheckerPbFormulas.dpll(rnd, f) != null) return f;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameOutcomeAsTheReference(long seed) {
        Random rnd = new Random(seed);
        Formula f = seed % 2 == 0 ? randomFormula(rnd) : unsatisfiableFormula(rnd);
        List<Step> steps = DratCheckerPbFormulas.proof(f, rnd);
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck expected = new Reference(f.cnf(), f.pb()).run(steps, DratCheckerProofs.where(steps, format));
            assertEquals(expected, DratCheckerProofs.check(f.cnf(), f.pb(), steps, format), "seed " + seed + " " + f + " " + steps);
            assertEquals(expected, DratCheckerProofs.checkCompacting(f.cnf(), f.pb(), steps, format), "seed " + seed);
            if (format == Format.TEXT) count(expected);
        }
        RUNS.incrementAndGet();
    }

    private static void count(ProofCheck r) {
        if (r instanceof ProofCheck.Verified v) {
            VERIFIED.incrementAndGet();
            if (v.lemmas() > 0) VERIFIED_BY_LEMMAS.incrementAndGet();
            DELETIONS.addAndGet(v.deletions());
        } else if (r instanceof ProofCheck.Refuted refuted && refuted.reason().contains("is not RUP")) {
            NOT_RUP.incrementAndGet();
        }
    }

    /** Both outcomes come up, verified proofs with lemmas and deletions (only checked after a full run). */
    @AfterAll
    static void bothOutcomes() {
        if (RUNS.get() < SEEDS) return;
        assertTrue(VERIFIED_BY_LEMMAS.get() >= SEEDS / 10, "verified by lemmas: " + VERIFIED_BY_LEMMAS.get()
                + " (verified: " + VERIFIED.get() + ")");
        assertTrue(NOT_RUP.get() >= SEEDS / 10, "refuted, not RUP: " + NOT_RUP.get());
        assertTrue(DELETIONS.get() >= SEEDS / 10, "deletions in verified proofs: " + DELETIONS.get());
    }
}
