package org.ermbit.reductions.encode;

import static org.ermbit.reductions.encode.EncodingBuilder.integer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;

/**
 * The free parameters of an instance as integer variables K (the numerator over the domain's
 * denominator q: the parameter is K/q), and the integer coefficients with which weights and
 * biases, free or fixed, enter the scaled pre-activations Z_ℓ = S_ℓ·z_ℓ (see {@link ErmEncoder}).
 */
final class ParameterVariables {
    private final Architecture arch;
    private final Scaling sc;
    private final Map<ParameterRef, Rational> fixed;
    private final Map<ParameterRef, Var> vars = new HashMap<>();
    private final Map<ParameterRef, BigInteger> denominators = new HashMap<>();

    private ParameterVariables(ErmInstance inst, Scaling sc) {
        this.arch = inst.architecture();
        this.sc = sc;
        this.fixed = inst.fixedValues();
    }

    /**
     * Creates the variable of every free parameter, layer by layer, unit by unit, weights before the bias;
     * looks at {@code limits} once per unit (a network of millions of parameters takes seconds).
     */
    static ParameterVariables create(EncodingBuilder b, ErmInstance inst, Scaling sc, Limits limits) {
        ParameterVariables pv = new ParameterVariables(inst, sc);
        Architecture arch = inst.architecture();
        for (int l = 1; l <= arch.depth(); l++) {
            for (int i = 0; i < arch.layer(l).units(); i++) {
                EncodingStopped.check(limits);
                for (int j = 0; j <= arch.fanIn(l); j++) {
                    ParameterRef r = j < arch.fanIn(l) ? ParameterRef.weight(l, i, j) : ParameterRef.bias(l, i);
                    if (!pv.fixed.containsKey(r)) pv.createVariable(b, r, inst.domains().of(r));
                }
            }
        }
        return pv;
    }

    private void createVariable(EncodingBuilder b, ParameterRef r, Domain d) {
        BigInteger q = Scaling.denominator(d);
        BigInteger lo;
        BigInteger hi;
        if (d instanceof Domain.FixedPoint f) {
            lo = f.minNumerator();
            hi = f.maxNumerator();
        } else if (d instanceof Domain.Grid g) {
            lo = g.low();
            hi = g.high();
        } else {
            BigInteger m = ((Domain.RationalBits) d).bound();
            lo = m.negate().multiply(q);
            hi = m.multiply(q);
        }
        Var k = b.newVar(r.toString(), lo, hi, (p, vals) -> p.get(r).multiply(Rational.of(q)).numerator());
        vars.put(r, k);
        denominators.put(r, q);
        if (d instanceof Domain.RationalBits rb) restrictToFractions(b, r, k, rb, q);
    }

    /**
     * A {@code rational} parameter is K/L with L = lcm(1..2^B − 1) (every p/q of the domain is a
     * multiple of 1/L); K/L is in the domain iff K·q = L·p for some |p| ≤ 2^B − 1, 1 ≤ q ≤ 2^B − 1
     * (then K/L = p/q, and p/q in lowest terms has a numerator and denominator no larger). One
     * product K·q per parameter; the pipeline lowers it (to the B bits of q) for every backend,
     * see {@link Encoding#hasRationalDomains()}.
     */
    private static void restrictToFractions(EncodingBuilder b, ParameterRef r, Var k, Domain.RationalBits d, BigInteger den) {
        BigInteger m = d.bound();
        Var num = b.newVar(Var.AUX_PREFIX + "num[" + r + "]", m.negate(), m, (p, vals) -> p.get(r).numerator());
        Var q = b.newVar(Var.AUX_PREFIX + "den[" + r + "]", BigInteger.ONE, m, (p, vals) -> p.get(r).denominator());
        Var kq = b.product("numden[" + r + "]", k, q);
        b.model().addLinear(LinearExpr.builder().add(BigInteger.ONE, kq).add(den.negate(), num).build(), Relation.EQ, BigInteger.ZERO);
    }

    /** The variable K of a free parameter; null for a fixed one. */
    Var var(ParameterRef r) {
        return vars.get(r);
    }

    Map<ParameterRef, Var> vars() {
        return vars;
    }

    Map<ParameterRef, BigInteger> denominators() {
        return denominators;
    }

    /** The free incoming parameters of unit i of layer ℓ: its free weights in input order, then its bias if free. */
    List<Var> freeIncoming(int l, int i) {
        List<Var> v = new ArrayList<>();
        for (int j = 0; j <= arch.fanIn(l); j++) {
            Var k = vars.get(j < arch.fanIn(l) ? ParameterRef.weight(l, i, j) : ParameterRef.bias(l, i));
            if (k != null) v.add(k);
        }
        return v;
    }

    /** Whether every weight of layer ℓ (and, with {@code withBiases}, every bias) is free. */
    boolean allFree(int l, boolean withBiases) {
        for (int i = 0; i < arch.layer(l).units(); i++) {
            for (int j = withBiases ? ParameterRef.BIAS : 0; j < arch.fanIn(l); j++) {
                if (fixed.containsKey(new ParameterRef(l, i, j))) return false;
            }
        }
        return true;
    }

    /** S_ℓ / (q·A_(ℓ−1)): the coefficient of K·H_(ℓ−1)[j] in Z_ℓ[i] for the free weight {@code r} (layer ℓ, input j). */
    BigInteger freeWeightCoefficient(ParameterRef r) {
        int l = r.layer();
        return integer(Rational.of(sc.pre(l)).divide(Rational.of(denominators.get(r)).multiply(Rational.of(sc.act(l - 1)))));
    }

    /** S_ℓ·w / A_(ℓ−1): the coefficient of H_(ℓ−1)[j] in Z_ℓ[i] for the fixed weight {@code r} with value w. */
    BigInteger fixedWeightCoefficient(ParameterRef r) {
        int l = r.layer();
        return integer(Rational.of(sc.pre(l)).multiply(fixed.get(r)).divide(Rational.of(sc.act(l - 1))));
    }

    /** Adds the bias term of Z_ℓ[i]: S_ℓ·b for a fixed bias, (S_ℓ / q)·K for a free one. */
    void addBias(LinearExpr.Builder z, int l, int i) {
        ParameterRef r = ParameterRef.bias(l, i);
        Rational f = fixed.get(r);
        if (f != null) z.addConstant(integer(Rational.of(sc.pre(l)).multiply(f)));
        else z.add(integer(Rational.of(sc.pre(l), denominators.get(r))), vars.get(r));
    }
}
