package org.ermbit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.solvers.pipeline.ErmResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ermbit solve}: is there a parameter vector in the finite domain with loss ≤ threshold?
 * Exit 10 (SAT, with a verified witness), 20 (UNSAT in this finite domain), 0 (unknown).
 */
@Command(name = "solve", description = "Decide an ERM_bit instance exactly: s SATISFIABLE (exit 10), s UNSATISFIABLE (exit 20), s UNKNOWN (exit 0).")
final class SolveCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "An ermbit/1 instance file.")
    Path instance;

    @Mixin
    SolverOptions options;

    @picocli.CommandLine.Option(names = "--real", description = "Decide over the real numbers instead of the finite domains (Z3 nlsat; exact algebraic witnesses).")
    boolean real;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ErmInstance inst = Instances.read(instance);
        if (real) {
            for (String option : new String[] {"--json", "--solver", "--witness", "--cross-check", "--refine", "--no-local-search", "--no-symmetry-breaking", "--squares", "--seed"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new UsageException("not supported: " + option + " with --real (Z3 decides over the reals; the line protocol only)");
                }
            }
            return RealSolveReport.run(inst, instance, options, spec.commandLine().getOut());
        }
        SolveSession session = new SolveSession(spec, options, inst, instance);
        ErmResult r = session.run((s, progress) -> s.decide(inst, progress));
        return switch (r.outcome()) {
            case SAT -> session.reportSat(r, "SATISFIABLE", 10);
            case UNSAT -> session.reportUnsat(r, "no parameter vector in this finite domain has loss <= " + inst.threshold()
                    + " (a statement about the finite domain, not about real-valued parameters)", 20);
            default -> session.reportUnknown(r);
        };
    }
}
