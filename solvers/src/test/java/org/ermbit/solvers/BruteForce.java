package org.ermbit.solvers;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;

/** The test oracle: enumerates every assignment of a tiny model's variables within their bounds. */
public final class BruteForce {
    /** Whether any assignment satisfies the model, and the minimum objective value if it has one. */
    public record Answer(boolean sat, Optional<BigInteger> optimum, long models) {
    }

    private BruteForce() {
    }

    public static Answer solve(Model m) {
        List<Var> vars = m.vars();
        BigInteger[] values = new BigInteger[vars.size()];
        for (Var v : vars) values[v.index()] = v.lower();
        long count = 0;
        BigInteger best = null;
        while (true) {
            Assignment a = new Assignment(values);
            if (m.isSatisfiedBy(a)) {
                count++;
                if (m.objective().isPresent()) {
                    BigInteger o = m.objective().get().expr().evaluate(a::value);
                    if (best == null || o.compareTo(best) < 0) best = o;
                }
            }
            int i = 0;
            while (i < values.length && values[i].equals(vars.get(i).upper())) {
                values[i] = vars.get(i).lower();
                i++;
            }
            if (i == values.length) break;
            values[i] = values[i].add(BigInteger.ONE);
        }
        return new Answer(count > 0, Optional.ofNullable(best), count);
    }
}
