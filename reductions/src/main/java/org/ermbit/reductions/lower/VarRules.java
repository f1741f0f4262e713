package org.ermbit.reductions.lower;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Var;

/** How each variable of a lowered model is computed from an input assignment (index order). */
final class VarRules {

    /** A variable's value from the input assignment and the lowered variables before it. */
    @FunctionalInterface
    interface Rule {
        BigInteger value(Assignment input, BigInteger[] lowered);
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Records the rule of the variable just created (its index must be the next one). */
    void set(Var v, Rule r) {
        if (v.index() != rules.size()) throw new IllegalStateException("rules out of order at " + v.name());
        rules.add(r);
    }

    /** The rule of a bit of an offset-binary expansion of input variable x. */
    static Rule bitOf(Var x, BitExpansion e, int t) {
        return (in, low) -> e.bit(in.value(x), t) ? BigInteger.ONE : BigInteger.ZERO;
    }

    AssignmentExtension extension() {
        List<Rule> rs = List.copyOf(rules);
        return in -> {
            BigInteger[] v = new BigInteger[rs.size()];
            for (int i = 0; i < v.length; i++) v[i] = rs.get(i).value(in, v);
            return new Assignment(v);
        };
    }
}
