package org.ermbit.core.model;

import java.util.List;
import org.ermbit.core.number.Rational;

/**
 * An activation function σ applied unit-wise after a layer's affine map. Piecewise-linear
 * activations (relu, leaky_relu, hardtanh, identity, affine polynomials) take the NP route;
 * a polynomial of degree ≥ 2 takes the counting route.
 */
public sealed interface Activation
        permits Activation.Relu, Activation.LeakyRelu, Activation.HardTanh, Activation.Identity, Activation.Polynomial {

    /** σ(z), exactly. */
    Rational apply(Rational z);

    /**
     * σ'(z), exactly. At a kink the convention is fixed and documented per activation: relu'(0) = 0,
     * leaky_relu'(0) = α, hardtanh'(±1) = 0.
     */
    Rational derivative(Rational z);

    /** The name used in {@code ermbit/1} files. */
    String typeName();

    /** True for relu, leaky_relu, hardtanh, identity and polynomials of degree ≤ 1. */
    default boolean isPiecewiseLinear() {
        return degree() <= 1;
    }

    /** Polynomial degree (1 for every piecewise-linear activation). */
    default int degree() {
        return 1;
    }

    /** max(0, z). Derivative 1 for z &gt; 0, else 0. */
    record Relu() implements Activation {
        public Rational apply(Rational z) {
            return z.signum() > 0 ? z : Rational.ZERO;
        }

        public Rational derivative(Rational z) {
            return z.signum() > 0 ? Rational.ONE : Rational.ZERO;
        }

        public String typeName() {
            return "relu";
        }
    }

    /** z for z &gt; 0, α·z otherwise (0 &lt; α &lt; 1). Derivative 1 for z &gt; 0, else α. */
    record LeakyRelu(Rational alpha) implements Activation {
        public LeakyRelu {
            if (alpha.signum() <= 0 || alpha.compareTo(Rational.ONE) >= 0) {
                throw new IllegalArgumentException("leaky_relu alpha must satisfy 0 < alpha < 1, got " + alpha);
            }
        }

        public Rational apply(Rational z) {
            return z.signum() > 0 ? z : z.multiply(alpha);
        }

        public Rational derivative(Rational z) {
            return z.signum() > 0 ? Rational.ONE : alpha;
        }

        public String typeName() {
            return "leaky_relu";
        }
    }

    /** clip(z, -1, 1). Derivative 1 for -1 &lt; z &lt; 1, else 0. */
    record HardTanh() implements Activation {
        public Rational apply(Rational z) {
            if (z.compareTo(Rational.ONE) > 0) return Rational.ONE;
            if (z.compareTo(Rational.MINUS_ONE) < 0) return Rational.MINUS_ONE;
            return z;
        }

        public Rational derivative(Rational z) {
            return z.compareTo(Rational.ONE) < 0 && z.compareTo(Rational.MINUS_ONE) > 0 ? Rational.ONE : Rational.ZERO;
        }

        public String typeName() {
            return "hardtanh";
        }
    }

    /** σ(z) = z. */
    record Identity() implements Activation {
        public Rational apply(Rational z) {
            return z;
        }

        public Rational derivative(Rational z) {
            return Rational.ONE;
        }

        public String typeName() {
            return "identity";
        }
    }

    /** σ(z) = c0 + c1·z + … + cd·z^d with rational coefficients (c0 first). */
    record Polynomial(List<Rational> coefficients) implements Activation {
        public Polynomial {
            if (coefficients.isEmpty()) throw new IllegalArgumentException("polynomial needs at least one coefficient");
            coefficients = List.copyOf(coefficients);
        }

        public Rational apply(Rational z) {
            Rational acc = Rational.ZERO;
            for (int i = coefficients.size() - 1; i >= 0; i--) acc = acc.multiply(z).add(coefficients.get(i));
            return acc;
        }

        public Rational derivative(Rational z) {
            Rational acc = Rational.ZERO;
            for (int i = coefficients.size() - 1; i >= 1; i--) acc = acc.multiply(z).add(coefficients.get(i).multiply(i));
            return acc;
        }

        public String typeName() {
            return "polynomial";
        }

        /** Index of the highest non-zero coefficient (0 for constants, including the zero polynomial). */
        @Override
        public int degree() {
            for (int i = coefficients.size() - 1; i > 0; i--) if (!coefficients.get(i).isZero()) return i;
            return 0;
        }
    }
}
