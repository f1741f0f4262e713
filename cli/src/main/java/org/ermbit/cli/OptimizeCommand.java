package org.ermbit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ermbit optimize}: the minimum loss over the finite domain. Prints {@code o LOSS} for every
 * verified improvement, then {@code s OPTIMUM FOUND} and {@code c optimum p/q} (exit 30) when the
 * optimum is proved, {@code s SATISFIABLE} (exit 10) when stopped with an unproved best, or
 * {@code s UNKNOWN} (exit 0). The instance's threshold is ignored. With {@code --witness}, the file is
 * replaced by every improved witness during the run, before its {@code o} line.
 */
@Command(name = "optimize", description = "Minimise the loss exactly: o LOSS per improvement, s OPTIMUM FOUND (exit 30), s SATISFIABLE if not proved (exit 10), s UNKNOWN (exit 0).")
final class OptimizeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "An ermbit/1 instance file (its threshold is ignored).")
    Path instance;

    @Mixin
    SolverOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ErmInstance inst = Instances.read(instance);
        SolveSession session = new SolveSession(spec, options, inst, instance);
        ErmResult r = session.run((s, ticker) -> s.optimize(inst, new ErmSolver.Progress() {
            @Override
            public void improved(Rational loss, NetworkParameters witness) {
                session.keepImproved(witness, loss); // on disk before its o line: the file is never behind stdout
                accept(loss);
            }

            @Override
            public void accept(Rational loss) {
                ticker.accept(loss);
                if (!session.json()) {
                    session.out().println("o " + loss);
                    session.out().flush();
                }
            }
        }));
        return switch (r.outcome()) {
            case OPTIMUM -> {
                int code = session.reportSat(r, "OPTIMUM FOUND", 30);
                if (!session.json()) {
                    session.out().println("c optimum " + r.loss().orElseThrow());
                    session.out().println("c no parameter vector in this finite domain has a smaller loss (proved by "
                            + String.join("; ", r.proof()) + ")");
                }
                yield code;
            }
            case SAT -> {
                int code = session.reportSat(r, "SATISFIABLE", 10);
                if (!session.json()) session.out().println("c best loss found " + r.loss().orElseThrow() + "; optimality not proved: " + r.reason());
                yield code;
            }
            default -> session.reportUnknown(r);
        };
    }
}
