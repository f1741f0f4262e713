package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerPbFormulas.Formula;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sat4j.core.LiteralsUtils;
import org.sat4j.core.Vec;
import org.sat4j.core.VecInt;
import org.sat4j.pb.IPBSolver;
import org.sat4j.pb.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolverService;
import org.sat4j.specs.IVec;
import org.sat4j.specs.SearchListenerAdapter;
import org.sat4j.specs.TimeoutException;

/**
 * Completeness on proofs from a real solver: Sat4j's default pseudo-Boolean solver (resolution-based:
 * it learns clauses) is given the same clauses and normalised constraints as the checker (d ≤ 0
 * skipped), and the clauses it learns, learns as units and deletes are recorded as a clausal proof,
 * the empty clause last. Whenever Sat4j answers UNSAT, that proof must be verified, in both encodings.
 * Formulas: random constraints (coefficients beyond 2^31 among them) and 3-clauses over 10..20
 * variables, added until Sat4j says UNSAT; and pigeonhole formulas with cardinality constraints.
 */
class DratCheckerSat4jTest {

    static final int SEEDS = 60;
    private static final AtomicLong LEMMAS = new AtomicLong();
    private static final AtomicLong DELETIONS = new AtomicLong();
    private static final AtomicLong RUNS = new AtomicLong();

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    static IntStream holes() {
        return IntStream.rangeClosed(1, 6);
    }

    /** What Sat4j learned and deleted while solving, as proof steps. */
    static final class Recorder extends SearchListenerAdapter<ISolverService> {
        final List<Step> steps = new ArrayList<>();

        @Override
        public void learn(IConstr c) {
            steps.add(Step.add(literals(c)));
        }

        @Override
        public void learnUnit(int p) {
            steps.add(Step.add(p));
        }

        @Override
        public void delete(IConstr c) {
            steps.add(Step.del(literals(c)));
        }

        private static int[] literals(IConstr c) {
            int[] lits = new int[c.size()];
            for (int i = 0; i < lits.length; i++) lits[i] = LiteralsUtils.toDimacs(c.get(i));
            return lits;
        }
    }

    /** Sat4j's proof of unsatisfiability of {@code f}, the empty clause last; null when it finds a model. */
    static List<Step> sat4jProof(Formula f) {
        IPBSolver solver = SolverFactory.newDefault();
        solver.newVar(f.cnf().variables());
        solver.setTimeout(600); // a safety net only: these formulas take milliseconds
        Recorder recorder = new Recorder();
        solver.setSearchListener(recorder);
        try {
            for (int[] c : f.cnf().clauses()) solver.addClause(new VecInt(c));
            for (PbConstraint p : f.pb()) {
                if (p.degree().signum() <= 0) continue;
                IVec<BigInteger> coefs = new Vec<>(p.coefficients());
                solver.addAtLeast(new VecInt(p.literals()), coefs, p.degree());
            }
        } catch (ContradictionException e) {
            return List.of(Step.add()); // refuted while loading: propagation alone must conflict
        }
        try {
            if (solver.isSatisfiable()) return null;
        } catch (TimeoutException e) {
            throw new AssertionError("Sat4j timed out on " + f, e);
        }
        recorder.steps.add(Step.add());
        return recorder.steps;
    }

    /**
     * Σ aᵢ·ℓᵢ ≥ ⌊Σa/2⌋ over 4..6 distinct variables, coefficients 1..3 (so that one constraint alone
     * seldom forces anything); one in four scaled by a factor beyond 2^32 (the same constraint, with
     * large numbers).
     */
    static PbConstraint halfConstraint(Random rnd, int n) {
        int[] vars = DratCheckerSoundnessTest.randomClause(rnd, n, 4 + rnd.nextInt(3));
        BigInteger scale = rnd.nextInt(4) == 0 ? BigInteger.ONE.shiftLeft(32).add(BigInteger.valueOf(rnd.nextInt(1000))) : BigInteger.ONE;
        BigInteger[] coefs = new BigInteger[vars.length];
        long sum = 0;
        for (int i = 0; i < vars.length; i++) {
            long a = 1 + rnd.nextInt(3);
            sum += a;
            coefs[i] = BigInteger.valueOf(a).multiply(scale);
        }
        return new PbConstraint(vars, coefs, BigInteger.valueOf(sum / 2).multiply(scale));
    }

    /**
     * Random formulas over 10..20 variables: ({@link #halfConstraint} mostly, {@link
     * DratCheckerPbFormulas#randomConstraint} and 3-clauses now and then), n/2 of them, then one more
     * each time, each formula drawn afresh, until Sat4j says UNSAT: near the threshold, so that it has
     * to search rather than fail on the last addition.
     */
    static Formula unsatisfiable(Random rnd, List<List<Step>> proofOut) {
        int n = 10 + rnd.nextInt(11);
        for (int m = n / 2; ; m++) {
            List<int[]> clauses = new ArrayList<>();
            List<PbConstraint> pb = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                int kind = rnd.nextInt(16);
                if (kind == 0) {
                    clauses.add(DratCheckerSoundnessTest.randomClause(rnd, n, 3));
                } else if (kind == 1) {
                    pb.add(DratCheckerPbFormulas.randomConstraint(rnd, n));
                } else {
                    pb.add(halfConstraint(rnd, n));
                }
            }
            Formula f = new Formula(new Cnf(n, clauses), pb);
            List<Step> proof = sat4jProof(f);
            if (proof != null) {
                proofOut.add(proof);
                return f;
            }
        }
    }

    /**
     * Pigeonhole: p+1 pigeons, p holes, x(i,j) = pigeon i in hole j; every pigeon somewhere (a clause,
     * or the constraint Σ x(i,j) ≥ 1 for odd p), every hole at most one pigeon: Σ ¬x(i,j) ≥ p.
     */
    static Formula pigeonhole(int p) {
        int n = (p + 1) * p;
        List<int[]> clauses = new ArrayList<>();
        List<PbConstraint> pb = new ArrayList<>();
        for (int i = 0; i < p + 1; i++) {
            int[] somewhere = new int[p];
            for (int j = 0; j < p; j++) somewhere[j] = i * p + j + 1;
            if (p % 2 == 0) {
                clauses.add(somewhere);
            } else {
                pb.add(PbConstraint.of(somewhere, ones(p), 1));
            }
        }
        for (int j = 0; j < p; j++) {
            int[] notHere = new int[p + 1];
            for (int i = 0; i < p + 1; i++) notHere[i] = -(i * p + j + 1);
            pb.add(PbConstraint.of(notHere, ones(p + 1), p));
        }
        return new Formula(new Cnf(n, clauses), pb);
    }

    private static long[] ones(int k) {
        long[] a = new long[k];
        Arrays.fill(a, 1);
        return a;
    }

    static void assertVerified(Formula f, List<Step> proof, String what) {
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck r = DratCheckerProofs.check(f.cnf(), f.pb(), proof, format);
            assertInstanceOf(ProofCheck.Verified.class, r, what + " " + format + ": " + r + "\n" + f + "\n" + proof);
            if (format == Format.TEXT) {
                LEMMAS.addAndGet(((ProofCheck.Verified) r).lemmas());
                DELETIONS.addAndGet(((ProofCheck.Verified) r).deletions());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sat4jProofsOfRandomFormulasCheck(long seed) {
        List<List<Step>> proof = new ArrayList<>();
        Formula f = unsatisfiable(new Random(seed), proof);
        assertTrue(DratChecker.supports(f.pb()));
        assertVerified(f, proof.get(0), "seed " + seed);
        RUNS.incrementAndGet();
    }

    @ParameterizedTest
    @MethodSource("holes")
    void sat4jProofsOfPigeonholeFormulasCheck(int p) {
        Formula f = pigeonhole(p);
        List<Step> proof = sat4jProof(f);
        assertTrue(proof != null, "Sat4j finds no model of pigeonhole " + p);
        assertVerified(f, proof, "pigeonhole " + p);
    }

    /** The proofs are not trivial: lemmas came up (only checked after a full run). */
    @AfterAll
    static void proofsWereNotTrivial() {
        if (RUNS.get() < SEEDS) return;
        assertTrue(LEMMAS.get() >= 3L * SEEDS, "lemmas: " + LEMMAS.get() + ", deletions: " + DELETIONS.get());
    }
}
