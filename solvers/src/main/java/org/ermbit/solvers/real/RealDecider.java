package org.ermbit.solvers.real;

import com.microsoft.z3.AlgebraicNum;
import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Version;
import com.microsoft.z3.Z3Exception;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;

/**
 * Decides "∃ real parameters with loss ≤ γ" for an ERM instance with Z3's nlsat procedure
 * (QF_NRA, complete for nonlinear real arithmetic). Free parameters become Z3 reals with no domain
 * constraint; fixed parameters stay constants; ReLU, leaky ReLU and hardtanh become if-then-else
 * terms, polynomials become products; every constant is an exact rational numeral. One Z3 context
 * per call (the z3-turnkey build is the only Z3 in the JVM). Witnesses are exact algebraic numbers.
 */
public final class RealDecider {

    private RealDecider() {
    }

    /** Decides {@code loss ≤ gamma} over the reals within {@code limits}. */
    public static RealResult decide(ErmInstance inst, Rational gamma, Limits limits) {
        Instant start = Instant.now();
        String version = Version.getString();
        try (Context ctx = new Context(); LimitWatcher watcher = LimitWatcher.start(limits, ctx::interrupt)) {
            Builder b = new Builder(ctx, inst);
            ArithExpr<RealSort> loss = b.loss();
            Solver s = ctx.mkSolver("QF_NRA");
            limits.remaining().ifPresent(d -> {
                Params p = ctx.mkParams();
                p.add("timeout", (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis())));
                s.setParameters(p);
            });
            s.add(ctx.mkLe(loss, b.constant(gamma)));
            Status st = s.check();
            Duration t = Duration.between(start, Instant.now());
            if (st == Status.UNSATISFIABLE) {
                return new RealResult(RealResult.Outcome.UNSAT, Map.of(), Optional.empty(), false, "", version, t);
            }
            if (st != Status.SATISFIABLE) {
                String reason = watcher.fired() || limits.expired() ? "timeout" : "z3: " + s.getReasonUnknown();
                return new RealResult(RealResult.Outcome.UNKNOWN, Map.of(), Optional.empty(), false, reason, version, t);
            }
            Model m = s.getModel();
            Map<ParameterRef, RealValue> witness = new LinkedHashMap<>();
            for (Map.Entry<ParameterRef, ArithExpr<RealSort>> e : b.free.entrySet()) {
                witness.put(e.getKey(), value(m.eval(e.getValue(), true)));
            }
            RealValue lossValue = value(m.eval(loss, true));
            boolean checked = rationalCheck(inst, gamma, witness, lossValue);
            return new RealResult(RealResult.Outcome.SAT, witness, Optional.of(lossValue), checked, "", version,
                    Duration.between(start, Instant.now()));
        } catch (Z3Exception e) {
            Duration t = Duration.between(start, Instant.now());
            String reason = limits.expired() ? "timeout" : "z3 failed: " + e.getMessage();
            return new RealResult(RealResult.Outcome.UNKNOWN, Map.of(), Optional.empty(), false, reason, version, t);
        }
    }

    /**
     * For an all-rational witness: recomputes the loss with the exact rational evaluator and insists
     * it equals Z3's value and is ≤ γ (a mismatch is a bug, reported loudly).
     */
    private static boolean rationalCheck(ErmInstance inst, Rational gamma, Map<ParameterRef, RealValue> witness, RealValue loss) {
        if (!loss.isRational() || !witness.values().stream().allMatch(RealValue::isRational)) return false;
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        NetworkParameters p = NetworkParameters.build(inst.architecture(),
                r -> fixed.containsKey(r) ? fixed.get(r) : witness.get(r).rational().orElseThrow());
        Rational exact = LossEvaluator.evaluate(inst, p).total();
        if (!exact.equals(loss.rational().get()) || exact.compareTo(gamma) > 0) {
            throw new IllegalStateException("real mode: Z3's witness has exact loss " + exact + " but Z3 reported " + loss);
        }
        return true;
    }

    static RealValue value(Expr<?> e) {
        if (e instanceof RatNum r) {
            Rational q = Rational.of(r.getBigIntNumerator(), r.getBigIntDenominator());
            return new RealValue(Optional.of(q), q.toString(), q.toDecimalString(12));
        }
        if (e instanceof AlgebraicNum a) {
            return new RealValue(Optional.empty(), a.toString(), a.toDecimal(12));
        }
        throw new IllegalStateException("real mode: Z3 returned a non-numeral model value: " + e);
    }

    /** Builds the symbolic forward pass and loss. */
    private static final class Builder {
        final Context ctx;
        final ErmInstance inst;
        final Map<ParameterRef, ArithExpr<RealSort>> free = new LinkedHashMap<>();
        final Map<ParameterRef, Rational> fixed;

        Builder(Context ctx, ErmInstance inst) {
            this.ctx = ctx;
            this.inst = inst;
            this.fixed = inst.fixedValues();
            Architecture a = inst.architecture();
            for (int l = 1; l <= a.depth(); l++) {
                for (int i = 0; i < a.layer(l).units(); i++) {
                    for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) {
                        ParameterRef r = new ParameterRef(l, i, j);
                        if (!fixed.containsKey(r)) free.put(r, ctx.mkRealConst(name(r)));
                    }
                }
            }
        }

        static String name(ParameterRef r) {
            return r.isBias() ? "b_" + r.layer() + "_" + r.unit() : "w_" + r.layer() + "_" + r.unit() + "_" + r.input();
        }

        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> constant(Rational q) {
            ArithExpr<RealSort> num = (ArithExpr<RealSort>) ctx.mkNumeral(q.numerator().toString(), ctx.getRealSort());
            if (q.isInteger()) return num;
            ArithExpr<RealSort> den = (ArithExpr<RealSort>) ctx.mkNumeral(q.denominator().toString(), ctx.getRealSort());
            return ctx.mkDiv(num, den);
        }

        ArithExpr<RealSort> param(ParameterRef r) {
            Rational f = fixed.get(r);
            return f != null ? constant(f) : free.get(r);
        }

        List<ArithExpr<RealSort>> forward(List<Rational> x) {
            Architecture a = inst.architecture();
            List<ArithExpr<RealSort>> h = new ArrayList<>();
            for (Rational v : x) h.add(constant(v));
            for (int l = 1; l <= a.depth(); l++) {
                List<ArithExpr<RealSort>> next = new ArrayList<>();
                for (int i = 0; i < a.layer(l).units(); i++) {
                    List<ArithExpr<RealSort>> terms = new ArrayList<>();
                    terms.add(param(ParameterRef.bias(l, i)));
                    for (int j = 0; j < h.size(); j++) terms.add(ctx.mkMul(param(ParameterRef.weight(l, i, j)), h.get(j)));
                    ArithExpr<RealSort> z = sum(terms);
                    next.add(activate(a.layer(l).activation(), z));
                }
                h = next;
            }
            return h;
        }

        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> activate(Activation act, ArithExpr<RealSort> z) {
            ArithExpr<RealSort> zero = constant(Rational.ZERO);
            if (act instanceof Activation.Relu) return (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGt(z, zero), z, zero);
            if (act instanceof Activation.Identity) return z;
            if (act instanceof Activation.LeakyRelu lr) {
                return (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGt(z, zero), z, ctx.mkMul(constant(lr.alpha()), z));
            }
            if (act instanceof Activation.HardTanh) {
                ArithExpr<RealSort> one = constant(Rational.ONE);
                ArithExpr<RealSort> minusOne = constant(Rational.MINUS_ONE);
                return (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGt(z, one), one, ctx.mkITE(ctx.mkLt(z, minusOne), minusOne, z));
            }
            if (act instanceof Activation.Polynomial p) {
                // Horner: c0 + z(c1 + z(c2 + …))
                List<Rational> c = p.coefficients();
                ArithExpr<RealSort> acc = constant(c.get(c.size() - 1));
                for (int k = c.size() - 2; k >= 0; k--) acc = ctx.mkAdd(constant(c.get(k)), ctx.mkMul(z, acc));
                return acc;
            }
            throw new IllegalArgumentException("not supported in real mode: activation " + act);
        }

        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> loss() {
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
            if (agg == Aggregate.MAX || type == LossType.MAX_ABS) return max(perPoint);
            ArithExpr<RealSort> total = sum(perPoint);
            if (agg == Aggregate.MEAN) return ctx.mkDiv(total, constant(Rational.of(inst.data().size())));
            return total;
        }

        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> pointLoss(LossType type, ArithExpr<RealSort> yhat, Rational y) {
            ArithExpr<RealSort> zero = constant(Rational.ZERO);
            ArithExpr<RealSort> one = constant(Rational.ONE);
            ArithExpr<RealSort> d = ctx.mkSub(yhat, constant(y));
            return switch (type) {
                case SQUARED -> ctx.mkMul(d, d);
                case ABSOLUTE, MAX_ABS -> (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGe(d, zero), d, ctx.mkUnaryMinus(d));
                case ZERO_ONE -> (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGt(ctx.mkMul(constant(y), yhat), zero), zero, one);
                case HINGE -> {
                    ArithExpr<RealSort> m = ctx.mkSub(one, ctx.mkMul(constant(y), yhat));
                    yield (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGt(m, zero), m, zero);
                }
            };
        }

        ArithExpr<RealSort> sum(List<ArithExpr<RealSort>> terms) {
            if (terms.size() == 1) return terms.get(0);
            @SuppressWarnings("unchecked")
            ArithExpr<RealSort>[] arr = terms.toArray(new ArithExpr[0]);
            return ctx.mkAdd(arr);
        }

        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> max(List<ArithExpr<RealSort>> terms) {
            ArithExpr<RealSort> m = terms.get(0);
            for (int k = 1; k < terms.size(); k++) m = (ArithExpr<RealSort>) ctx.mkITE(ctx.mkGe(terms.get(k), m), terms.get(k), m);
            return m;
        }
    }
}
