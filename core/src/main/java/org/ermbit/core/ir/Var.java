package org.ermbit.core.ir;

import java.math.BigInteger;

/**
 * A bounded integer variable of a {@link Model}; a Boolean is an integer variable with bounds
 * [0, 1] flagged {@code bool}. Identity is the index within its model. Names starting with
 * {@link #AUX_PREFIX} are auxiliaries introduced by encoders or lowering passes; decoders and
 * counters project them away.
 */
public record Var(int index, String name, BigInteger lower, BigInteger upper, boolean bool) {
    /** Reserved prefix of auxiliary variable names. */
    public static final String AUX_PREFIX = "aux:";

    public Var {
        if (lower.compareTo(upper) > 0) throw new IllegalArgumentException("empty bounds for " + name + ": [" + lower + ", " + upper + "]");
        if (bool && (lower.signum() < 0 || upper.compareTo(BigInteger.ONE) > 0)) {
            throw new IllegalArgumentException("Boolean " + name + " must have bounds within [0, 1]");
        }
    }

    public boolean isAuxiliary() {
        return name.startsWith(AUX_PREFIX);
    }

    /** The positive literal of a Boolean variable. */
    public Literal lit() {
        return new Literal(this, true);
    }

    /** The negative literal of a Boolean variable. */
    public Literal not() {
        return new Literal(this, false);
    }

    @Override
    public String toString() {
        return name;
    }
}
