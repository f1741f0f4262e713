package org.ermbit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.format.WitnessWriter;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.Witness;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of {@code solve} or {@code optimize}: builds the pipeline from the options, shows a
 * progress ticker on stderr when it is a terminal, and reports the result (line protocol or JSON,
 * witness file) with the command's exit code.
 */
final class SolveSession {

    private final CommandSpec spec;
    private final SolverOptions options;
    private final ErmInstance inst;
    private final Path file;
    private final ResultPrinter printer;
    private final PrintWriter out;
    private boolean improvedWriteFailed;

    SolveSession(CommandSpec spec, SolverOptions options, ErmInstance inst, Path file) {
        this.spec = spec;
        this.options = options;
        this.inst = inst;
        this.file = file;
        this.out = spec.commandLine().getOut();
        this.printer = new ResultPrinter(out);
    }

    PrintWriter out() {
        return out;
    }

    boolean json() {
        return options.json;
    }

    /**
     * Runs {@code task} on a pipeline built from the options, handing it a progress listener that
     * shows the best loss so far on the terminal ticker (the pipeline answers unsupported instances
     * with UNKNOWN and the reason).
     */
    ErmResult run(BiFunction<ErmSolver, ErmSolver.Progress, ErmResult> task) {
        ErmSolver solver;
        SolverOptions.checkIds(options.solvers, options.crossCheck);
        try {
            solver = new ErmSolver(options.toErmOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.witness != null) OutputFiles.checkWritable(options.witness, "--witness");
        if (!options.json) printer.header(spec.name(), inst, file.toString());
        try (ProgressTicker ticker = ProgressTicker.start(spec.commandLine().getErr(), spec.name())) {
            return task.apply(solver, loss -> ticker.status("best loss so far " + loss.abbreviated(40)));
        }
    }

    /**
     * A verified witness: status line, loss, witness comments, witness file. If the witness file
     * cannot be written after all, the answer is still printed in full and the exit code is 1.
     */
    int reportSat(ErmResult r, String status, int exit) {
        int code = writeWitness(r) ? exit : Main.EXIT_INTERNAL;
        if (options.json) {
            printer.json(status, r, inst);
            return code;
        }
        printer.statusComments(r);
        out.println("c solved by " + String.join(", ", r.provenance()));
        if (r.outcome() == ErmResult.Outcome.OPTIMUM && !r.reason().isEmpty()) out.println("c warning: " + r.reason());
        out.println("s " + status);
        printer.witnessComments(r);
        printer.time(r);
        return code;
    }

    int reportUnsat(ErmResult r, String meaning, int exit) {
        if (options.json) {
            printer.json("UNSATISFIABLE", r, inst);
            return exit;
        }
        printer.statusComments(r);
        out.println("s UNSATISFIABLE");
        out.println("c " + meaning);
        out.println("c proved by " + String.join("; ", r.provenance()));
        if (!r.reason().isEmpty()) out.println("c warning: " + r.reason());
        printer.time(r);
        return exit;
    }

    int reportUnknown(ErmResult r) {
        if (options.json) {
            printer.json("UNKNOWN", r, inst);
            return 0;
        }
        printer.statusComments(r);
        out.println("s UNKNOWN");
        out.println("c reason: " + r.reason());
        printer.time(r);
        return 0;
    }

    /** Writes the witness file if one was asked for; false (with one line on stderr) if that failed. */
    private boolean writeWitness(ErmResult r) {
        if (options.witness == null) return true;
        Optional<String> failure = write(r.witness().orElseThrow(), r.loss());
        failure.ifPresent(why -> spec.commandLine().getErr().println("ermbit: " + why + " (the answer is printed on stdout)"));
        return failure.isEmpty();
    }

    /**
     * While optimising: replaces the witness file (if one was asked for) by an improved verified
     * witness, so that a run killed outright (SIGKILL, a crash, power loss) still leaves its best
     * witness on disk. A failed write is reported once on stderr; the final write tries again.
     */
    synchronized void keepImproved(NetworkParameters witness, Rational loss) {
        if (options.witness == null) return;
        write(witness, Optional.of(loss)).filter(why -> !improvedWriteFailed).ifPresent(why -> {
            improvedWriteFailed = true;
            spec.commandLine().getErr().println("ermbit: warning: " + why + " (an improved witness; tried again at the end)");
        });
    }

    /** Writes the witness file; the reason on failure. */
    private Optional<String> write(NetworkParameters witness, Optional<Rational> loss) {
        // after an interrupt (SIGINT / SIGTERM, or a pipeline thread being stopped) the witness must still be
        // written, but a file channel closes itself when its thread is interrupted: clear the flag while writing
        boolean interrupted = Thread.interrupted();
        try {
            WitnessWriter.write(new Witness(inst.name(), witness, loss), options.witness);
            return Optional.empty();
        } catch (UncheckedIOException e) {
            return Optional.of(PrintableText.oneLine(e.getMessage() + ": " + e.getCause().getMessage()));
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
