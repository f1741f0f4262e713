package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Witness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit verify INSTANCE WITNESS}: exact re-check of a claimed solution (DESIGN §9). Prints
 * {@code s VERIFIED} (exit 0) or {@code s REFUTED} (exit 1), then {@code c loss p/q} and one
 * {@code c problem: …} line per problem found. Unreadable or malformed files, and witnesses whose
 * shape does not fit the network, are input errors (exit 2).
 */
@Command(name = "verify", description = "Exactly re-check a witness against an instance: s VERIFIED (exit 0) or s REFUTED (exit 1).")
public final class VerifyCommand implements Callable<Integer> {

    /** Exit code for a verified witness. */
    public static final int EXIT_VERIFIED = 0;
    /** Exit code for a refuted witness. */
    public static final int EXIT_REFUTED = 1;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "ermbit/1 instance file")
    Path instance;

    @Parameters(index = "1", paramLabel = "WITNESS", description = "ermbit-witness/1 file")
    Path witness;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ErmInstance inst = InstanceReader.read(instance);
        Witness w = WitnessReader.read(witness);
        WitnessReader.requireShape(w, inst.architecture(), witness.toString());
        Verifier.Verdict v = Verifier.verify(inst, w.parameters());
        PrintWriter out = spec.commandLine().getOut();
        out.println(v.accepted() ? "s VERIFIED" : "s REFUTED");
        out.println("c loss " + v.loss());
        if (!v.loss().isInteger()) out.println("c loss approx. " + v.loss().toDecimalString(6) + " (rounded decimal, not exact)");
        out.println("c threshold " + inst.threshold());
        for (String p : v.problems()) out.println("c problem: " + p);
        if (!w.instance().equals(inst.name())) {
            out.println("c warning: the witness names instance \"" + w.instance() + "\" but the instance file is \""
                    + inst.name() + "\" (checked anyway)");
        }
        w.statedLoss().ifPresent(stated -> {
            if (!stated.equals(v.loss())) {
                out.println("c warning: the witness states loss " + stated + ", the exact loss is " + v.loss());
            }
        });
        out.flush();
        return v.accepted() ? EXIT_VERIFIED : EXIT_REFUTED;
    }
}
