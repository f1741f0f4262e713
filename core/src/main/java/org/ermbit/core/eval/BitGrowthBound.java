package org.ermbit.core.eval;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.number.Rational;

/**
 * An exact upper bound on the bit-length ({@link Rational#bitLength()}: numerator bits plus
 * denominator bits) of every pre-activation and activation of each layer, over every parameter
 * vector in the domains (fixed parameters at their values) and every data point.
 *
 * <p>Per layer it tracks a magnitude bound M and a denominator bound Q (with a flag saying whether
 * every value is an integer multiple of 1/Q, which holds for fixed-point and grid domains):
 * M_z = fanIn·W·M_(ℓ−1) + B_max; Q_z = lcm(q_w·Q_(ℓ−1), q_b) on lattices, else
 * (q_w·Q_(ℓ−1))^fanIn·q_b; a polynomial of degree d with coefficient denominators C maps
 * (M, Q) to (Σ|c_k|M^k, C·Q^d) — so log Q, and with it the bit-length, grows like d^depth. A value
 * with |v| ≤ M and denominator ≤ Q has at most bitLength(⌊M·Q⌋) + bitLength(Q) bits.
 * Derivation in docs/CLI.md ({@code ermbit info}).
 */
public final class BitGrowthBound {

    private BitGrowthBound() {
    }

    /**
     * Bounds past this many bits are not reported: {@link Layer#bits()} is then {@link #BEYOND_CAP}, for
     * that layer and every later one. A cheap estimate skips computing most of them.
     */
    public static final int CAP_BITS = 1 << 22;
    /** The {@code bits} value meaning "more than {@link #CAP_BITS} bits". */
    public static final int BEYOND_CAP = -1;

    /**
     * Bounds for one layer: magnitude and denominator bounds of its activations (null beyond the
     * cap), and the bit bound ({@link #BEYOND_CAP} when it exceeds {@link #CAP_BITS}).
     */
    public record Layer(int layer, Rational magnitude, BigInteger denominator, boolean lattice, int bits) {
        /** True iff the bound exceeded {@link #CAP_BITS} and was not computed. */
        public boolean beyondCap() {
            return bits == BEYOND_CAP;
        }
    }

    /** Bounds for layers 1..L, in order. */
    public static List<Layer> of(ErmInstance inst) {
        Architecture a = inst.architecture();
        Rational m = Rational.ZERO;
        BigInteger q = BigInteger.ONE;
        for (List<Rational> x : inst.data().inputs()) {
            for (Rational v : x) {
                m = m.max(v.abs());
                q = lcm(q, v.denominator());
            }
        }
        boolean lattice = true;
        List<Layer> out = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            Part w = part(inst.domains().weights(), inst.fixed(), l, false);
            Part b = part(inst.domains().biases(), inst.fixed(), l, true);
            int fanIn = a.fanIn(l);
            if (m == null || tooBig(w, b, m, q, fanIn, a.layer(l).activation())) {
                m = null;
                out.add(new Layer(l, null, null, false, BEYOND_CAP));
                continue;
            }
            Rational mz = w.max.multiply(m).multiply(fanIn).add(b.max);
            BigInteger qz;
            boolean latZ = lattice && w.lattice && b.lattice;
            if (latZ) {
                qz = lcm(w.den.multiply(q), b.den);
            } else {
                qz = w.den.multiply(q).pow(fanIn).multiply(b.den);
            }
            int bitsZ = bits(mz, qz);
            Activation act = a.layer(l).activation();
            Rational mh;
            BigInteger qh;
            if (act instanceof Activation.HardTanh) {
                mh = mz.min(Rational.ONE);
                qh = qz;
            } else if (act instanceof Activation.LeakyRelu lr) {
                mh = mz;
                qh = qz.multiply(lr.alpha().denominator());
            } else if (act instanceof Activation.Polynomial p) {
                int d = p.degree();
                mh = Rational.ZERO;
                BigInteger c = BigInteger.ONE;
                for (int k = 0; k < p.coefficients().size(); k++) {
                    Rational ck = p.coefficients().get(k);
                    mh = mh.add(ck.abs().multiply(mz.pow(k)));
                    c = lcm(c, ck.denominator());
                }
                qh = c.multiply(qz.pow(d));
            } else { // relu, identity
                mh = mz;
                qh = qz;
            }
            int bits = Math.max(bitsZ, bits(mh, qh));
            if (bits > CAP_BITS) { // the estimate is cheap and can fall short (it counts Q's bits once)
                m = null;
                out.add(new Layer(l, null, null, false, BEYOND_CAP));
                continue;
            }
            m = mh;
            q = qh;
            lattice = latZ;
            out.add(new Layer(l, mh, qh, latZ, bits));
        }
        return out;
    }

    /** Magnitude bound, denominator bound and lattice flag of one layer's weights or biases. */
    private record Part(Rational max, BigInteger den, boolean lattice) {
    }

    private static Part part(Domain d, List<FixedParameter> fixed, int layer, boolean bias) {
        Rational max = d.minValue().abs().max(d.maxValue().abs());
        BigInteger den;
        boolean lattice = true;
        if (d instanceof Domain.FixedPoint f) {
            den = f.scale();
        } else if (d instanceof Domain.Grid g) {
            den = g.denominator();
        } else {
            den = ((Domain.RationalBits) d).bound();
            lattice = false;
        }
        for (FixedParameter f : fixed) {
            if (f.ref().layer() != layer || f.ref().isBias() != bias) continue;
            max = max.max(f.value().abs());
            den = lattice ? lcm(den, f.value().denominator()) : den.max(f.value().denominator());
        }
        return new Part(max, den, lattice);
    }

    /**
     * Cheap estimate (in bits) of the next layer's sizes, to skip computing bounds far past the cap. Not
     * an upper bound (it counts the denominator's bits once, the bound twice), so {@link #of} also
     * checks the computed bound against the cap.
     */
    private static boolean tooBig(Part w, Part b, Rational m, BigInteger q, int fanIn, Activation act) {
        long mBits = m.bitLength() + w.max.bitLength() + b.max.bitLength() + 64L;
        long qBits = (long) (w.den.bitLength() + q.bitLength()) * (w.lattice && b.lattice ? 1 : fanIn) + b.den.bitLength();
        long d = act instanceof Activation.Polynomial p ? Math.max(1, p.coefficients().size() - 1) : 1;
        return (mBits + qBits + 64) * d > CAP_BITS;
    }

    private static int bits(Rational magnitude, BigInteger den) {
        return magnitude.multiply(Rational.of(den)).floor().bitLength() + den.bitLength();
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }
}
