package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.real.RealDecider;
import org.ermbit.solvers.real.RealResult;
import org.ermbit.solvers.real.RealValue;

/**
 * {@code ermbit solve --real}: decides "∃ real parameters with loss ≤ threshold" (finite domains
 * ignored) with Z3 nlsat and prints the line protocol with exact algebraic witnesses:
 * {@code s SATISFIABLE} (exit 10), {@code s UNSATISFIABLE} (exit 20, no real parameters at all),
 * {@code s UNKNOWN} (exit 0).
 */
final class RealSolveReport {

    private RealSolveReport() {
    }

    static int run(ErmInstance inst, Path file, SolverOptions options, PrintWriter out) {
        Limits limits = options.timeout == null ? Limits.none() : Limits.timeout(SolverOptions.parseTimeout(options.timeout));
        out.println("c ermbit solve --real " + PrintableText.oneLine(file.toString()));
        out.println("c real mode: parameters range over all real numbers (the instance's finite domains are ignored); "
                + "fixed parameters stay fixed; threshold " + inst.threshold());
        out.flush();
        RealResult r = RealDecider.decide(inst, inst.threshold(), limits);
        out.println("c decided by Z3 " + r.z3Version() + " nonlinear real arithmetic (QF_NRA, nlsat)");
        int code;
        switch (r.outcome()) {
            case SAT -> {
                out.println("s SATISFIABLE");
                RealValue loss = r.loss().orElseThrow();
                out.println("c loss " + loss.exact() + "  (≈ " + loss.approximation() + ")");
                for (Map.Entry<ParameterRef, RealValue> e : r.witness().entrySet()) {
                    out.println("c param " + e.getKey() + " = " + e.getValue().exact() + "  (≈ " + e.getValue().approximation() + ")");
                }
                out.println(r.rationalCheck() ? "c witness is rational: loss re-checked by the exact rational evaluator"
                        : "c witness is algebraic: (root-obj P K) is the K-th smallest real root of P(x); checked by Z3 only");
                code = 10;
            }
            case UNSAT -> {
                out.println("s UNSATISFIABLE");
                out.println("c no real parameter vector has loss <= " + inst.threshold());
                code = 20;
            }
            default -> {
                out.println("s UNKNOWN");
                out.println("c reason: " + r.reason());
                code = 0;
            }
        }
        out.println("c time " + Seconds.of(r.time()) + " s");
        out.flush();
        return code;
    }
}
