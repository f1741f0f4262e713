package org.ermbit.reductions.export;

import java.math.BigInteger;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.reductions.cnf.Cnf;

/**
 * The CNF produced by {@link PseudoBooleanToCnf} for a Boolean {@code source} model. DIMACS
 * variable {@code i + 1} is the IR variable of index {@code i} (for i below
 * {@code source.vars().size()}); higher DIMACS variables are auxiliaries (adder outputs), each a
 * function of the original variables, so every model of the source extends to exactly one model of
 * the CNF.
 */
public record CnfEncoding(Model source, Cnf cnf) {

    /** Number of original (non-auxiliary) DIMACS variables: 1..originalVariables. */
    public int originalVariables() {
        return source.vars().size();
    }

    /** The IR assignment of a CNF model ({@code dimacs[v]} for v in 1..cnf.variables()). */
    public Assignment decode(boolean[] dimacs) {
        BigInteger[] values = new BigInteger[source.vars().size()];
        for (int i = 0; i < values.length; i++) values[i] = dimacs[i + 1] ? BigInteger.ONE : BigInteger.ZERO;
        return new Assignment(values);
    }
}
