package org.ermbit.reductions.gadget;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;

/**
 * t² as a fixed linear combination of σ at shifted arguments, for a rational polynomial σ of
 * degree d ≥ 2: {@code t² = Σ_i weight_i · σ(t + shift_i) + constant}, with d − 1 terms.
 *
 * <p><b>Derivation.</b> Let n = d − 2 and q(t) = Δⁿσ(t) = Σ_{i=0..n} (−1)^(n−i) C(n,i) σ(t + i), the
 * n-th forward difference with step 1. Each forward difference lowers the degree by exactly one and
 * multiplies the leading coefficient by the degree, so q(t) = A t² + B t + C with
 * A = c_d · d!/2 ≠ 0 (B, C come from c_d, c_(d−1), c_(d−2) and are computed exactly by expanding
 * σ(t + i) with the binomial theorem). Completing the square with the shift s = −B/(2A):
 * q(t + s) = A t² + C′ with C′ = C − B²/(4A). Hence
 * <pre>t² = (1/A) · Σ_i (−1)^(n−i) C(n,i) · σ(t + s + i)  −  C′/A,</pre>
 * i.e. shift_i = s + i, weight_i = (−1)^(n−i) C(n,i) / A, constant = −C′/A — all exact rationals.
 * The linear term of q is removed by the shift, not by a term in t (which would need t itself in
 * the next layer). Examples: σ = t² gives t² = σ(t); σ = t² + t gives t² = σ(t − 1/2) + 1/4;
 * σ = t³ gives t² = (σ(t + 1/2) − σ(t − 1/2) − 1/4)/3; σ = 2t⁴ − t gives
 * t² = (σ(t + 1) − 2σ(t) + σ(t − 1) − 4)/24.
 */
public final class SquareGadget {

    private final Activation.Polynomial sigma;
    private final List<Rational> shifts;
    private final List<Rational> weights;
    private final Rational constant;

    private SquareGadget(Activation.Polynomial sigma, List<Rational> shifts, List<Rational> weights, Rational constant) {
        this.sigma = sigma;
        this.shifts = List.copyOf(shifts);
        this.weights = List.copyOf(weights);
        this.constant = constant;
    }

    /** The gadget for {@code sigma}; fails with "not supported: …" if its degree is below 2. */
    public static SquareGadget of(Activation.Polynomial sigma) {
        int d = sigma.degree();
        if (d < 2) {
            throw new IllegalArgumentException("not supported: a polynomial activation of degree " + d
                    + " cannot compute products (degree ≥ 2 needed)");
        }
        int n = d - 2;
        List<Rational> c = sigma.coefficients().subList(0, d + 1);
        // q(t) = Σ_i (−1)^(n−i) C(n,i) σ(t + i), as coefficients
        Rational[] q = new Rational[d + 1];
        java.util.Arrays.fill(q, Rational.ZERO);
        for (int i = 0; i <= n; i++) {
            Rational f = Rational.of(binomial(n, i)).multiply((n - i) % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE);
            Rational[] shifted = shift(c, Rational.of(i));
            for (int e = 0; e <= d; e++) q[e] = q[e].add(f.multiply(shifted[e]));
        }
        for (int e = 3; e <= d; e++) {
            if (!q[e].isZero()) throw new AssertionError("finite difference left degree " + e + " term");
        }
        Rational a = q[2];
        Rational b = q[1];
        Rational cc = q[0];
        if (a.isZero()) throw new AssertionError("finite difference lost the quadratic term");
        Rational s = b.negate().divide(a.multiply(Rational.TWO));
        Rational cPrime = cc.subtract(b.square().divide(a.multiply(Rational.of(4))));
        List<Rational> shifts = new ArrayList<>();
        List<Rational> weights = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            shifts.add(s.add(Rational.of(i)));
            Rational f = Rational.of(binomial(n, i)).multiply((n - i) % 2 == 0 ? Rational.ONE : Rational.MINUS_ONE);
            weights.add(f.divide(a));
        }
        return new SquareGadget(sigma, shifts, weights, cPrime.negate().divide(a));
    }

    /** Coefficients of p(t + h) given those of p (c0 first), by the binomial theorem. */
    static Rational[] shift(List<Rational> p, Rational h) {
        Rational[] out = new Rational[p.size()];
        java.util.Arrays.fill(out, Rational.ZERO);
        for (int k = 0; k < p.size(); k++) {
            // c_k (t + h)^k = c_k Σ_e C(k,e) t^e h^(k−e)
            for (int e = 0; e <= k; e++) {
                out[e] = out[e].add(p.get(k).multiply(Rational.of(binomial(k, e))).multiply(h.pow(k - e)));
            }
        }
        return out;
    }

    static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return r;
    }

    /** The activation this gadget is built from. */
    public Activation.Polynomial sigma() {
        return sigma;
    }

    /** Number of σ units the gadget uses (d − 1). */
    public int units() {
        return shifts.size();
    }

    /** shift_i: unit i receives t + shift_i. */
    public List<Rational> shifts() {
        return shifts;
    }

    /** weight_i: the output weight of unit i. */
    public List<Rational> weights() {
        return weights;
    }

    /** The constant added to the weighted sum. */
    public Rational constant() {
        return constant;
    }

    /** Σ_i weight_i · σ(t + shift_i) + constant, which equals t² exactly. */
    public Rational apply(Rational t) {
        Rational acc = constant;
        for (int i = 0; i < shifts.size(); i++) acc = acc.add(weights.get(i).multiply(sigma.apply(t.add(shifts.get(i)))));
        return acc;
    }
}
