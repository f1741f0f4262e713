package org.ermbit.solvers.real;

import com.microsoft.z3.AlgebraicNum;
import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import com.microsoft.z3.Version;
import com.microsoft.z3.Z3Exception;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.z3.Z3RealNetwork;
import org.ermbit.solvers.z3.Z3Params;

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
        // an interrupt of the calling thread (e.g. SIGINT on the command line) cancels the solve: UNKNOWN "cancelled"
        try (Context ctx = new Context(); LimitWatcher watcher = LimitWatcher.start(limits, ctx::interrupt);
             LimitWatcher.InterruptWatch interrupts = LimitWatcher.cancelOnInterrupt(Thread.currentThread(), limits.cancel())) {
            Map<ParameterRef, ArithExpr<RealSort>> free = freeReals(ctx, inst);
            Map<ParameterRef, Rational> fixed = inst.fixedValues();
            ArithExpr<RealSort> loss = new Z3RealNetwork(ctx, inst,
                    r -> fixed.containsKey(r) ? Z3RealNetwork.constant(ctx, fixed.get(r)) : free.get(r)).loss();
            Solver s = ctx.mkSolver("QF_NRA");
            s.setParameters(Z3Params.forLimits(ctx, limits));
            s.add(ctx.mkLe(loss, Z3RealNetwork.constant(ctx, gamma)));
            Status st = s.check();
            Duration t = Duration.between(start, Instant.now());
            if (st == Status.UNSATISFIABLE) {
                return new RealResult(RealResult.Outcome.UNSAT, Map.of(), Optional.empty(), false, "", version, t);
            }
            if (st != Status.SATISFIABLE) {
                String reason = watcher.fired() || limits.expired() ? limits.stopReason() : "z3: " + s.getReasonUnknown();
                return new RealResult(RealResult.Outcome.UNKNOWN, Map.of(), Optional.empty(), false, reason, version, t);
            }
            Model m = s.getModel();
            Map<ParameterRef, RealValue> witness = new LinkedHashMap<>();
            for (Map.Entry<ParameterRef, ArithExpr<RealSort>> e : free.entrySet()) {
                witness.put(e.getKey(), value(m.eval(e.getValue(), true)));
            }
            RealValue lossValue = value(m.eval(loss, true));
            boolean checked = rationalCheck(inst, gamma, witness, lossValue);
            return new RealResult(RealResult.Outcome.SAT, witness, Optional.of(lossValue), checked, "", version,
                    Duration.between(start, Instant.now()));
        } catch (Z3Exception e) {
            Duration t = Duration.between(start, Instant.now());
            String reason = limits.expired() ? limits.stopReason() : "z3 failed: " + e.getMessage();
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

    /** Free parameters as Z3 real constants named {@code w_l_i_j} / {@code b_l_i}, fixed ones as numerals. */
    private static Map<ParameterRef, ArithExpr<RealSort>> freeReals(Context ctx, ErmInstance inst) {
        Map<ParameterRef, ArithExpr<RealSort>> free = new LinkedHashMap<>();
        for (ParameterRef r : inst.freeParameters()) {
            free.put(r, ctx.mkRealConst(r.isBias() ? "b_" + r.layer() + "_" + r.unit() : "w_" + r.layer() + "_" + r.unit() + "_" + r.input()));
        }
        return free;
    }
}
