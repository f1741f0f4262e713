package org.ermbit.core.ir;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable integer linear expression Σ c·x + constant with BigInteger coefficients. */
public final class LinearExpr {
    private final Map<Var, BigInteger> terms;
    private final BigInteger constant;

    private LinearExpr(Map<Var, BigInteger> terms, BigInteger constant) {
        this.terms = Collections.unmodifiableMap(terms);
        this.constant = constant;
    }

    public static LinearExpr constant(BigInteger c) {
        return new LinearExpr(new LinkedHashMap<>(), c);
    }

    public static LinearExpr of(Var x) {
        return builder().add(BigInteger.ONE, x).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Coefficients by variable (zero coefficients are dropped), in insertion order. */
    public Map<Var, BigInteger> terms() {
        return terms;
    }

    public BigInteger constant() {
        return constant;
    }

    /** Value under an assignment of every variable that occurs. */
    public BigInteger evaluate(java.util.function.Function<Var, BigInteger> value) {
        BigInteger s = constant;
        for (Map.Entry<Var, BigInteger> e : terms.entrySet()) s = s.add(e.getValue().multiply(value.apply(e.getKey())));
        return s;
    }

    /** Smallest value over the variables' bounds (exact interval arithmetic). */
    public BigInteger lowerBound() {
        BigInteger s = constant;
        for (Map.Entry<Var, BigInteger> e : terms.entrySet()) {
            s = s.add(e.getValue().multiply(e.getValue().signum() > 0 ? e.getKey().lower() : e.getKey().upper()));
        }
        return s;
    }

    /** Largest value over the variables' bounds (exact interval arithmetic). */
    public BigInteger upperBound() {
        BigInteger s = constant;
        for (Map.Entry<Var, BigInteger> e : terms.entrySet()) {
            s = s.add(e.getValue().multiply(e.getValue().signum() > 0 ? e.getKey().upper() : e.getKey().lower()));
        }
        return s;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        terms.forEach((v, c) -> b.add(c, v));
        return b.addConstant(constant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearExpr e && e.terms.equals(terms) && e.constant.equals(constant);
    }

    @Override
    public int hashCode() {
        return terms.hashCode() * 31 + constant.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        terms.forEach((v, c) -> sb.append(sb.length() == 0 ? "" : " + ").append(c).append('*').append(v.name()));
        if (constant.signum() != 0 || sb.length() == 0) sb.append(sb.length() == 0 ? "" : " + ").append(constant);
        return sb.toString();
    }

    /** Mutable builder; merges repeated variables. */
    public static final class Builder {
        private final Map<Var, BigInteger> terms = new LinkedHashMap<>();
        private BigInteger constant = BigInteger.ZERO;

        public Builder add(BigInteger c, Var x) {
            BigInteger v = terms.getOrDefault(x, BigInteger.ZERO).add(c);
            if (v.signum() == 0) terms.remove(x);
            else terms.put(x, v);
            return this;
        }

        public Builder add(long c, Var x) {
            return add(BigInteger.valueOf(c), x);
        }

        public Builder add(BigInteger c, LinearExpr e) {
            e.terms.forEach((x, k) -> add(c.multiply(k), x));
            constant = constant.add(c.multiply(e.constant));
            return this;
        }

        public Builder addConstant(BigInteger c) {
            constant = constant.add(c);
            return this;
        }

        public LinearExpr build() {
            return new LinearExpr(new LinkedHashMap<>(terms), constant);
        }
    }
}
