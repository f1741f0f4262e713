package org.ermbit.reductions.encode;

import static org.ermbit.reductions.encode.EncodingBuilder.integer;

import java.math.BigInteger;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;

/**
 * The piecewise-linear activations on the encoder's scaled integers (class comment of
 * {@link ErmEncoder}): H_ℓ as a function of Z_ℓ for layer ℓ — relu / leaky_relu as slopes P·Z
 * (Z &gt; 0) and N·Z (Z ≤ 0), hardtanh as clip(Z, −S_ℓ, S_ℓ), an affine polynomial as
 * (m·c1)·Z + m·S_ℓ·c0, identity as Z.
 */
final class ScaledActivation {

    private ScaledActivation() {
    }

    /** P and N of a relu (1, 0) or leaky_relu with α = p/q (q, p). */
    record Slopes(BigInteger positive, BigInteger negative) {
        static Slopes of(Activation act) {
            if (act instanceof Activation.LeakyRelu lr) return new Slopes(lr.alpha().denominator(), lr.alpha().numerator());
            return new Slopes(BigInteger.ONE, BigInteger.ZERO);
        }

        BigInteger apply(BigInteger z) {
            return z.multiply(z.signum() > 0 ? positive : negative);
        }
    }

    /** clip(Z, −S, S). */
    static BigInteger clip(BigInteger z, BigInteger s) {
        return z.max(s.negate()).min(s);
    }

    /** m·c1, the coefficient of Z_ℓ in H_ℓ of an affine polynomial layer ℓ. */
    static BigInteger affineSlope(Scaling sc, int l, Activation.Polynomial poly) {
        Rational c1 = poly.coefficients().size() > 1 ? poly.coefficients().get(1) : Rational.ZERO;
        return integer(c1.multiply(Rational.of(sc.multiplier().get(l - 1))));
    }

    /** m·S_ℓ·c0, the constant of H_ℓ of an affine polynomial layer ℓ. */
    static BigInteger affineOffset(Scaling sc, int l, Activation.Polynomial poly) {
        return integer(poly.coefficients().get(0).multiply(Rational.of(sc.multiplier().get(l - 1).multiply(sc.pre(l)))));
    }

    /** H_ℓ for a constant Z_ℓ. */
    static BigInteger of(Scaling sc, int l, Activation act, BigInteger z) {
        if (act instanceof Activation.Identity) return z;
        if (act instanceof Activation.Polynomial poly) return affineSlope(sc, l, poly).multiply(z).add(affineOffset(sc, l, poly));
        if (act instanceof Activation.HardTanh) return clip(z, sc.pre(l));
        return Slopes.of(act).apply(z);
    }
}
