package org.ermbit.reductions.cnf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;

/**
 * Test support for the DratChecker tests, independent of the checker: brute-force satisfiability, and
 * a tiny DPLL search that writes its decision tree as a DRAT proof. For each refuted node of the tree,
 * in post-order, the proof adds the clause of the negated decisions on its path: a leaf's clause is RUP
 * because unit propagation of its decisions over the CNF conflicts; an inner node's clause is RUP from
 * its two children's clauses (which become complementary units); the root's clause is the empty
 * clause. On a satisfiable CNF the same machinery writes the clause of a satisfying leaf as if it were
 * refuted, which makes a proof that must not check.
 */
final class DratCheckerDpll {

    private DratCheckerDpll() {}

    /** Whether some assignment of the {@code cnf.variables()} variables satisfies the CNF (all 2^n tried). */
    static boolean bruteForceSatisfiable(Cnf cnf) {
        int n = cnf.variables();
        if (n > 20) throw new IllegalArgumentException("too many variables for brute force: " + n);
        boolean[] assignment = new boolean[n + 1];
        for (long bits = 0; bits < (1L << n); bits++) {
            for (int v = 1; v <= n; v++) assignment[v] = ((bits >>> (v - 1)) & 1) != 0;
            if (cnf.isSatisfiedBy(assignment)) return true;
        }
        return false;
    }

    /** A DPLL run: its proof, and whether it met a satisfying leaf (then the proof is bogus). */
    record Search(List<Step> proof, boolean satisfiable) {}

    /**
     * Searches {@code cnf} with decisions in a random variable order and polarity ({@code rnd}). With
     * {@code deleteChildren}, after each inner node's clause the clauses of its two children are each
     * deleted with probability 1/2 (they are not needed any more), written in a shuffled order.
     */
    static Search search(Cnf cnf, Random rnd, boolean deleteChildren) {
        return search(cnf, rnd, deleteChildren, true);
    }

    /**
     * As {@link #search(Cnf, Random, boolean)}; without {@code unitPropagation} a node is refuted only
     * when its decisions falsify a clause, so the tree (and the proof) is larger and its leaves are
     * trivially RUP.
     */
    static Search search(Cnf cnf, Random rnd, boolean deleteChildren, boolean unitPropagation) {
        Dpll d = new Dpll(cnf, rnd, deleteChildren, unitPropagation);
        d.node(new ArrayList<>());
        return new Search(d.proof, d.satisfiable);
    }

    /**
     * Unit propagation over {@code clauses} from {@code value} (index = variable; 1 true, -1 false,
     * 0 unassigned), in place, by rescanning until nothing changes: false when a clause is falsified.
     */
    static boolean propagate(List<int[]> clauses, int[] value) {
        return propagate(clauses, value, true);
    }

    private static boolean propagate(List<int[]> clauses, int[] value, boolean assignUnits) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] c : clauses) {
                boolean satisfied = false;
                int unit = 0;
                boolean twoOpen = false;
                for (int lit : c) {
                    int v = value[Math.abs(lit)] * Integer.signum(lit);
                    if (v > 0) {
                        satisfied = true;
                        break;
                    }
                    if (v == 0) {
                        if (unit == 0 || unit == lit) {
                            unit = lit;
                        } else {
                            twoOpen = true;
                        }
                    }
                }
                if (satisfied || twoOpen) continue;
                if (unit == 0) return false;
                if (!assignUnits) continue;
                value[Math.abs(unit)] = Integer.signum(unit);
                changed = true;
            }
        }
        return true;
    }

    private static final class Dpll {
        final Cnf cnf;
        final Random rnd;
        final boolean deleteChildren;
        final boolean unitPropagation;
        final List<Integer> order = new ArrayList<>();
        final List<Step> proof = new ArrayList<>();
        boolean satisfiable;

        Dpll(Cnf cnf, Random rnd, boolean deleteChildren, boolean unitPropagation) {
            this.cnf = cnf;
            this.unitPropagation = unitPropagation;
            this.rnd = rnd;
            this.deleteChildren = deleteChildren;
            for (int v = 1; v <= cnf.variables(); v++) order.add(v);
            Collections.shuffle(order, rnd);
        }

        /** Refutes the node of {@code decisions} (DIMACS literals) and returns the clause it added. */
        int[] node(List<Integer> decisions) {
            int[] value = new int[cnf.variables() + 1];
            for (int d : decisions) value[Math.abs(d)] = Integer.signum(d);
            if (propagate(cnf.clauses(), value, unitPropagation)) {
                int branch = 0;
                for (int v : order) {
                    if (value[v] == 0) {
                        branch = v;
                        break;
                    }
                }
                if (branch == 0) {
                    satisfiable = true; // a model: its clause below is not implied
                } else {
                    int first = rnd.nextBoolean() ? branch : -branch;
                    decisions.add(first);
                    int[] a = node(decisions);
                    decisions.set(decisions.size() - 1, -first);
                    int[] b = node(decisions);
                    decisions.remove(decisions.size() - 1);
                    int[] own = negated(decisions);
                    proof.add(Step.add(own));
                    if (deleteChildren) {
                        if (rnd.nextBoolean()) proof.add(Step.del(DratCheckerProofs.shuffled(a, rnd)));
                        if (rnd.nextBoolean()) proof.add(Step.del(DratCheckerProofs.shuffled(b, rnd)));
                    }
                    return own;
                }
            }
            int[] own = negated(decisions);
            proof.add(Step.add(own));
            return own;
        }

        int[] negated(List<Integer> decisions) {
            int[] c = new int[decisions.size()];
            for (int i = 0; i < c.length; i++) c[i] = -decisions.get(i);
            return c;
        }
    }
}
