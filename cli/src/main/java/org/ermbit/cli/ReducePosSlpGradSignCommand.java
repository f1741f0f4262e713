package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.format.PrintableText;
import org.ermbit.reductions.counting.GradientBitReduction;
import org.ermbit.reductions.counting.PosSlpGradSign;
import org.ermbit.reductions.slp.Slp;
import org.ermbit.reductions.slp.SlpFormat;
import org.ermbit.reductions.gadget.NetworkTooLarge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit reduce posslp-gradsign P.slp -o I.json}: writes the ermbit/1 instance (σ = t²) whose
 * ∂L/∂θ at θ = 0 equals twice the SLP's value, so its sign answers PosSLP.
 */
@Command(name = PosSlpGradSign.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "PosSLP -> gradient sign: write an ermbit/1 instance with activation t^2 whose dL/dtheta at theta = 0 is twice the value of the straight-line program (docs/FORMAT.md).")
public final class ReducePosSlpGradSignCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "P.slp", description = "straight-line program file")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "I.json", description = "instance file to write")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Slp slp = SlpFormat.read(input);
        PosSlpGradSign.Built built;
        try {
            built = PosSlpGradSign.reduce(slp, ReducedInstances.nameFor(input, PosSlpGradSign.NAME));
        } catch (NetworkTooLarge e) { // refused before it is built
            throw ReducedInstances.pastTheCaps(input, e);
        }
        ReducedInstances.write(built.readout().instance(), input, output);
        PrintWriter out = spec.commandLine().getOut();
        out.println("c wrote " + PrintableText.oneLine(output.toString()) + ": " + ReducedInstances.sizeLine(built.readout().instance()));
        out.println("c sign(dL/dtheta at theta = 0) = sign of the program's value (dL/dtheta = 2V; theta = "
                + GradientBitReduction.thetaName(built.readout().theta()) + ")");
        long bound = slp.tightBitLengthBound();
        out.println(bound == Long.MAX_VALUE ? "c the value's bit-length bound does not fit a long"
                : "c the value has at most " + bound + " bits");
        out.flush();
        return 0;
    }
}
