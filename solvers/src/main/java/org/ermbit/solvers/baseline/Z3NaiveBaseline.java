package org.ermbit.solvers.baseline;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Z3Exception;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.z3.Z3Provider;
import org.ermbit.solvers.z3.Z3RealNetwork;
import org.ermbit.solvers.z3.Z3Params;

/**
 * {@code z3-naive}: the model a user would write by hand in Z3. Every free weight and bias is a Z3
 * real constrained to its domain by a disjunction of equalities (w = v1 ∨ w = v2 ∨ …; a
 * {@code rational} domain as w·q = p with bounded integers p, q); the network is unrolled per data
 * point with real arithmetic (products of unknown weights and unknown activations make it
 * nonlinear), ReLU / leaky ReLU / hardtanh as if-then-else, polynomials as products, and the loss as
 * one real term. Decision: assert loss ≤ γ. Optimisation: find a model, then demand a strictly
 * smaller loss until Z3 says unsat. No scaling, no activation literals, no symmetry breaking.
 */
public final class Z3NaiveBaseline implements InstanceSolver {
    /** Largest domain written out as a disjunction. */
    public static final int MAX_DISJUNCTION = 1 << 16;

    @Override
    public String id() {
        return Baselines.Z3_NAIVE;
    }

    @Override
    public String description() {
        return "naive hand-written Z3 model: real weights in a disjunction of grid values, nonlinear real arithmetic (baseline)";
    }

    @Override
    public Availability probe() {
        return Z3Provider.nativeAvailability();
    }

    @Override
    public BaselineAnswer decide(ErmInstance inst, Limits limits) {
        if (limits.expired()) return BaselineAnswer.unknown("timeout");
        try (Context ctx = new Context(); LimitWatcher watch = LimitWatcher.start(limits, ctx::interrupt)) {
            Unrolled u = Unrolled.build(ctx, inst);
            if (u.refusal != null) return BaselineAnswer.unknown(u.refusal);
            Solver s = u.solver;
            s.add(ctx.mkLe(u.loss, real(ctx, inst.threshold())));
            Status st = check(ctx, s, limits);
            if (st == Status.UNSATISFIABLE) return new BaselineAnswer(BaselineAnswer.Kind.UNSAT, Optional.empty(), "");
            if (st == Status.SATISFIABLE) {
                Optional<NetworkParameters> p = u.decode(s.getModel());
                return p.map(w -> new BaselineAnswer(BaselineAnswer.Kind.SAT, Optional.of(w), ""))
                        .orElseGet(() -> BaselineAnswer.unknown("Z3 returned a non-rational parameter value"));
            }
            return BaselineAnswer.unknown(watch.fired() ? watch.reason() : "z3: " + s.getReasonUnknown());
        } catch (Z3Exception e) {
            return BaselineAnswer.unknown(limits.expired() ? "timeout" : "z3: " + e.getMessage());
        }
    }

    @Override
    public BaselineAnswer minimize(ErmInstance inst, Limits limits, Consumer<Rational> progress) {
        if (limits.expired()) return BaselineAnswer.unknown("timeout");
        NetworkParameters best = null;
        try (Context ctx = new Context(); LimitWatcher watch = LimitWatcher.start(limits, ctx::interrupt)) {
            Unrolled u = Unrolled.build(ctx, inst);
            if (u.refusal != null) return BaselineAnswer.unknown(u.refusal);
            Solver s = u.solver;
            while (true) {
                Status st = check(ctx, s, limits);
                if (st == Status.UNSATISFIABLE) {
                    return best == null ? BaselineAnswer.unknown("z3 found the domain empty")
                            : new BaselineAnswer(BaselineAnswer.Kind.OPTIMUM, Optional.of(best), "");
                }
                if (st != Status.SATISFIABLE) {
                    String why = watch.fired() ? watch.reason() : "z3: " + s.getReasonUnknown();
                    return best == null ? BaselineAnswer.unknown(why) : new BaselineAnswer(BaselineAnswer.Kind.FEASIBLE, Optional.of(best), why);
                }
                Optional<NetworkParameters> p = u.decode(s.getModel());
                if (p.isEmpty()) return BaselineAnswer.unknown("Z3 returned a non-rational parameter value");
                best = p.get();
                Rational loss = LossEvaluator.evaluate(inst, best).total();
                progress.accept(loss);
                s.add(ctx.mkLt(u.loss, real(ctx, loss)));
            }
        } catch (Z3Exception e) {
            String why = limits.expired() ? "timeout" : "z3: " + e.getMessage();
            return best == null ? BaselineAnswer.unknown(why) : new BaselineAnswer(BaselineAnswer.Kind.FEASIBLE, Optional.of(best), why);
        }
    }

    private static Status check(Context ctx, Solver s, Limits limits) {
        s.setParameters(Z3Params.forLimits(ctx, limits));
        return s.check();
    }

    static ArithExpr<RealSort> real(Context ctx, Rational r) {
        return Z3RealNetwork.constant(ctx, r);
    }

    /** The unrolled model: parameter constants, the loss term, and a solver holding the domain and network constraints. */
    private static final class Unrolled {
        final Map<ParameterRef, ArithExpr<RealSort>> params = new HashMap<>();
        Solver solver;
        ArithExpr<RealSort> loss;
        String refusal;
        ErmInstance inst;

        static Unrolled build(Context ctx, ErmInstance inst) {
            Unrolled u = new Unrolled();
            u.inst = inst;
            u.solver = ctx.mkSolver();
            Map<ParameterRef, Rational> fixed = inst.fixedValues();
            for (var e : fixed.entrySet()) u.params.put(e.getKey(), real(ctx, e.getValue()));
            for (ParameterRef r : inst.freeParameters()) {
                ArithExpr<RealSort> w = ctx.mkRealConst("w_" + r.layer() + "_" + r.unit() + "_" + (r.isBias() ? "b" : Integer.toString(r.input())));
                u.params.put(r, w);
                String why = u.constrain(ctx, w, inst.domains().of(r));
                if (why != null) {
                    u.refusal = why;
                    return u;
                }
            }
            u.loss = new Z3RealNetwork(ctx, inst, u.params::get).loss();
            return u;
        }

        /** Domain constraint; a reason when the naive model refuses the domain. */
        String constrain(Context ctx, ArithExpr<RealSort> w, Domain d) {
            if (d instanceof Domain.RationalBits rb) {
                var p = ctx.mkIntConst(w + "_p");
                var q = ctx.mkIntConst(w + "_q");
                var bound = ctx.mkInt(rb.bound().toString());
                solver.add(ctx.mkLe(ctx.mkUnaryMinus(bound), p), ctx.mkLe(p, bound), ctx.mkLe(ctx.mkInt(1), q), ctx.mkLe(q, bound),
                        ctx.mkEq(ctx.mkMul(w, ctx.mkInt2Real(q)), ctx.mkInt2Real(p)));
                return null;
            }
            if (d.size().compareTo(BigInteger.valueOf(MAX_DISJUNCTION)) > 0) {
                return "not supported: z3-naive writes a domain as a disjunction of at most " + MAX_DISJUNCTION + " values, this one has " + d.size();
            }
            List<BoolExpr> eqs = new ArrayList<>();
            for (Rational v : d.values(MAX_DISJUNCTION)) eqs.add(ctx.mkEq(w, real(ctx, v)));
            solver.add(ctx.mkOr(eqs.toArray(new BoolExpr[0])));
            return null;
        }

        Optional<NetworkParameters> decode(Model m) {
            Map<ParameterRef, Rational> values = new HashMap<>();
            for (var e : params.entrySet()) {
                Expr<RealSort> v = m.eval(e.getValue(), true);
                if (!(v instanceof RatNum rn)) return Optional.empty();
                values.put(e.getKey(), Rational.of(rn.getNumerator().getBigInteger(), rn.getDenominator().getBigInteger()));
            }
            return Optional.of(NetworkParameters.build(inst.architecture(), values::get));
        }
    }
}
