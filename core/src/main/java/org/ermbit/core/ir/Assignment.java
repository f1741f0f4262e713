package org.ermbit.core.ir;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;

/** A total assignment of a model's variables, indexed by {@link Var#index()}. */
public final class Assignment {
    private final BigInteger[] values;

    public Assignment(BigInteger[] values) {
        this.values = values.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) throw new IllegalArgumentException("variable " + i + " has no value");
        }
    }

    public BigInteger value(Var v) {
        return values[v.index()];
    }

    /** The value of the variable with index {@code index}. */
    public BigInteger value(int index) {
        return values[index];
    }

    /** A copy of all values, indexed by variable index. */
    public BigInteger[] values() {
        return values.clone();
    }

    public boolean isTrue(Var v) {
        return values[v.index()].signum() != 0;
    }

    public boolean isTrue(Literal l) {
        return isTrue(l, this::value);
    }

    public int size() {
        return values.length;
    }

    static boolean isTrue(Literal l, Function<Var, BigInteger> value) {
        return (value.apply(l.var()).signum() != 0) == l.positive();
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
