package org.ermbit.solvers.sat4j;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Var;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.PbConstraint;
import org.sat4j.core.Vec;
import org.sat4j.core.VecInt;
import org.sat4j.pb.IPBSolver;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IVec;

/**
 * Hands constraints to Sat4j and keeps them as the axioms a recorded proof is checked against:
 * clauses, and linear constraints normalised to Σ a·ℓ ≥ d with every a > 0 over literals (c·x with
 * c < 0 is c + |c|·¬x; IR variable i is literal i + 1). The axioms are these objects, built here,
 * not what Sat4j stores. Sat4j 2.3.6 gets some mixed-sign constraints wrong after unit propagation
 * (a spurious ContradictionException), so it only ever sees this normal form.
 */
final class Sat4jAxioms {
    private final int variables;
    private final List<int[]> clauses = new ArrayList<>();
    private final List<PbConstraint> pseudoBoolean = new ArrayList<>();

    /** Axioms over IR variables 0 … {@code variables} − 1. */
    Sat4jAxioms(int variables) {
        this.variables = variables;
    }

    /** Adds the clause of DIMACS {@code literals} (empty: a contradiction). */
    void clause(IPBSolver solver, int... literals) throws ContradictionException {
        clauses.add(literals.clone());
        if (literals.length == 0) throw new ContradictionException("empty clause");
        solver.addClause(new VecInt(literals));
    }

    /** Adds Σ c·x (the expression without its constant) ≤ rhs when {@code atMost}, else ≥ rhs. */
    void linear(IPBSolver solver, LinearExpr e, boolean atMost, BigInteger rhs) throws ContradictionException {
        BigInteger degree = atMost ? rhs.negate() : rhs;
        int[] lits = new int[e.terms().size()];
        BigInteger[] coeffs = new BigInteger[lits.length];
        int k = 0;
        BigInteger sum = BigInteger.ZERO;
        for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) {
            BigInteger c = atMost ? t.getValue().negate() : t.getValue();
            if (c.signum() == 0) continue;
            int lit = t.getKey().index() + 1;
            if (c.signum() < 0) {
                degree = degree.subtract(c);
                c = c.negate();
                lit = -lit;
            }
            lits[k] = lit;
            coeffs[k++] = c;
            sum = sum.add(c);
        }
        if (degree.signum() <= 0) return; // always true
        PbConstraint pb = new PbConstraint(Arrays.copyOf(lits, k), Arrays.copyOf(coeffs, k), degree);
        pseudoBoolean.add(pb);
        if (sum.compareTo(degree) < 0) throw new ContradictionException("constraint can never reach its degree");
        IVec<BigInteger> vc = new Vec<>(Arrays.copyOf(coeffs, k));
        solver.addAtLeast(new VecInt(Arrays.copyOf(lits, k)), vc, degree);
    }

    /** The clauses given so far. */
    Cnf cnf() {
        return new Cnf(variables, List.copyOf(clauses));
    }

    /** The normalised PB constraints given so far. */
    List<PbConstraint> pseudoBoolean() {
        return List.copyOf(pseudoBoolean);
    }
}
