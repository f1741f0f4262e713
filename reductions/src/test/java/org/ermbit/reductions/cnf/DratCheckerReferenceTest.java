package org.ermbit.reductions.cnf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import static org.ermbit.reductions.cnf.DratCheckerProofs.shuffled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checker against a naive reference written from the definitions (clauses as a list, unit
 * propagation by rescanning everything, RAT by looking at every clause), on random CNFs and random
 * proofs made mostly of lemmas that hold (resolvents, definitions of fresh variables, copies) with
 * some that do not: the outcome, with the failing lemma and where it is or the counters, must be the
 * same. Unit propagation reaches the same closure in any order, so the outcome is determined — except
 * which clause is the reason of a top-level literal; deletions are therefore only of clauses with no
 * literal true at top level (never a reason), or of clauses that are not there.
 */
class DratCheckerReferenceTest {

    static final int SEEDS = 500;
    private static final AtomicLong VERIFIED = new AtomicLong();
    private static final AtomicLong REFUTED = new AtomicLong();
    private static final AtomicLong RAT = new AtomicLong();
    private static final AtomicLong RUNS = new AtomicLong();

    static LongStream seeds() {
        return LongStream.range(0, SEEDS);
    }

    /**
     * A DRAT checker by the book: slow, short, no watches, no trail. With pseudo-Boolean constraints
     * (kept as given, in BigInteger, not saturated) unit propagation also applies every constraint from
     * scratch — slack = Σ{a : literal not false} − d, a conflict when negative, a literal forced when its
     * coefficient exceeds it — and lemmas must be RUP.
     */
    static final class Reference {
        final List<int[]> clauses = new ArrayList<>();
        final List<PbConstraint> pb;
        long lemmas;
        long ratLemmas;
        long deletions;
        long ignored;

        Reference(Cnf cnf) {
            this(cnf, List.of());
        }

        Reference(Cnf cnf, List<PbConstraint> pb) {
            this.pb = pb;
            for (int[] c : cnf.clauses()) {
                int[] d = normal(c);
                if (d != null) clauses.add(d);
            }
        }

        /** Without repeated literals, first occurrences first; null for a tautology. */
        static int[] normal(int[] c) {
            List<Integer> out = new ArrayList<>();
            for (int lit : c) {
                if (out.contains(-lit)) return null;
                if (!out.contains(lit)) out.add(lit);
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The unit-propagation closure of the clauses under {@code assumed}, or null on a conflict. */
        Set<Integer> closure(List<Integer> assumed) {
            Set<Integer> trueLits = new HashSet<>();
            for (int a : assumed) {
                if (trueLits.contains(-a)) return null;
                trueLits.add(a);
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int[] c : clauses) {
                    int open = 0;
                    int last = 0;
                    boolean sat = false;
                    for (int lit : c) {
                        if (trueLits.contains(lit)) {
                            sat = true;
                            break;
                        }
                        if (!trueLits.contains(-lit)) {
                            open++;
                            last = lit;
                        }
                    }
                    if (sat) continue;
                    if (open == 0) return null;
                    if (open == 1) {
                        trueLits.add(last);
                        changed = true;
                    }
                }
                for (PbConstraint p : pb) {
                    BigInteger slack = p.degree().negate();
                    for (int i = 0; i < p.size(); i++) {
                        if (!trueLits.contains(-p.literal(i))) slack = slack.add(p.coefficient(i));
                    }
                    if (slack.signum() < 0) return null;
                    for (int i = 0; i < p.size(); i++) {
                        int lit = p.literal(i);
                        if (p.coefficient(i).compareTo(slack) > 0 && !trueLits.contains(lit) && !trueLits.contains(-lit)) {
                            trueLits.add(lit);
                            changed = true;
                        }
                    }
                }
            }
            return trueLits;
        }

        boolean rup(int[] c) {
            List<Integer> assumed = new ArrayList<>();
            for (int lit : c) assumed.add(-lit);
            return closure(assumed) == null;
        }

        boolean rat(int[] c) {
            int p = c[0];
            for (int[] d : List.copyOf(clauses)) {
                if (!contains(d, -p)) continue;
                List<Integer> r = new ArrayList<>();
                for (int lit : c) r.add(lit);
                for (int lit : d) if (lit != -p) r.add(lit);
                int[] resolvent = normal(r.stream().mapToInt(Integer::intValue).toArray());
                if (resolvent != null && !rup(resolvent)) return false;
            }
            return true;
        }

        /** The outcome of the proof: as the checker words it, with {@code where} naming each step. */
        ProofCheck run(List<Step> steps, List<String> where) {
            if (closure(List.of()) == null) return new ProofCheck.Verified(0, 0, 0, 0);
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                int[] c = normal(s.literals());
                if (s.deletion()) {
                    int at = c == null ? -1 : indexOf(c);
                    if (at < 0) {
                        ignored++;
                    } else {
                        clauses.remove(at);
                        deletions++;
                    }
                    continue;
                }
                lemmas++;
                if (c == null) continue;
                if (!rup(c)) {
                    if (c.length == 0) {
                        return new ProofCheck.Refuted("lemma " + lemmas + " (" + where.get(i)
                                + ") is the empty clause, but propagation finds no conflict");
                    }
                    if (!pb.isEmpty()) {
                        return new ProofCheck.Refuted("lemma " + lemmas + " (" + where.get(i)
                                + ") is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)");
                    }
                    if (!rat(c)) {
                        return new ProofCheck.Refuted("lemma " + lemmas + " (" + where.get(i)
                                + ") is neither RUP nor RAT on its first literal " + c[0]);
                    }
                    ratLemmas++;
                }
                clauses.add(c);
                if (closure(List.of()) == null) return new ProofCheck.Verified(lemmas, ratLemmas, deletions, ignored);
            }
            return new ProofCheck.Refuted("the proof ends without deriving the empty clause (" + lemmas
                    + (lemmas == 1 ? " lemma" : " lemmas") + " checked)");
        }

        /**
         * For a generated proof: removes one copy of clause {@code d} if the formula has it, unless it
         * might be the reason of a top-level literal (then, and when the formula already propagates to a
         * conflict, false: the deletion step is to be skipped, so that the counters stay comparable).
         */
        boolean deleteForProof(int[] d) {
            int[] normal = normal(d);
            int at = normal == null ? -1 : indexOf(normal);
            if (at < 0) return true;
            Set<Integer> top = closure(List.of());
            if (top == null) return false;
            for (int lit : normal) if (top.contains(lit)) return false;
            clauses.remove(at);
            return true;
        }

        int indexOf(int[] c) {
            int[] sorted = c.clone();
            Arrays.sort(sorted);
            for (int k = 0; k < clauses.size(); k++) {
                int[] d = clauses.get(k).clone();
                Arrays.sort(d);
                if (Arrays.equals(d, sorted)) return k;
            }
            return -1;
        }

        static boolean contains(int[] c, int lit) {
            for (int x : c) if (x == lit) return true;
            return false;
        }
    }

    /**
     * A random proof for {@code cnf}, made step by step against a reference that follows it (so that a
     * deletion is only of a clause with no literal true at top level, or of a clause that is not there).
     */
    static List<Step> proof(Cnf cnf, Random rnd) {
        int n = cnf.variables();
        Reference ref = new Reference(cnf);
        List<Step> steps = new ArrayList<>();
        int fresh = n;
        int length = 5 + rnd.nextInt(60);
        for (int i = 0; i < length; i++) {
            int kind = rnd.nextInt(40);
            int[] c;
            if (kind < 6 && !ref.clauses.isEmpty()) { // a deletion
                int[] d = kind == 0 ? randomClause(rnd, n + 2, 1 + rnd.nextInt(3))
                        : ref.clauses.get(rnd.nextInt(ref.clauses.size()));
                if (!ref.deleteForProof(d)) continue;
                steps.add(Step.del(shuffled(d, rnd)));
                continue;
            } else if (kind < 24 && ref.clauses.size() > 1) {
                c = DratCheckerSoundnessTest.resolvent(rnd, ref.clauses);
                if (c == null) continue;
            } else if (kind < 30) { // a definition of a fresh variable, x := a ∧ b, or a blocked clause
                int x = ++fresh;
                int a = randomLiteral(rnd, n);
                int b = randomLiteral(rnd, n);
                steps.add(Step.add(-x, a));
                steps.add(Step.add(-x, b));
                ref.clauses.add(Reference.normal(new int[] {-x, a}));
                ref.clauses.add(Reference.normal(new int[] {-x, b}));
                c = new int[] {x, -a, -b};
            } else if (kind < 32) { // a random clause, RAT or not, its first literal often on a used variable
                c = randomClause(rnd, fresh + 1, 1 + rnd.nextInt(3));
            } else if (kind < 38 && !ref.clauses.isEmpty()) { // a copy of a clause, reordered
                c = shuffled(ref.clauses.get(rnd.nextInt(ref.clauses.size())), rnd);
            } else {
                c = randomClause(rnd, n, 1 + rnd.nextInt(2));
            }
            steps.add(Step.add(c));
            int[] normal = Reference.normal(c);
            if (normal != null) ref.clauses.add(normal);
        }
        if (rnd.nextInt(4) != 0) steps.add(Step.add());
        return steps;
    }

    /** 6..12 variables, 2n..3n clauses of 3 literals: mostly satisfiable, so that proofs get long. */
    static Cnf sparseCnf(Random rnd) {
        int n = 6 + rnd.nextInt(7);
        int m = 2 * n + rnd.nextInt(n + 1);
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < m; i++) clauses.add(randomClause(rnd, n, 3));
        return new Cnf(n, clauses);
    }

    static int randomLiteral(Random rnd, int n) {
        return (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
    }

    static int[] randomClause(Random rnd, int n, int k) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) c[i] = randomLiteral(rnd, n);
        return c;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameOutcomeAsTheReference(long seed) {
        Random rnd = new Random(seed);
        Cnf cnf = seed % 2 == 0 ? DratCheckerCompletenessTest.randomCnf(rnd) : sparseCnf(rnd);
        List<Step> steps = proof(cnf, rnd);
        ProofCheck expectedText = new Reference(cnf).run(steps, DratCheckerProofs.where(steps, Format.TEXT));
        ProofCheck expectedBinary = new Reference(cnf).run(steps, DratCheckerProofs.where(steps, Format.BINARY));
        assertEquals(expectedText, DratCheckerProofs.check(cnf, steps, Format.TEXT), "seed " + seed + " " + steps);
        assertEquals(expectedBinary, DratCheckerProofs.check(cnf, steps, Format.BINARY), "seed " + seed + " " + steps);
        assertEquals(expectedText, DratCheckerProofs.checkCompacting(cnf, steps, Format.TEXT), "seed " + seed);
        if (expectedText instanceof ProofCheck.Verified v) {
            VERIFIED.incrementAndGet();
            RAT.addAndGet(v.ratLemmas());
        } else {
            REFUTED.incrementAndGet();
        }
        RUNS.incrementAndGet();
    }

    /** Both outcomes come up, and RAT lemmas (only checked after a full run). */
    @AfterAll
    static void bothOutcomes() {
        if (RUNS.get() < SEEDS) return;
        assertTrue(VERIFIED.get() >= SEEDS / 10, "verified: " + VERIFIED.get());
        assertTrue(REFUTED.get() >= SEEDS / 10, "refuted: " + REFUTED.get());
        assertTrue(RAT.get() >= 20, "RAT lemmas in verified proofs: " + RAT.get());
    }
}
