package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import static org.ermbit.reductions.cnf.DratCheckerProofs.shuffled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soundness, the property that matters most: on CNFs that are satisfiable — by construction, a random
 * assignment is planted and every clause is checked against it here — no proof may be verified,
 * however it is made. Proofs tried for each seed, in both encodings:
 * <ul>
 *   <li>random clauses (fresh variables included, so some are RAT), random deletions of clauses of the
 *       CNF and of earlier lemmas (reasons of top-level assignments among them), the empty clause last;</li>
 *   <li>mostly genuine resolvents of live clauses (each RUP), with a few random clauses and deletions
 *       among them and the empty clause last, so that checking gets deep before it must fail;</li>
 *   <li>units (of the CNF's variables and of fresh ones), their negations, binary clauses, deletions
 *       of recent lemmas (often the reason of a top-level assignment) and of clauses of the CNF;</li>
 *   <li>the DPLL proof (see {@link DratCheckerDpll}) of a different, unsatisfiable CNF: this CNF plus
 *       random clauses, of which the CNF under test keeps those the planted assignment satisfies.</li>
 * </ul>
 */
class DratCheckerSoundnessTest {

    static final int SEEDS = 3000;

    private static final AtomicInteger RUNS = new AtomicInteger();
    /** Lemmas accepted before the refusal, over all refused proofs of the 2nd and 3rd kinds. */
    private static final AtomicLong DEEP_LEMMAS = new AtomicLong();
    private static final AtomicLong DEEP_PROOFS = new AtomicLong();
    private static final Pattern LEMMA = Pattern.compile("^lemma (\\d+) |\\((\\d+) lemmas? checked\\)$");

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    /** A satisfiable CNF: n in 5..15 variables, random 2- and 3-clauses the planted assignment satisfies. */
    record Planted(Cnf cnf, boolean[] model) {}

    static Planted planted(Random rnd) {
        int n = 5 + rnd.nextInt(11);
        boolean[] model = new boolean[n + 1];
        for (int v = 1; v <= n; v++) model[v] = rnd.nextBoolean();
        int m = n + rnd.nextInt(4 * n + 1);
        List<int[]> clauses = new ArrayList<>();
        while (clauses.size() < m) {
            int[] c = randomClause(rnd, n, rnd.nextInt(4) == 0 ? 2 : 3);
            if (satisfies(model, c)) clauses.add(c);
        }
        return new Planted(new Cnf(n, clauses), model);
    }

    static int[] randomClause(Random rnd, int n, int k) {
        List<Integer> vars = new ArrayList<>();
        for (int v = 1; v <= n; v++) vars.add(v);
        Collections.shuffle(vars, rnd);
        int[] c = new int[Math.min(k, n)];
        for (int i = 0; i < c.length; i++) c[i] = vars.get(i) * (rnd.nextBoolean() ? 1 : -1);
        return c;
    }

    static boolean satisfies(boolean[] model, int[] clause) {
        for (int lit : clause) {
            if (model[Math.abs(lit)] == (lit > 0)) return true;
        }
        return false;
    }

    /** Random clauses of 0..4 literals over the variables and two fresh ones, random deletions. */
    static List<Step> randomProof(Random rnd, Cnf cnf) {
        int n = cnf.variables();
        List<int[]> live = new ArrayList<>(cnf.clauses());
        List<Step> proof = new ArrayList<>();
        int length = 5 + rnd.nextInt(40);
        for (int i = 0; i < length; i++) {
            if (rnd.nextInt(4) == 0 && !live.isEmpty()) {
                proof.add(Step.del(shuffled(live.remove(rnd.nextInt(live.size())), rnd)));
                continue;
            }
            int k = rnd.nextInt(5);
            int[] c = new int[k];
            for (int j = 0; j < k; j++) c[j] = (1 + rnd.nextInt(n + 2)) * (rnd.nextBoolean() ? 1 : -1);
            proof.add(Step.add(c));
            live.add(c);
        }
        proof.add(Step.add());
        return proof;
    }

    /** Units, negations of earlier units, binary clauses, deletions of recent lemmas and of CNF clauses. */
    static List<Step> unitProof(Random rnd, Cnf cnf) {
        int n = cnf.variables();
        List<int[]> live = new ArrayList<>(cnf.clauses());
        List<int[]> lemmas = new ArrayList<>();
        List<Integer> units = new ArrayList<>();
        List<Step> proof = new ArrayList<>();
        int length = 10 + rnd.nextInt(30);
        for (int i = 0; i < length; i++) {
            int kind = rnd.nextInt(6);
            int[] c;
            if (kind <= 1) {
                int u = (1 + rnd.nextInt(n + 3)) * (rnd.nextBoolean() ? 1 : -1);
                units.add(u);
                c = new int[] {u};
            } else if (kind == 2 && !units.isEmpty()) {
                c = new int[] {-units.get(rnd.nextInt(units.size()))};
            } else if (kind == 3 && !lemmas.isEmpty()) {
                proof.add(Step.del(lemmas.get(lemmas.size() - 1 - rnd.nextInt(Math.min(3, lemmas.size())))));
                continue;
            } else if (kind == 4 && !live.isEmpty()) {
                proof.add(Step.del(shuffled(live.get(rnd.nextInt(live.size())), rnd)));
                continue;
            } else {
                c = new int[] {(1 + rnd.nextInt(n + 3)) * (rnd.nextBoolean() ? 1 : -1),
                        (1 + rnd.nextInt(n + 3)) * (rnd.nextBoolean() ? 1 : -1)};
            }
            proof.add(Step.add(c));
            lemmas.add(c);
        }
        proof.add(Step.add());
        return proof;
    }

    /** Resolvents of live clauses (RUP), now and then a random clause or a deletion; the empty clause last. */
    static List<Step> resolventProof(Random rnd, Cnf cnf) {
        int n = cnf.variables();
        List<int[]> live = new ArrayList<>(cnf.clauses());
        List<Step> proof = new ArrayList<>();
        int length = 10 + rnd.nextInt(60);
        for (int i = 0; i < length; i++) {
            int kind = rnd.nextInt(10);
            if (kind == 0 && live.size() > 1) {
                proof.add(Step.del(shuffled(live.remove(rnd.nextInt(live.size())), rnd)));
            } else if (kind == 1) {
                int[] c = randomClause(rnd, n + 1, 1 + rnd.nextInt(3));
                proof.add(Step.add(c));
                live.add(c);
            } else {
                int[] r = resolvent(rnd, live);
                if (r == null) continue;
                proof.add(Step.add(r));
                live.add(r);
            }
        }
        proof.add(Step.add());
        return proof;
    }

    /** A non-tautological resolvent of two random live clauses that clash on one variable, or null. */
    static int[] resolvent(Random rnd, List<int[]> live) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int[] a = live.get(rnd.nextInt(live.size()));
            int[] b = live.get(rnd.nextInt(live.size()));
            int pivot = 0;
            int clashes = 0;
            for (int x : a) {
                for (int y : b) {
                    if (x == -y) {
                        pivot = x;
                        clashes++;
                    }
                }
            }
            if (clashes != 1) continue;
            List<Integer> r = new ArrayList<>();
            for (int x : a) if (x != pivot && !r.contains(x)) r.add(x);
            for (int y : b) if (y != -pivot && !r.contains(y)) r.add(y);
            Collections.shuffle(r, rnd);
            return r.stream().mapToInt(Integer::intValue).toArray();
        }
        return null;
    }

    /**
     * The DPLL proof of an unsatisfiable strengthening G of the CNF (random 3-clauses added until DPLL
     * finds no model), checked against the CNF plus the added clauses the planted model satisfies.
     */
    static Cnf strengthened(Random rnd, Planted p, List<Step> proofOut) {
        Cnf cnf = p.cnf();
        int n = cnf.variables();
        List<int[]> g = new ArrayList<>(cnf.clauses());
        List<int[]> kept = new ArrayList<>(cnf.clauses());
        while (true) {
            for (int i = 0; i < Math.max(2, n / 2); i++) {
                int[] c = randomClause(rnd, n, 3);
                g.add(c);
                if (satisfies(p.model(), c)) kept.add(c);
            }
            DratCheckerDpll.Search s = DratCheckerDpll.search(new Cnf(n, g), rnd, rnd.nextBoolean());
            if (!s.satisfiable()) {
                proofOut.addAll(s.proof());
                return new Cnf(n, kept);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void nothingVerifiesASatisfiableCnf(long seed) {
        Random rnd = new Random(seed);
        Planted p = planted(rnd);
        assertTrue(p.cnf().isSatisfiedBy(p.model()), "the planted model");
        List<Step> dpll = new ArrayList<>();
        Cnf weaker = strengthened(rnd, p, dpll);
        assertTrue(weaker.isSatisfiedBy(p.model()), "the planted model");
        List<Step> random = randomProof(rnd, p.cnf());
        List<Step> resolvents = resolventProof(rnd, p.cnf());
        List<Step> unitGames = unitProof(rnd, p.cnf());
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck r = DratCheckerProofs.check(p.cnf(), random, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " random proof " + format + ": " + r);
            r = DratCheckerProofs.checkCompacting(p.cnf(), random, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " random proof, compacting " + format + ": " + r);
            r = DratCheckerProofs.check(p.cnf(), unitGames, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " unit proof " + format + ": " + r);
            r = DratCheckerProofs.check(p.cnf(), resolvents, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " resolvent proof " + format + ": " + r);
            count(r, format);
            r = DratCheckerProofs.check(weaker, dpll, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " DPLL proof of a stronger CNF " + format + ": " + r);
            count(r, format);
        }
        RUNS.incrementAndGet();
    }

    private static void count(ProofCheck r, Format format) {
        if (format != Format.TEXT || !(r instanceof ProofCheck.Refuted refuted)) return;
        Matcher m = LEMMA.matcher(refuted.reason());
        if (!m.find()) return;
        DEEP_LEMMAS.addAndGet(Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
        DEEP_PROOFS.incrementAndGet();
    }

    /** The proofs get deep before they fail: on average more than 5 lemmas (only checked after a full run). */
    @AfterAll
    static void checkingGotDeep() {
        if (RUNS.get() < SEEDS) return;
        assertTrue(DEEP_PROOFS.get() > SEEDS, "refusals naming a lemma: " + DEEP_PROOFS.get());
        assertTrue(DEEP_LEMMAS.get() > 5 * DEEP_PROOFS.get(),
                "lemmas reached: " + DEEP_LEMMAS.get() + " in " + DEEP_PROOFS.get() + " proofs");
    }
}
