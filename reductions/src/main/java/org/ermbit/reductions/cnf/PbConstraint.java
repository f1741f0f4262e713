package org.ermbit.reductions.cnf;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A pseudo-Boolean constraint Σ aᵢ·ℓᵢ ≥ d over DIMACS literals ℓᵢ (a true literal counts 1, a false
 * one 0), as an axiom of the formula a {@link DratChecker} checks a clausal proof against, next to the
 * clauses of a {@link Cnf}. Coefficients are positive; the degree may have any sign ({@code d ≤ 0} is
 * trivially true). Immutable: the arrays are copied in and out.
 *
 * @param literals     nonzero DIMACS literals, no variable twice (neither x twice nor x and -x)
 * @param coefficients one positive coefficient per literal
 * @param degree       the right-hand side d
 */
public record PbConstraint(int[] literals, BigInteger[] coefficients, BigInteger degree) {

    /** @throws IllegalArgumentException when a literal is 0 or a variable repeats, or a coefficient is not positive, or the lengths differ */
    public PbConstraint {
        Objects.requireNonNull(literals, "literals");
        Objects.requireNonNull(coefficients, "coefficients");
        Objects.requireNonNull(degree, "degree");
        literals = literals.clone();
        coefficients = coefficients.clone();
        if (literals.length != coefficients.length) {
            throw new IllegalArgumentException("a pseudo-Boolean constraint with " + literals.length
                    + " literals and " + coefficients.length + " coefficients");
        }
        int[] variables = new int[literals.length];
        for (int i = 0; i < literals.length; i++) {
            int lit = literals[i];
            if (lit == 0 || lit == Integer.MIN_VALUE) {
                throw new IllegalArgumentException("literal " + lit + " (position " + i + ") is not a DIMACS literal");
            }
            BigInteger a = coefficients[i];
            if (a == null || a.signum() <= 0) {
                throw new IllegalArgumentException("coefficient " + a + " of literal " + lit + " is not positive");
            }
            variables[i] = Math.abs(lit);
        }
        Arrays.sort(variables);
        for (int i = 1; i < variables.length; i++) {
            if (variables[i] == variables[i - 1]) {
                throw new IllegalArgumentException("variable " + variables[i] + " occurs twice in a pseudo-Boolean constraint");
            }
        }
    }

    /** The constraint Σ aᵢ·ℓᵢ ≥ d with long coefficients. */
    public static PbConstraint of(int[] literals, long[] coefficients, long degree) {
        BigInteger[] a = new BigInteger[coefficients.length];
        for (int i = 0; i < a.length; i++) a[i] = BigInteger.valueOf(coefficients[i]);
        return new PbConstraint(literals, a, BigInteger.valueOf(degree));
    }

    @Override
    public int[] literals() {
        return literals.clone();
    }

    @Override
    public BigInteger[] coefficients() {
        return coefficients.clone();
    }

    /** The number of literals. */
    public int size() {
        return literals.length;
    }

    /** The literal at {@code i}, without copying the array. */
    public int literal(int i) {
        return literals[i];
    }

    /** The coefficient at {@code i}, without copying the array. */
    public BigInteger coefficient(int i) {
        return coefficients[i];
    }

    /** Whether the assignment {@code model} (indexed by variable, entry 0 unused) satisfies the constraint. */
    public boolean isSatisfiedBy(boolean[] model) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < literals.length; i++) {
            int lit = literals[i];
            if (model[Math.abs(lit)] == (lit > 0)) sum = sum.add(coefficients[i]);
        }
        return sum.compareTo(degree) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PbConstraint p && Arrays.equals(p.literals, literals)
                && Arrays.equals(p.coefficients, coefficients) && p.degree.equals(degree);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(literals) * 31 + Arrays.hashCode(coefficients)) * 31 + degree.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) sb.append(" + ");
            sb.append(coefficients[i]).append('*').append(literals[i]);
        }
        if (literals.length == 0) sb.append('0');
        return sb.append(" >= ").append(degree).toString();
    }
}
