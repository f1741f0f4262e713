package org.ermbit.reductions.cnf;

import static org.ermbit.reductions.cnf.DratCheckerProofs.shuffled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.ermbit.reductions.cnf.DratCheckerReferenceTest.Reference;

/**
 * Test support for the pseudo-Boolean DratChecker tests: random constraints (small coefficients,
 * some beyond 2^31, degrees of any sign) and random clausal proofs made against the by-the-book
 * {@link Reference}, mostly of lemmas its propagation shows implied.
 */
final class DratCheckerPbFormulas {

    private DratCheckerPbFormulas() {}

    /** A formula of clauses and pseudo-Boolean constraints. */
    record Formula(Cnf cnf, List<PbConstraint> pb) {}

    /**
     * A random constraint over 2..min(n, 6) distinct variables of 1..n: coefficients mostly 1..4,
     * now and then up to 100 or beyond 2^31 (up to 2^40); the degree mostly in 1..Σa, now and then
     * ≤ 0 or (rarely) above Σa.
     */
    static PbConstraint randomConstraint(Random rnd, int n) {
        List<Integer> vars = new ArrayList<>();
        for (int v = 1; v <= n; v++) vars.add(v);
        Collections.shuffle(vars, rnd);
        int k = 2 + rnd.nextInt(Math.min(n, 6) - 1);
        int[] lits = new int[k];
        BigInteger[] coefs = new BigInteger[k];
        BigInteger sum = BigInteger.ZERO;
        boolean huge = rnd.nextInt(6) == 0;
        for (int i = 0; i < k; i++) {
            lits[i] = vars.get(i) * (rnd.nextBoolean() ? 1 : -1);
            int kind = rnd.nextInt(10);
            if (huge && kind < 5) {
                coefs[i] = BigInteger.ONE.shiftLeft(31).add(new BigInteger(40, rnd));
            } else if (kind < 2) {
                coefs[i] = BigInteger.valueOf(1 + rnd.nextInt(100));
            } else {
                coefs[i] = BigInteger.valueOf(1 + rnd.nextInt(4));
            }
            sum = sum.add(coefs[i]);
        }
        int kind = rnd.nextInt(80);
        BigInteger degree;
        if (kind == 0) {
            degree = sum.add(BigInteger.valueOf(1 + rnd.nextInt(3)));
        } else if (kind < 4) {
            degree = BigInteger.valueOf(-rnd.nextInt(3));
        } else { // 1..⌈2Σa/3⌉: tight now and then, mostly not
            BigInteger range = sum.shiftLeft(1).divide(BigInteger.valueOf(3)).add(BigInteger.ONE);
            degree = BigInteger.ONE.add(new BigInteger(range.bitLength() + 1, rnd).mod(range));
        }
        return new PbConstraint(lits, coefs, degree);
    }

    /** A random constraint that {@code model} satisfies. */
    static PbConstraint plantedConstraint(Random rnd, int n, boolean[] model) {
        while (true) {
            PbConstraint p = randomConstraint(rnd, n);
            if (p.isSatisfiedBy(model)) return p;
        }
    }

    /**
     * A lemma the reference's propagation shows implied, or null: the negation of 1..3 random
     * assumptions when they propagate to a conflict, else those negations and one literal they
     * propagate (at top level already or not).
     */
    static int[] impliedLemma(Random rnd, Reference ref, int n) {
        List<Integer> assumed = new ArrayList<>();
        int k = 1 + rnd.nextInt(3);
        for (int i = 0; i < k; i++) {
            int lit = DratCheckerReferenceTest.randomLiteral(rnd, n);
            if (!assumed.contains(lit) && !assumed.contains(-lit)) assumed.add(lit);
        }
        Set<Integer> closure = ref.closure(assumed);
        List<Integer> lemma = new ArrayList<>();
        for (int a : assumed) lemma.add(-a);
        if (closure != null) {
            List<Integer> derived = new ArrayList<>();
            for (int lit : closure) if (!assumed.contains(lit)) derived.add(lit);
            if (derived.isEmpty()) return null;
            Collections.sort(derived); // the set's order is not the seed's to fix
            lemma.add(derived.get(rnd.nextInt(derived.size())));
        }
        Collections.shuffle(lemma, rnd);
        return lemma.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The proof a DPLL search writes with the reference's propagation, or null when it finds a model:
     * for every node whose decisions D propagate to a conflict, or whose two children were refuted, the
     * lemma ¬D (RUP: under D, propagation conflicts, or the children's lemmas give a literal and its
     * negation), followed by the deletion of the children's lemmas; the empty clause last. Decisions
     * follow a random variable order and random phases.
     */
    static List<Step> dpll(Random rnd, Formula f) {
        Reference ref = new Reference(f.cnf(), f.pb());
        List<Integer> order = new ArrayList<>();
        for (int v = 1; v <= f.cnf().variables(); v++) order.add(rnd.nextBoolean() ? v : -v);
        Collections.shuffle(order, rnd);
        List<Step> steps = new ArrayList<>();
        return refuted(ref, order, new ArrayList<>(), steps) == null ? null : steps;
    }

    /** The lemma ¬decisions after its proof (written to {@code out}), or null when there is a model below. */
    private static int[] refuted(Reference ref, List<Integer> order, List<Integer> decisions, List<Step> out) {
        Set<Integer> closure = ref.closure(decisions);
        List<int[]> children = new ArrayList<>();
        if (closure != null) {
            Integer next = null;
            for (int lit : order) {
                if (!closure.contains(lit) && !closure.contains(-lit)) {
                    next = lit;
                    break;
                }
            }
            if (next == null) return null; // a model
            for (int lit : new int[] {next, -next}) {
                decisions.add(lit);
                int[] r = refuted(ref, order, decisions, out);
                decisions.remove(decisions.size() - 1);
                if (r == null) return null;
                children.add(r);
            }
        }
        int[] lemma = new int[decisions.size()];
        for (int i = 0; i < lemma.length; i++) lemma[i] = -decisions.get(lemma.length - 1 - i);
        out.add(Step.add(lemma));
        if (lemma.length > 0) ref.clauses.add(lemma);
        for (int[] c : children) out.add(Step.del(c));
        return lemma;
    }

    /**
     * A random clausal proof for {@code f}, made step by step against a reference that follows it:
     * two times in three, when {@link #dpll} refutes f in at most 200 lemmas, those lemmas in order with
     * other steps among them; else (or in between) mostly implied lemmas, some resolvents of clauses,
     * copies and random clauses (often not RUP), deletions (only of clauses with no literal true at
     * top level, so never of a reason, or of clauses that are not there); the empty clause last, mostly.
     */
    static List<Step> proof(Formula f, Random rnd) {
        int n = f.cnf().variables();
        List<Step> planned = rnd.nextInt(3) != 0 ? dpll(rnd, f) : null;
        if (planned != null && planned.size() > 200) planned = null;
        Reference ref = new Reference(f.cnf(), f.pb());
        List<Step> steps = new ArrayList<>();
        int length = planned == null ? 5 + rnd.nextInt(50) : planned.size() + rnd.nextInt(planned.size() / 4 + 2);
        int next = 0;
        for (int i = 0; i < length || (planned != null && next < planned.size()); i++) {
            int kind = rnd.nextInt(40);
            int[] c;
            Step plannedStep = planned != null && next < planned.size() && (rnd.nextInt(5) != 0 || i >= length)
                    ? planned.get(next++) : null;
            if (plannedStep != null && !plannedStep.deletion()) {
                c = plannedStep.literals();
            } else if (plannedStep != null || (kind < 6 && !ref.clauses.isEmpty())) {
                int[] d = plannedStep != null ? plannedStep.literals()
                        : kind == 0 ? DratCheckerReferenceTest.randomClause(rnd, n, 1 + rnd.nextInt(3))
                        : ref.clauses.get(rnd.nextInt(ref.clauses.size()));
                if (!ref.deleteForProof(d)) continue;
                steps.add(Step.del(shuffled(d, rnd)));
                continue;
            } else if (kind < 26) {
                c = impliedLemma(rnd, ref, n);
                if (c == null) continue;
            } else if (kind < 30 && ref.clauses.size() > 1) {
                c = DratCheckerSoundnessTest.resolvent(rnd, ref.clauses);
                if (c == null) continue;
            } else if (kind < 33 && !ref.clauses.isEmpty()) {
                c = shuffled(ref.clauses.get(rnd.nextInt(ref.clauses.size())), rnd);
            } else {
                c = DratCheckerReferenceTest.randomClause(rnd, n + (kind == 39 ? 2 : 0), 1 + rnd.nextInt(3));
            }
            steps.add(Step.add(c));
            int[] normal = Reference.normal(c);
            if (normal != null) ref.clauses.add(normal);
        }
        if (planned == null && rnd.nextInt(5) != 0) steps.add(Step.add());
        return steps;
    }
}
