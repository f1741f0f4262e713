package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ermbit.core.format.PrintableText;
import org.ermbit.reductions.counting.CheckResult;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.hardness.ThreeSatToRelu;
import org.ermbit.solvers.hardness.ThreeSatReluCheck;
import org.ermbit.solvers.pipeline.ErmOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ermbit check 3sat-relu FILE…}: per formula, solve it directly (Sat4j), reduce it, decide the
 * reduced instance with the pipeline, map the witness back and check it satisfies the formula (an
 * UNSAT formula needs an UNSAT proof of the instance). One line per file
 * {@code FILE source=… target=… agree|DISAGREE}, then {@code N passed, M failed}; exit 0 iff all agree.
 * Every file is parsed before any is solved, so malformed input fails fast (exit 2).
 */
@Command(name = ThreeSatToRelu.NAME, description = "Check 3sat-relu on DIMACS files: direct Sat4j answer vs the pipeline on the reduced instance; exit 0 iff all agree.")
final class CheckThreeSatReluCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DIMACS CNF files.")
    List<Path> files;

    @Option(names = "--solver", paramLabel = "ID", split = ",", description = "Backend id(s) for the reduced instance, or 'portfolio'. Default: sat4j.")
    List<String> solvers = new ArrayList<>(List.of("sat4j"));

    @Option(names = "--timeout", paramLabel = "S", description = "Wall-clock limit per file and side, in seconds. Default: none.")
    String timeout;

    @Option(names = "--stats", description = "After each line, a comment line with the time of each side.")
    boolean stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Cnf> formulas = new ArrayList<>();
        CheckReport.requireOneLineNames(files);
        PrintWriter warnings = spec.commandLine().getOut();
        for (Path f : files) formulas.add(CnfInputs.read(f, warnings));
        SolverOptions.checkIds(solvers, List.of());
        ErmOptions options = ErmOptions.defaults().withSolvers(solvers);
        if (timeout != null) options = options.withTimeout(SolverOptions.parseTimeout(timeout));
        ThreeSatReluCheck check;
        try {
            check = new ThreeSatReluCheck(options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CheckReport report = new CheckReport(out);
        for (int i = 0; i < files.size() && !report.interrupted(i, files.size()); i++) {
            ThreeSatReluCheck.Report r;
            try {
                r = check.check(formulas.get(i));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            report.add(files.get(i), result(r));
            if (stats) {
                out.println("c time source=" + millis(r.sourceTime()) + " ms target=" + millis(r.targetTime()) + " ms");
                out.flush();
            }
            if (!r.problems().isEmpty()) err.println("ermbit: " + files.get(i) + ": " + PrintableText.oneLine(String.join("; ", r.problems())));
        }
        return report.finish();
    }

    /** agree; DISAGREE on a contradiction (reasons on stderr); skipped, with the reason, when a side gave no answer. */
    private static CheckResult result(ThreeSatReluCheck.Report r) {
        CheckResult.Verdict v = r.agree() ? CheckResult.Verdict.AGREE
                : r.problems().isEmpty() ? CheckResult.Verdict.SKIPPED : CheckResult.Verdict.DISAGREE;
        String detail = v == CheckResult.Verdict.SKIPPED ? PrintableText.oneLine(String.join("; ", r.unanswered())) : "";
        return new CheckResult(v, r.source().toString(), r.target().toString(), 0, 0, detail);
    }

    private static String millis(java.time.Duration d) {
        return new java.math.BigDecimal(java.math.BigInteger.valueOf(d.toNanos()), 6).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
