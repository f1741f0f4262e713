package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.format.PrintableText;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.counting.GradientBitReduction;
import org.ermbit.reductions.gadget.NetworkTooLarge;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit reduce sharp3sat-gradbit F.cnf -o I.json}: writes the ermbit/1 instance (σ = t²,
 * every parameter fixed but one weight θ) whose ∂L/∂θ at θ = 0 carries the model count of F in the
 * bits it states (DESIGN §8), and prints where to read them.
 */
@Command(name = GradientBitReduction.NAME, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "#3SAT -> gradient bits: write an ermbit/1 instance with activation t^2 whose partial derivative dL/dtheta at theta = 0 holds the model count of the CNF in the stated bits.")
public final class ReduceSharp3SatGradBitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "F.cnf", description = "DIMACS CNF file")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "I.json", description = "instance file to write")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Cnf cnf = CnfInputs.readForCounting(input, out, "sharp3sat-gradbit encodes the plain model count");
        String name = ReducedInstances.nameFor(input, GradientBitReduction.NAME);
        GradientBitReduction.Built built;
        try {
            built = GradientBitReduction.reduce(cnf, name);
        } catch (NetworkTooLarge e) { // refused before it is built
            throw ReducedInstances.pastTheCaps(input, e);
        }
        ReducedInstances.write(built.readout().instance(), input, output);
        out.println("c wrote " + PrintableText.oneLine(output.toString()) + ": " + ReducedInstances.sizeLine(built.readout().instance()));
        out.println("c " + built.front().readoutStatement(GradientBitReduction.thetaName(built.readout().theta())));
        out.println("c dL/dtheta has at most " + built.front().gradientBitsBound() + " bits");
        out.flush();
        return 0;
    }
}
