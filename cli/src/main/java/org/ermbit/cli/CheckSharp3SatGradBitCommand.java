package org.ermbit.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.counting.CheckResult;
import org.ermbit.reductions.counting.GradientBitReduction;
import org.ermbit.solvers.count.ModelCounter;
import org.ermbit.solvers.count.ModelCounters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit check sharp3sat-gradbit F.cnf…}: per file, counts the models directly with a model
 * counter, builds the reduced instance (through its ermbit/1 text), computes ∂L/∂θ at θ = 0 exactly
 * and reads the count from the stated bits. Files whose instance would exceed {@code --max-bits}
 * are reported {@code skipped (needs ~N bits, …)}, never as agreement.
 */
@Command(name = GradientBitReduction.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check #3SAT -> gradient bits: count each CNF directly and read the count back from the exact gradient of the reduced instance. Exit 0 iff every file agrees (skipped files do not).")
public final class CheckSharp3SatGradBitCommand implements Callable<Integer> {

    /** Default cap on the bit length of any value of the exact gradient computation. */
    public static final int DEFAULT_MAX_BITS = 2_000_000;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "F.cnf", description = "DIMACS CNF files")
    List<Path> files;

    @Option(names = "--max-bits", paramLabel = "BITS", defaultValue = "" + DEFAULT_MAX_BITS,
            description = "skip a file whose exact gradient would need more bits than this (default ${DEFAULT-VALUE})")
    int maxBits;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
            description = "seconds (decimals allowed) for each direct model count (default ${DEFAULT-VALUE})")
    String timeout;

    @Option(names = "--counter", paramLabel = "ID", defaultValue = "component", description = "model counter: component or logicng (default ${DEFAULT-VALUE})")
    String counterId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxBits < 1) throw new UsageException("--max-bits must be >= 1, got " + maxBits);
        Duration limit = SolverOptions.parseTimeout(timeout);
        ModelCounter counter = ModelCounters.byId(counterId).orElseThrow(
                () -> new UsageException("unknown counter '" + counterId + "' (known: " + String.join(", ", ModelCounters.ids()) + ")"));
        CheckReport.requireOneLineNames(files);
        PrintWriter out = spec.commandLine().getOut();
        // all inputs validated before any work
        List<Cnf> cnfs = files.stream().map(f -> CnfInputs.readForCounting(f, out, "sharp3sat-gradbit encodes the plain model count")).toList();
        CheckReport report = new CheckReport(out);
        for (int i = 0; i < files.size() && !report.interrupted(i, files.size()); i++) {
            CheckResult r = GradientBitReduction.check(cnfs.get(i), cnf -> count(counter, cnf, limit), maxBits);
            report.add(files.get(i), r);
        }
        return report.finish();
    }

    /** The direct count, empty past the time limit or after an interrupt (SIGINT / SIGTERM). */
    private static Optional<BigInteger> count(ModelCounter counter, Cnf cnf, Duration limit) {
        return counter.count(cnf, Limits.timeout(limit)).count();
    }
}
