package org.ermbit.solvers.z3;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * An instance's forward pass and loss (DESIGN §3) as Z3 real-arithmetic terms over given parameter
 * terms: relu, leaky_relu and hardtanh as if-then-else terms, polynomials as products (Horner),
 * every constant an exact rational numeral. Shared by real mode ({@code RealDecider}: free reals)
 * and the naive Z3 baseline (reals constrained to the domain values).
 */
public final class Z3RealNetwork {
    private final Context ctx;
    private final ErmInstance inst;
    private final Function<ParameterRef, ArithExpr<RealSort>> param;

    /** {@code param} gives the term of every parameter, fixed ones included. */
    public Z3RealNetwork(Context ctx, ErmInstance inst, Function<ParameterRef, ArithExpr<RealSort>> param) {
        this.ctx = ctx;
        this.inst = inst;
        this.param = param;
    }

    /** The exact rational numeral q. */
    public static ArithExpr<RealSort> constant(Context ctx, Rational q) {
        return ctx.mkReal(q.toString());
    }

    /** The instance's loss on all its data points, aggregated. */
    public ArithExpr<RealSort> loss() {
        LossType type = inst.loss().type();
        List<ArithExpr<RealSort>> perPoint = new ArrayList<>();
        for (int n = 0; n < inst.data().size(); n++) {
            List<ArithExpr<RealSort>> yhat = forward(inst.data().inputs().get(n));
            List<Rational> y = inst.data().targets().get(n);
            List<ArithExpr<RealSort>> parts = new ArrayList<>();
            for (int o = 0; o < y.size(); o++) parts.add(pointLoss(type, yhat.get(o), y.get(o)));
            perPoint.add(type == LossType.MAX_ABS ? max(parts) : sum(parts));
        }
        Aggregate agg = inst.loss().aggregate();
        if (agg == Aggregate.MAX) return max(perPoint);
        ArithExpr<RealSort> total = sum(perPoint);
        // no points: 0, as the exact evaluator aggregates them (a division by 0 would be unconstrained in Z3)
        if (agg == Aggregate.MEAN && !perPoint.isEmpty()) return ctx.mkDiv(total, constant(ctx, Rational.of(perPoint.size())));
        return total;
    }

    private List<ArithExpr<RealSort>> forward(List<Rational> x) {
        Architecture a = inst.architecture();
        List<ArithExpr<RealSort>> h = new ArrayList<>();
        for (Rational v : x) h.add(constant(ctx, v));
        for (int l = 1; l <= a.depth(); l++) {
            List<ArithExpr<RealSort>> next = new ArrayList<>();
            for (int i = 0; i < a.layer(l).units(); i++) {
                List<ArithExpr<RealSort>> terms = new ArrayList<>();
                terms.add(param.apply(ParameterRef.bias(l, i)));
                for (int j = 0; j < h.size(); j++) terms.add(ctx.mkMul(param.apply(ParameterRef.weight(l, i, j)), h.get(j)));
                next.add(activate(a.layer(l).activation(), sum(terms)));
            }
            h = next;
        }
        return h;
    }

    private ArithExpr<RealSort> activate(Activation act, ArithExpr<RealSort> z) {
        ArithExpr<RealSort> zero = constant(ctx, Rational.ZERO);
        if (act instanceof Activation.Relu) return ite(ctx.mkGt(z, zero), z, zero);
        if (act instanceof Activation.Identity) return z;
        if (act instanceof Activation.LeakyRelu lr) return ite(ctx.mkGt(z, zero), z, ctx.mkMul(constant(ctx, lr.alpha()), z));
        if (act instanceof Activation.HardTanh) {
            ArithExpr<RealSort> one = constant(ctx, Rational.ONE);
            ArithExpr<RealSort> minusOne = constant(ctx, Rational.MINUS_ONE);
            return ite(ctx.mkGt(z, one), one, ite(ctx.mkLt(z, minusOne), minusOne, z));
        }
        if (act instanceof Activation.Polynomial p) {
            // Horner: c0 + z(c1 + z(c2 + …))
            List<Rational> c = p.coefficients();
            ArithExpr<RealSort> acc = constant(ctx, c.get(c.size() - 1));
            for (int k = c.size() - 2; k >= 0; k--) acc = ctx.mkAdd(constant(ctx, c.get(k)), ctx.mkMul(z, acc));
            return acc;
        }
        throw new IllegalArgumentException("not supported by the Z3 real model: activation " + act);
    }

    private ArithExpr<RealSort> pointLoss(LossType type, ArithExpr<RealSort> yhat, Rational y) {
        ArithExpr<RealSort> zero = constant(ctx, Rational.ZERO);
        ArithExpr<RealSort> one = constant(ctx, Rational.ONE);
        ArithExpr<RealSort> d = ctx.mkSub(yhat, constant(ctx, y));
        return switch (type) {
            case SQUARED -> ctx.mkMul(d, d);
            case ABSOLUTE, MAX_ABS -> ite(ctx.mkGe(d, zero), d, ctx.mkUnaryMinus(d));
            case ZERO_ONE -> ite(ctx.mkGt(ctx.mkMul(constant(ctx, y), yhat), zero), zero, one);
            case HINGE -> {
                ArithExpr<RealSort> m = ctx.mkSub(one, ctx.mkMul(constant(ctx, y), yhat));
                yield ite(ctx.mkGt(m, zero), m, zero);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private ArithExpr<RealSort> ite(BoolExpr c, ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
        return (ArithExpr<RealSort>) ctx.mkITE(c, a, b);
    }

    @SuppressWarnings("unchecked")
    private ArithExpr<RealSort> sum(List<ArithExpr<RealSort>> terms) {
        if (terms.isEmpty()) return constant(ctx, Rational.ZERO);
        return terms.size() == 1 ? terms.get(0) : ctx.mkAdd(terms.toArray(new ArithExpr[0]));
    }

    /** The maximum of the terms; 0 for none (as the exact evaluator aggregates an empty data set). */
    private ArithExpr<RealSort> max(List<ArithExpr<RealSort>> terms) {
        if (terms.isEmpty()) return constant(ctx, Rational.ZERO);
        ArithExpr<RealSort> m = terms.get(0);
        for (int k = 1; k < terms.size(); k++) m = ite(ctx.mkGe(terms.get(k), m), terms.get(k), m);
        return m;
    }
}
