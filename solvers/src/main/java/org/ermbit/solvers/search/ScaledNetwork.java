package org.ermbit.solvers.search;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.encode.Scaling;
import org.ermbit.reductions.encode.UnsupportedInstanceException;

/**
 * An instance's network as exact integer arithmetic over the numerators of its free parameters, for
 * evaluating the loss of many parameter vectors quickly. It uses the encoder's scales
 * ({@link Scaling}, docs/ENCODING.md §1): every pre-activation, activation and residual is an
 * integer, and {@link #scaledLoss} is L·loss exactly (L = {@link #lossScale()}), so "loss ≤ γ" is
 * "scaledLoss ≤ ⌊γ·L⌋" ({@link #scaledBound()}). Arithmetic is in {@code long} with overflow checks:
 * {@link #of} is empty for instances whose scales do not fit, and {@link #scaledLoss} throws
 * {@link ArithmeticException} rather than return a wrapped value.
 */
public final class ScaledNetwork {
    private final ErmInstance inst;
    private final Architecture arch;
    private final List<ParameterRef> free = new ArrayList<>();
    private final long[] lower;
    private final long[] upper;
    private final BigInteger[] denominators;
    /** index[ℓ−1][i][j+1] = free parameter index of (ℓ, i, j) (j = −1: bias), or −1 when fixed. */
    private final int[][][] index;
    /** coef[ℓ−1][i][j+1]: Z contribution per unit of numerator·H_(ℓ−1)[j] (bias: per numerator). */
    private final long[][][] coef;
    /** The activation of each layer as integer maps (see {@link #activate}). */
    private final long[] posFactor;
    private final long[] negFactor;
    private final long[] clamp;
    private final long[] offset;
    private final long[][] inputs;
    /** E·(scaled output) − T·y, precomputed as T·y per point and output. */
    private final long[][] scaledTargets;
    private final long targetScale;
    /** ±1 labels (zero_one, hinge): the sign of each point's first target. */
    private final long[] labelSign;
    private final long outputScale;
    private final long lossScale;
    private final long scaledBound;

    private ScaledNetwork(ErmInstance inst, Scaling sc) {
        this.inst = inst;
        this.arch = inst.architecture();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        int depth = arch.depth();
        index = new int[depth][][];
        coef = new long[depth][][];
        posFactor = new long[depth];
        negFactor = new long[depth];
        clamp = new long[depth];
        offset = new long[depth];
        List<Long> lo = new ArrayList<>();
        List<Long> hi = new ArrayList<>();
        List<BigInteger> dens = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            int units = arch.layer(l).units();
            int fanIn = arch.fanIn(l);
            index[l - 1] = new int[units][fanIn + 1];
            coef[l - 1] = new long[units][fanIn + 1];
            Rational s = Rational.of(sc.pre(l));
            Rational prev = Rational.of(sc.act(l - 1));
            for (int i = 0; i < units; i++) {
                for (int j = ParameterRef.BIAS; j < fanIn; j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    Rational perUnit = r.isBias() ? s : s.divide(prev);
                    Rational f = fixed.get(r);
                    if (f != null) {
                        index[l - 1][i][j + 1] = -1;
                        coef[l - 1][i][j + 1] = exactLong(perUnit.multiply(f));
                        continue;
                    }
                    Domain d = inst.domains().of(r);
                    BigInteger q = Scaling.denominator(d);
                    index[l - 1][i][j + 1] = free.size();
                    free.add(r);
                    dens.add(q);
                    coef[l - 1][i][j + 1] = exactLong(perUnit.divide(Rational.of(q)));
                    BigInteger min = d instanceof Domain.FixedPoint fp ? fp.minNumerator() : ((Domain.Grid) d).low();
                    BigInteger max = d instanceof Domain.FixedPoint fp ? fp.maxNumerator() : ((Domain.Grid) d).high();
                    // moves compute spans and steps in long arithmetic: keep them far from overflow
                    if (max.subtract(min).bitLength() > MAX_SPAN_BITS) throw new ArithmeticException("domain span beyond 2^" + MAX_SPAN_BITS);
                    lo.add(min.longValueExact());
                    hi.add(max.longValueExact());
                }
            }
            Activation act = arch.layer(l).activation();
            posFactor[l - 1] = 1;
            negFactor[l - 1] = 1;
            clamp[l - 1] = Long.MAX_VALUE;
            if (act instanceof Activation.Relu) {
                negFactor[l - 1] = 0;
            } else if (act instanceof Activation.LeakyRelu lr) {
                posFactor[l - 1] = lr.alpha().denominator().longValueExact();
                negFactor[l - 1] = lr.alpha().numerator().longValueExact();
            } else if (act instanceof Activation.HardTanh) {
                clamp[l - 1] = sc.pre(l).longValueExact();
            } else if (act instanceof Activation.Polynomial p) {
                Rational m = Rational.of(sc.multiplier().get(l - 1));
                Rational c0 = p.coefficients().get(0);
                Rational c1 = p.coefficients().size() > 1 ? p.coefficients().get(1) : Rational.ZERO;
                posFactor[l - 1] = exactLong(c1.multiply(m));
                negFactor[l - 1] = posFactor[l - 1];
                offset[l - 1] = exactLong(c0.multiply(m).multiply(s));
            }
        }
        lower = lo.stream().mapToLong(Long::longValue).toArray();
        upper = hi.stream().mapToLong(Long::longValue).toArray();
        denominators = dens.toArray(BigInteger[]::new);
        int n = inst.data().size();
        inputs = new long[n][];
        scaledTargets = new long[n][];
        BigInteger t = sc.residualScale();
        for (int pt = 0; pt < n; pt++) {
            List<Rational> x = inst.data().inputs().get(pt);
            inputs[pt] = new long[x.size()];
            for (int j = 0; j < x.size(); j++) inputs[pt][j] = exactLong(x.get(j).multiply(Rational.of(sc.inputScale())));
            List<Rational> y = inst.data().targets().get(pt);
            scaledTargets[pt] = new long[y.size()];
            for (int o = 0; o < y.size(); o++) scaledTargets[pt][o] = exactLong(y.get(o).multiply(Rational.of(t)));
        }
        targetScale = sc.targetScale().longValueExact();
        labelSign = new long[n];
        for (int pt = 0; pt < n; pt++) labelSign[pt] = inst.data().targets().get(pt).get(0).signum();
        outputScale = sc.act(depth).longValueExact();
        BigInteger scale = switch (inst.loss().type()) {
            case SQUARED -> t.multiply(t);
            case ABSOLUTE, MAX_ABS -> t;
            case ZERO_ONE -> BigInteger.ONE;
            case HINGE -> sc.act(depth);
        };
        if (inst.loss().aggregate() == Aggregate.MEAN && n > 0) scale = scale.multiply(BigInteger.valueOf(n));
        lossScale = scale.longValueExact();
        scaledBound = exactLong(floor(inst.threshold().multiply(Rational.of(scale))));
    }

    /** The integer network of {@code inst}, or empty when its domains, activations or scales are out of reach. */
    public static Optional<ScaledNetwork> of(ErmInstance inst) {
        if (!inst.architecture().isPiecewiseLinear() || inst.hasFreeRationalParameter()) return Optional.empty();
        try {
            return Optional.of(new ScaledNetwork(inst, Scaling.of(inst)));
        } catch (ArithmeticException | UnsupportedInstanceException e) {
            // scales or numerators beyond long
            return Optional.empty();
        }
    }

    /** Largest bit length of a domain's span (max − min numerator) the search takes. */
    static final int MAX_SPAN_BITS = 60;


    /** The instance this network evaluates. */
    public ErmInstance instance() {
        return inst;
    }

    /** How many free parameters there are. */
    public int parameterCount() {
        return free.size();
    }

    /** The free parameter with index {@code k}. */
    public ParameterRef parameter(int k) {
        return free.get(k);
    }

    /** The smallest numerator of parameter k's domain. */
    public long lower(int k) {
        return lower[k];
    }

    /** The largest numerator of parameter k's domain. */
    public long upper(int k) {
        return upper[k];
    }

    /** L: the loss times L is an integer for every parameter vector. */
    public long lossScale() {
        return lossScale;
    }

    /** G = ⌊γ·L⌋ for the instance's threshold γ: the loss is ≤ γ iff the scaled loss is ≤ G. */
    public long scaledBound() {
        return scaledBound;
    }

    /** How many layers the network has. */
    int depth() {
        return index.length;
    }

    /** How many data points the loss sums over. */
    int pointCount() {
        return inputs.length;
    }

    /** The free parameter index of layer ℓ (1-based), unit i, input slot (0: bias, j+1: input j), or −1 when fixed. */
    int freeIndex(int layer, int unit, int slot) {
        return index[layer - 1][unit][slot];
    }

    /** How many units layer ℓ (1-based) has. */
    int units(int layer) {
        return index[layer - 1].length;
    }

    /** True when the last layer is the identity (its activations are its pre-activations). */
    boolean linearOutput() {
        int last = index.length - 1;
        return posFactor[last] == 1 && negFactor[last] == 1 && offset[last] == 0 && clamp[last] == Long.MAX_VALUE;
    }

    /** T·E·coef of an output-layer slot: the residual changes by this much per unit of its numerator times its input. */
    long residualCoefficient(int unit, int slot) {
        return Math.multiplyExact(targetScale, coef[index.length - 1][unit][slot]);
    }

    /** T·y of point pt and output o: a residual is T·E·(scaled output) minus this. */
    long scaledTarget(int pt, int o) {
        return scaledTargets[pt][o];
    }

    /**
     * The activations feeding layer ℓ (1-based) at point pt for the free numerators {@code k}: the
     * inputs for ℓ = 1, else layer ℓ−1's activations.
     */
    long[] inputsOf(int layer, long[] k, int pt) {
        long[] h = inputs[pt];
        for (int l = 0; l + 1 < layer; l++) h = layer(l, k, h, null);
        return h;
    }

    /** The activation of unit i of layer ℓ (1-based) for inputs {@code in} and free numerators {@code k}. */
    long unitActivation(int layer, int unit, long[] k, long[] in) {
        int l = layer - 1;
        long z = weight(l, unit, 0, k);
        for (int j = 0; j < in.length; j++) z = Math.addExact(z, Math.multiplyExact(weight(l, unit, j + 1, k), in[j]));
        return activate(l, z);
    }

    /** The parameters whose free numerators are {@code k} (value k/q), fixed ones at their values. */
    public NetworkParameters decode(long[] k) {
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        Map<ParameterRef, Rational> values = new HashMap<>(fixed);
        for (int i = 0; i < free.size(); i++) values.put(free.get(i), Rational.of(BigInteger.valueOf(k[i]), denominators[i]));
        return NetworkParameters.build(arch, values::get);
    }

    /**
     * L·loss of the parameter vector with free numerators {@code k}.
     *
     * @throws ArithmeticException if an intermediate value does not fit in a long
     */
    public long scaledLoss(long[] k) {
        long total = 0;
        for (int pt = 0; pt < inputs.length; pt++) {
            long[] h = inputs[pt];
            for (int l = 0; l < index.length; l++) h = layer(l, k, h, null);
            total = accumulate(total, pt, h);
        }
        return total;
    }

    /** Layer ℓ+1's activations from the previous layer's {@code h}; {@code zOut} receives the pre-activations when not null. */
    private long[] layer(int l, long[] k, long[] h, long[] zOut) {
        int units = index[l].length;
        long[] next = new long[units];
        for (int i = 0; i < units; i++) {
            long z = weight(l, i, 0, k);
            for (int j = 0; j < h.length; j++) z = Math.addExact(z, Math.multiplyExact(weight(l, i, j + 1, k), h[j]));
            if (zOut != null) zOut[i] = z;
            next[i] = activate(l, z);
        }
        return next;
    }

    /** The Z coefficient of input j+1 (0: the bias) of unit i: coef·K for a free parameter, the fixed constant otherwise. */
    private long weight(int l, int i, int slot, long[] k) {
        int idx = index[l][i][slot];
        return idx >= 0 ? Math.multiplyExact(coef[l][i][slot], k[idx]) : coef[l][i][slot];
    }

    /** Adds point pt's scaled loss (outputs {@code out}) to {@code total}: a sum, or the maximum for max_abs. */
    private long accumulate(long total, int pt, long[] out) {
        long[] y = scaledTargets[pt];
        switch (inst.loss().type()) {
            case SQUARED -> {
                for (int o = 0; o < y.length; o++) {
                    long r = residual(out[o], y[o]);
                    total = Math.addExact(total, Math.multiplyExact(r, r));
                }
            }
            case ABSOLUTE -> {
                for (int o = 0; o < y.length; o++) total = Math.addExact(total, Math.absExact(residual(out[o], y[o])));
            }
            case MAX_ABS -> {
                for (int o = 0; o < y.length; o++) total = Math.max(total, Math.absExact(residual(out[o], y[o])));
            }
            case ZERO_ONE -> {
                if (Math.multiplyExact(labelSign[pt], out[0]) < 1) total++;
            }
            case HINGE -> total = Math.addExact(total, Math.max(0, Math.subtractExact(outputScale, Math.multiplyExact(labelSign[pt], out[0]))));
        }
        return total;
    }

    /**
     * A current parameter vector with every point's pre-activations and activations cached, so the
     * loss after changing one parameter costs one unit's recomputation plus the layers above it.
     */
    public final class Cursor {
        private final long[] k;
        /** z[pt][ℓ][i], h[pt][ℓ][i] for layers ℓ = 0..L−1 (layer ℓ+1 of the network). */
        private final long[][][] z;
        private final long[][][] h;
        private long loss;

        private Cursor(long[] start) {
            k = start.clone();
            z = new long[inputs.length][index.length][];
            h = new long[inputs.length][index.length][];
            recompute();
        }

        private void recompute() {
            long total = 0;
            for (int pt = 0; pt < inputs.length; pt++) {
                long[] prev = inputs[pt];
                for (int l = 0; l < index.length; l++) {
                    z[pt][l] = new long[index[l].length];
                    h[pt][l] = layer(l, k, prev, z[pt][l]);
                    prev = h[pt][l];
                }
                total = accumulate(total, pt, prev);
            }
            loss = total;
        }

        /** The current vector's scaled loss. */
        public long loss() {
            return loss;
        }

        /** The current free numerators (a copy). */
        public long[] values() {
            return k.clone();
        }

        /** The current numerator of parameter {@code p}. */
        public long value(int p) {
            return k[p];
        }

        /** Moves to the vector with parameter {@code p} set to {@code v}. */
        public void set(int p, long v) {
            k[p] = v;
            recompute();
        }

        /** Moves to {@code values}. */
        public void setAll(long[] values) {
            System.arraycopy(values, 0, k, 0, k.length);
            recompute();
        }

        /**
         * The scaled loss of the current vector with parameter {@code p} set to {@code v}, stopping
         * early (returning a value &gt; {@code cutoff}) once the partial loss exceeds {@code cutoff}.
         */
        public long lossWith(int p, long v, long cutoff) {
            ParameterRef r = free.get(p);
            int l = r.layer() - 1;
            int i = r.unit();
            int slot = r.input() + 1;
            long dk = Math.subtractExact(v, k[p]);
            long step = Math.multiplyExact(coef[l][i][slot], dk);
            long saved = k[p];
            k[p] = v;
            try {
                long total = 0;
                for (int pt = 0; pt < inputs.length; pt++) {
                    long input = slot == 0 ? 1 : (l == 0 ? inputs[pt][slot - 1] : h[pt][l - 1][slot - 1]);
                    long zi = Math.addExact(z[pt][l][i], Math.multiplyExact(step, input));
                    long dh = Math.subtractExact(activate(l, zi), h[pt][l][i]);
                    long[] out;
                    if (l + 1 == index.length) {
                        out = h[pt][l].clone();
                        out[i] += dh;
                    } else {
                        // layer ℓ+2: only column i of its input changed
                        int next = l + 1;
                        long[] above = new long[index[next].length];
                        for (int o = 0; o < above.length; o++) {
                            long zo = Math.addExact(z[pt][next][o], Math.multiplyExact(weight(next, o, i + 1, k), dh));
                            above[o] = activate(next, zo);
                        }
                        out = above;
                        for (int m = next + 1; m < index.length; m++) out = layer(m, k, out, null);
                    }
                    total = accumulate(total, pt, out);
                    if (total > cutoff) return total;
                }
                return total;
            } finally {
                k[p] = saved;
            }
        }
    }

    /** A cursor at the free numerators {@code start}. */
    public Cursor cursor(long[] start) {
        return new Cursor(start);
    }

    private long residual(long scaledOutput, long scaledTarget) {
        return Math.subtractExact(Math.multiplyExact(targetScale, scaledOutput), scaledTarget);
    }

    /** H = A_ℓ·h from Z = S_ℓ·z: positive piece ×posFactor, other ×negFactor, hardtanh clamped to ±S, plus the affine offset. */
    private long activate(int l, long z) {
        if (clamp[l] != Long.MAX_VALUE) return Math.max(-clamp[l], Math.min(clamp[l], z));
        long f = z > 0 ? posFactor[l] : negFactor[l];
        return Math.addExact(Math.multiplyExact(f, z), offset[l]);
    }

    private static long exactLong(Rational r) {
        if (!r.isInteger()) throw new IllegalStateException("scaled value " + r + " is not an integer");
        return r.numerator().longValueExact();
    }

    private static Rational floor(Rational r) {
        BigInteger[] qr = r.numerator().divideAndRemainder(r.denominator());
        BigInteger q = qr[0];
        if (qr[1].signum() < 0) q = q.subtract(BigInteger.ONE);
        return Rational.of(q);
    }
}
