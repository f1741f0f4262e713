package org.ermbit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ermbit.reductions.counting.GradientBitReduction;
import org.ermbit.reductions.counting.PosSlpGradSign;
import org.ermbit.reductions.slp.Slp;
import org.ermbit.reductions.slp.SlpFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit check posslp-gradsign P.slp…}: per file, the sign of the program's value by exact
 * evaluation (source) against the sign of ∂L/∂θ at θ = 0 on the reduced instance (target).
 */
@Command(name = PosSlpGradSign.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check PosSLP -> gradient sign: the sign of each program's exact value against the sign of the exact partial derivative of the reduced instance. Exit 0 iff every file agrees (skipped files do not).")
public final class CheckPosSlpGradSignCommand implements Callable<Integer> {

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "P.slp", description = "straight-line program files")
    List<Path> files;

    @Option(names = "--max-bits", paramLabel = "BITS", defaultValue = "" + CheckSharp3SatGradBitCommand.DEFAULT_MAX_BITS,
            description = "skip a file whose exact evaluation would need more bits than this (default ${DEFAULT-VALUE})")
    int maxBits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxBits < 1) throw new UsageException("--max-bits must be >= 1, got " + maxBits);
        CheckReport.requireOneLineNames(files);
        List<Slp> slps = files.stream().map(SlpFormat::read).toList();
        CheckReport report = new CheckReport(spec.commandLine().getOut());
        for (int i = 0; i < files.size() && !report.interrupted(i, files.size()); i++) {
            report.add(files.get(i), PosSlpGradSign.check(slps.get(i), GradientBitReduction.SQUARE, maxBits));
        }
        return report.finish();
    }
}
