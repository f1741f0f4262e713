package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;

/** Test oracle: enumerates every assignment within the variables' bounds. */
final class BruteForce {
    private BruteForce() {
    }

    /** All satisfying assignments. */
    static List<Assignment> models(Model m) {
        List<Assignment> out = new ArrayList<>();
        int n = m.vars().size();
        BigInteger[] vals = new BigInteger[n];
        for (int i = 0; i < n; i++) vals[i] = m.vars().get(i).lower();
        while (true) {
            Assignment a = new Assignment(vals);
            if (m.isSatisfiedBy(a)) out.add(a);
            int i = 0;
            while (i < n && vals[i].equals(m.vars().get(i).upper())) {
                vals[i] = m.vars().get(i).lower();
                i++;
            }
            if (i == n) return out;
            vals[i] = vals[i].add(BigInteger.ONE);
        }
    }

    /** The minimum objective over all models, empty if unsatisfiable. */
    static Optional<BigInteger> optimum(Model m) {
        return models(m).stream().map(a -> m.objective().orElseThrow().expr().evaluate(a::value)).min(BigInteger::compareTo);
    }

    static boolean isBooleanAssignmentOf(Model m, boolean[] bits, Assignment a) {
        for (Var v : m.vars()) if (a.isTrue(v) != bits[v.index()]) return false;
        return true;
    }
}
