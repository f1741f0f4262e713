package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * The exact integer scales of the encoding (docs/ENCODING.md §1). With D the lcm of the input
 * denominators, q_w / q_b the weight / bias domain denominators, W_ℓ = lcm(q_w, denominators of
 * fixed weights of layer ℓ), B_ℓ = lcm(q_b, denominators of fixed biases of layer ℓ):
 * <pre>
 *   A_0 = D,   S_ℓ = lcm(W_ℓ·A_(ℓ−1), B_ℓ),   A_ℓ = m_ℓ·S_ℓ,
 * </pre>
 * where m_ℓ = 1 for relu, hardtanh and identity, den(α) for leaky_relu and lcm(den c0, den c1) for
 * an affine polynomial c0 + c1·z. Then Z_ℓ = S_ℓ·z_ℓ and H_ℓ = A_ℓ·h_ℓ are integers for every
 * parameter vector of the domain. Targets are scaled by E = lcm of the target denominators; the
 * output residual R = E·H_L − E·A_L·y = T·(ŷ − y) with T = E·A_L.
 *
 * @param inputScale   D
 * @param preActivation S_1..S_L (index ℓ−1)
 * @param activation   A_0..A_L (index ℓ)
 * @param multiplier   m_1..m_L (index ℓ−1)
 * @param targetScale  E
 */
public record Scaling(BigInteger inputScale, List<BigInteger> preActivation, List<BigInteger> activation,
                      List<BigInteger> multiplier, BigInteger targetScale) {

    public Scaling {
        preActivation = List.copyOf(preActivation);
        activation = List.copyOf(activation);
        multiplier = List.copyOf(multiplier);
    }

    /** The scales of an instance (rational domains: see {@link #denominator(Domain)}). */
    public static Scaling of(ErmInstance inst) {
        Architecture a = inst.architecture();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        BigInteger d = BigInteger.ONE;
        for (List<Rational> row : inst.data().inputs()) for (Rational x : row) d = lcm(d, x.denominator());
        BigInteger e = BigInteger.ONE;
        for (List<Rational> row : inst.data().targets()) for (Rational y : row) e = lcm(e, y.denominator());
        List<BigInteger> pre = new ArrayList<>();
        List<BigInteger> act = new ArrayList<>();
        List<BigInteger> mult = new ArrayList<>();
        act.add(d);
        for (int l = 1; l <= a.depth(); l++) {
            BigInteger w = BigInteger.ONE;
            BigInteger b = BigInteger.ONE;
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    Rational f = fixed.get(r);
                    BigInteger den = f != null ? f.denominator() : denominator(inst.domains().of(r));
                    if (r.isBias()) b = lcm(b, den);
                    else w = lcm(w, den);
                }
            }
            BigInteger s = lcm(w.multiply(act.get(l - 1)), b);
            BigInteger m = multiplier(a.layer(l).activation());
            pre.add(s);
            mult.add(m);
            act.add(s.multiply(m));
        }
        for (BigInteger scale : act) requireModest(scale);
        requireModest(e);
        for (List<Rational> row : inst.data().inputs()) for (Rational x : row) requireModest(x.numerator());
        for (List<Rational> row : inst.data().targets()) for (Rational y : row) requireModest(y.numerator());
        return new Scaling(d, pre, act, mult, e);
    }

    /** Largest bit length of a scale (D, S_ℓ, A_ℓ, E) or data numerator the encoder takes. */
    public static final int MAX_SCALE_BITS = 2048;

    /**
     * Refuses scales past {@value #MAX_SCALE_BITS} bits (e.g. an input 1e-5000 or a leaky slope
     * 1e-9999): every coefficient would have thousands of digits, and encoding, lowering and solving
     * would run for minutes without checking the deadline.
     */
    private static void requireModest(BigInteger scale) {
        if (scale.bitLength() > MAX_SCALE_BITS) {
            throw new UnsupportedInstanceException("not supported: the exact integers of this instance need "
                    + scale.bitLength() + " bits (the NP encoder takes at most " + MAX_SCALE_BITS
                    + "); the data, domains or activation slopes have numerators or denominators that large");
        }
    }

    /** S_ℓ, the scale of layer ℓ's pre-activations (ℓ ≥ 1). */
    public BigInteger pre(int l) {
        return preActivation.get(l - 1);
    }

    /** A_ℓ, the scale of layer ℓ's activations (ℓ ≥ 0; A_0 = D). */
    public BigInteger act(int l) {
        return activation.get(l);
    }

    /** T = E·A_L, the scale of the output residual. */
    public BigInteger residualScale() {
        return targetScale.multiply(activation.get(activation.size() - 1));
    }

    /** Largest B of a {@code rational} domain the encoder takes (its common denominator has 183 bits). */
    public static final int MAX_RATIONAL_BITS = 7;

    /**
     * The common denominator q of a domain: 2^F (fixed point), the grid's q, or lcm(1..2^B − 1) for
     * a {@code rational} domain of B ≤ {@value #MAX_RATIONAL_BITS} bits.
     */
    public static BigInteger denominator(Domain dom) {
        if (dom instanceof Domain.FixedPoint f) return f.scale();
        if (dom instanceof Domain.Grid g) return g.denominator();
        Domain.RationalBits r = (Domain.RationalBits) dom;
        if (r.bits() > MAX_RATIONAL_BITS) {
            throw new UnsupportedInstanceException("not supported: rational domain with " + r.bits() + " bits in the NP encoder "
                    + "(at most " + MAX_RATIONAL_BITS + ": every value is a multiple of 1/lcm(1..2^B-1), whose size explodes)");
        }
        BigInteger l = BigInteger.ONE;
        for (long q = 2; q <= r.bound().longValueExact(); q++) l = lcm(l, BigInteger.valueOf(q));
        return l;
    }

    /** The activation-scale multiplier m of DESIGN §5 for a piecewise-linear activation. */
    static BigInteger multiplier(Activation act) {
        if (act instanceof Activation.LeakyRelu lr) return lr.alpha().denominator();
        if (act instanceof Activation.Polynomial p) {
            Rational c0 = p.coefficients().get(0);
            Rational c1 = p.coefficients().size() > 1 ? p.coefficients().get(1) : Rational.ZERO;
            return lcm(c0.denominator(), c1.denominator());
        }
        return BigInteger.ONE;
    }

    static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
