package org.ermbit.solvers.z3;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.IntSort;
import com.microsoft.z3.Optimize;
import com.microsoft.z3.Params;
import com.microsoft.z3.Z3Exception;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.backend.ModelShape;
import org.ermbit.solvers.backend.ResultFactory;

/**
 * One Z3 session owning one {@link Context} (closed by {@link #close()}; replaced after an
 * interrupted solve). Boolean IR variables are Z3 Booleans (as 0/1 via if-then-else inside
 * arithmetic), integer variables are Z3 integers with their bounds asserted, constants are built
 * from decimal strings (exact BigIntegers). Without an objective it uses a plain solver; with one,
 * {@code Optimize.MkMinimize}. Limits: {@code Context.interrupt()} from a {@link LimitWatcher} at
 * the deadline, and Z3's own {@code timeout} a little later as a fallback ({@link Z3Params}).
 */
final class Z3Solver implements Solver {
    private static final Set<Capability> CAPS = Set.of(Capability.LIA, Capability.NIA);

    private final String version;
    private Context ctx;

    Z3Solver(String version) {
        this.version = version;
    }

    @Override
    public SolveResult solve(Model model, Limits limits) {
        ResultFactory results = new ResultFactory("z3", version);
        Optional<String> refusal = ModelShape.unsupported(model, CAPS);
        if (refusal.isPresent()) return results.error(refusal.get());
        if (limits.expired()) return results.unknown(limits.stopReason());
        if (ctx == null) ctx = new Context();
        Context c = ctx;
        boolean interrupted = false;
        try (LimitWatcher watcher = LimitWatcher.start(limits, c::interrupt)) {
            SolveResult r = run(model, limits, c, results);
            interrupted = watcher.fired();
            return r;
        } catch (Z3Exception e) {
            interrupted = true;
            if (limits.expired()) return results.unknown(limits.stopReason());
            return results.error("z3 failed: " + e.getMessage());
        } finally {
            if (interrupted) {
                // an interrupted context may keep its cancel flag: start the next solve afresh
                close();
            }
        }
    }

    private SolveResult run(Model model, Limits limits, Context c, ResultFactory results) {
        Encoding enc = new Encoding(c, model);
        List<BoolExpr> assertions = enc.assertions();
        Params params = Z3Params.forLimits(c, limits);
        Map<String, String> stats = new LinkedHashMap<>();
        if (model.objective().isPresent()) {
            Optimize opt = c.mkOptimize();
            opt.setParameters(params);
            opt.Add(assertions.toArray(new BoolExpr[0]));
            opt.MkMinimize(enc.arith(model.objective().get().expr()));
            com.microsoft.z3.Status st = opt.Check();
            switch (st) {
                case SATISFIABLE:
                    return results.optimal(model, enc.decode(opt.getModel()), stats);
                case UNSATISFIABLE:
                    return results.unsat(stats);
                default:
                    return unknownOrBest(model, limits, results, enc, opt, stats);
            }
        }
        com.microsoft.z3.Solver s = c.mkSolver();
        s.setParameters(params);
        s.add(assertions.toArray(new BoolExpr[0]));
        com.microsoft.z3.Status st = s.check();
        switch (st) {
            case SATISFIABLE:
                return results.sat(model, enc.decode(s.getModel()), Optional.empty(), stats);
            case UNSATISFIABLE:
                return results.unsat(stats);
            default:
                return results.unknown(reason(limits, s.getReasonUnknown()));
        }
    }

    /** After an inconclusive Optimize: the best model so far (SAT, unproved) when Z3 kept a valid one. */
    private static SolveResult unknownOrBest(Model model, Limits limits, ResultFactory results, Encoding enc, Optimize opt, Map<String, String> stats) {
        String why = reason(limits, safeReason(opt));
        try {
            com.microsoft.z3.Model best = opt.getModel();
            Assignment a = best == null ? null : enc.decode(best);
            if (a != null && model.isSatisfiedBy(a)) {
                stats.put("stopped", why);
                return results.sat(model, a, Optional.empty(), stats);
            }
        } catch (Z3Exception e) {
            // Z3 kept no model to report
        }
        return results.unknown(why);
    }

    private static String safeReason(Optimize opt) {
        try {
            return opt.getReasonUnknown();
        } catch (Z3Exception e) {
            return "unknown";
        }
    }

    private static String reason(Limits limits, String z3Reason) {
        if (limits.cancel().isCancelled()) return "cancelled";
        if (limits.expired()) return "timeout";
        return "z3: " + z3Reason;
    }

    @Override
    public void close() {
        if (ctx != null) {
            ctx.close();
            ctx = null;
        }
    }

    /** The translation of one IR model into Z3 terms over one context. */
    private static final class Encoding {
        private final Context c;
        private final Model model;
        private final Expr<?>[] vars;

        Encoding(Context c, Model model) {
            this.c = c;
            this.model = model;
            this.vars = new Expr<?>[model.vars().size()];
            for (Var v : model.vars()) {
                vars[v.index()] = v.bool() ? c.mkBoolConst("b" + v.index()) : c.mkIntConst("x" + v.index());
            }
        }

        IntNum num(BigInteger k) {
            return c.mkInt(k.toString());
        }

        BoolExpr bool(Var v) {
            return (BoolExpr) vars[v.index()];
        }

        @SuppressWarnings("unchecked")
        ArithExpr<IntSort> term(Var v) {
            if (v.bool()) return (ArithExpr<IntSort>) c.mkITE(bool(v), c.mkInt(1), c.mkInt(0));
            return (ArithExpr<IntSort>) vars[v.index()];
        }

        BoolExpr lit(Literal l) {
            return l.positive() ? bool(l.var()) : c.mkNot(bool(l.var()));
        }

        @SuppressWarnings("unchecked")
        ArithExpr<IntSort> arith(LinearExpr e) {
            List<ArithExpr<IntSort>> parts = new ArrayList<>();
            for (Map.Entry<Var, BigInteger> t : e.terms().entrySet()) {
                Var v = t.getKey();
                if (v.bool()) parts.add((ArithExpr<IntSort>) c.mkITE(bool(v), num(t.getValue()), c.mkInt(0)));
                else parts.add(t.getValue().equals(BigInteger.ONE) ? term(v) : c.mkMul(num(t.getValue()), term(v)));
            }
            if (e.constant().signum() != 0 || parts.isEmpty()) parts.add(num(e.constant()));
            return parts.size() == 1 ? parts.get(0) : c.mkAdd(parts.toArray(new ArithExpr[0]));
        }

        List<BoolExpr> assertions() {
            List<BoolExpr> out = new ArrayList<>();
            for (Var v : model.vars()) {
                if (v.bool()) {
                    if (v.lower().signum() > 0) out.add(bool(v));
                    if (v.upper().signum() == 0) out.add(c.mkNot(bool(v)));
                } else {
                    out.add(c.mkGe(term(v), num(v.lower())));
                    out.add(c.mkLe(term(v), num(v.upper())));
                }
            }
            for (Constraint k : model.constraints()) out.add(encode(k));
            return out;
        }

        private BoolExpr encode(Constraint k) {
            if (k instanceof Constraint.Clause cl) {
                if (cl.literals().isEmpty()) return c.mkFalse();
                return c.mkOr(cl.literals().stream().map(this::lit).toArray(BoolExpr[]::new));
            }
            if (k instanceof Constraint.Product p) {
                return c.mkEq(term(p.result()), c.mkMul(term(p.left()), term(p.right())));
            }
            Constraint.Linear l = (Constraint.Linear) k;
            ArithExpr<IntSort> lhs = arith(l.expr());
            IntNum rhs = num(l.rhs());
            BoolExpr atom = switch (l.relation()) {
                case LE -> c.mkLe(lhs, rhs);
                case GE -> c.mkGe(lhs, rhs);
                case EQ -> c.mkEq(lhs, rhs);
            };
            if (l.enforcement().isEmpty()) return atom;
            BoolExpr cond = c.mkAnd(l.enforcement().stream().map(this::lit).toArray(BoolExpr[]::new));
            return c.mkImplies(cond, atom);
        }

        Assignment decode(com.microsoft.z3.Model m) {
            BigInteger[] values = new BigInteger[vars.length];
            for (Var v : model.vars()) {
                Expr<?> val = m.eval(vars[v.index()], true);
                if (v.bool()) values[v.index()] = val.isTrue() ? BigInteger.ONE : BigInteger.ZERO;
                else values[v.index()] = ((IntNum) val).getBigInteger();
            }
            return new Assignment(values);
        }
    }
}
