package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.format.WitnessWriter;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.Witness;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.hardness.ThreeSatToRelu;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ermbit reduce 3sat-relu F.cnf -o I.json}: writes the ReLU ERM_bit instance that is feasible
 * iff the formula is satisfiable. On request it maps witnesses: {@code --assignment A --witness-out W}
 * maps a satisfying assignment forward to a verified network; {@code --map-back W} maps a network
 * witness of the reduced instance back to a satisfying assignment ({@code v} line).
 */
@Command(name = ThreeSatToRelu.NAME, description = "CNF (DIMACS) -> ReLU ERM_bit instance, feasible iff the formula is satisfiable.")
final class ReduceThreeSatReluCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "F.cnf", description = "A DIMACS CNF formula.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "I.json", required = true, description = "Where to write the ermbit/1 instance.")
    Path output;

    @Option(names = "--assignment", paramLabel = "A", description = "A satisfying assignment ('v' lines) to map forward; needs --witness-out.")
    Path assignment;

    @Option(names = "--witness-out", paramLabel = "W.json", description = "Where to write the network witness mapped from --assignment.")
    Path witnessOut;

    @Option(names = "--map-back", paramLabel = "W.json", description = "A witness of the reduced instance to map back to an assignment.")
    Path mapBack;

    @Spec
    CommandSpec spec;

    private final ThreeSatToRelu reduction = new ThreeSatToRelu();

    @Override
    public Integer call() {
        if ((assignment == null) != (witnessOut == null)) {
            throw new UsageException("--assignment and --witness-out go together");
        }
        OutputFiles.checkWritable(output, "--output");
        if (witnessOut != null) OutputFiles.checkWritable(witnessOut, "--witness-out");
        PrintWriter out = spec.commandLine().getOut();
        Cnf cnf = CnfInputs.read(input, out);
        ErmInstance inst = reduction.reduce(cnf);
        // an instance ermbit could not read back (past the ermbit/1 caps: 10^6 inputs, 10^7 parameters, 64 MiB) is refused
        ReducedInstances.requireWritable(inst, input);
        // every input is checked before any file is written
        Witness forward = assignment == null ? null : forward(cnf, inst);
        boolean[] backward = mapBack == null ? null : backward(cnf, inst);
        ReducedInstances.write(inst, input, output);
        out.println("c reduced " + PrintableText.oneLine(input.toString()) + " (" + cnf.variables() + " variables, " + cnf.clauses().size() + " clauses) with "
                + ThreeSatToRelu.NAME + " to " + PrintableText.oneLine(output.toString()) + ": " + (cnf.variables() + 1) + "-1-1 ReLU network, "
                + inst.data().size() + " data points, {0,1} parameters, absolute loss, threshold 0");
        if (forward != null) {
            WitnessWriter.write(forward, witnessOut);
            out.println("c forward: the assignment maps to a network with loss " + forward.statedLoss().orElseThrow()
                    + " (verified), written to " + PrintableText.oneLine(witnessOut.toString()));
        }
        if (backward != null) {
            out.println("c backward: the network maps to a satisfying assignment (checked against every clause)");
            out.println("s SATISFIABLE");
            out.println(AssignmentFile.vLine(backward));
        }
        out.flush();
        return 0;
    }

    /** The verified network witness of {@code --assignment}. */
    private Witness forward(Cnf cnf, ErmInstance inst) {
        boolean[] a = AssignmentFile.read(assignment, cnf.variables());
        int falsified = firstFalsified(cnf, a);
        if (falsified >= 0) throw new InputException(assignment, "", "the assignment falsifies clause " + (falsified + 1) + " of " + input);
        NetworkParameters p = reduction.forward(cnf, inst, a);
        Verifier.Verdict v = Verifier.verify(inst, p);
        if (!v.accepted()) throw new IllegalStateException("forward map produced a rejected network: " + v.problems());
        return new Witness(inst.name(), p, Optional.of(v.loss()));
    }

    /** The satisfying assignment {@code --map-back}'s witness maps to (checked against every clause). */
    private boolean[] backward(Cnf cnf, ErmInstance inst) {
        Witness w = WitnessReader.read(mapBack);
        WitnessReader.requireShape(w, inst.architecture(), mapBack.toString());
        Optional<boolean[]> a = reduction.backward(cnf, inst, w.parameters());
        if (a.isEmpty()) {
            throw new InputException(mapBack, "", "not a certificate of the reduced instance: "
                    + String.join("; ", Verifier.verify(inst, w.parameters()).problems()));
        }
        if (!cnf.isSatisfiedBy(a.get())) throw new IllegalStateException("backward map produced an assignment that falsifies the formula");
        return a.get();
    }

    private static int firstFalsified(Cnf cnf, boolean[] a) {
        for (int c = 0; c < cnf.clauses().size(); c++) {
            if (!new Cnf(cnf.variables(), java.util.List.of(cnf.clauses().get(c))).isSatisfiedBy(a)) return c;
        }
        return -1;
    }
}
