package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Witness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit verify INSTANCE WITNESS}: exact re-check of a claimed solution (DESIGN §9). Prints
 * {@code s VERIFIED} (exit 0) when the exact loss is at most the threshold, else {@code s REFUTED}
 * (exit 1); then {@code c loss p/q} in lowest terms. A witness that is not a parameter vector of the
 * instance — wrong shape, a value outside its domain, a fixed parameter with another value — is bad
 * input (one line naming the witness file and JSON path, exit 2), as is any unreadable file.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Exactly re-check a witness against an instance.",
            "Prints 's VERIFIED' (exit 0) if the exact loss is <= the threshold, else 's REFUTED' (exit 1),",
            "then 'c loss p/q'. Bad input (including a witness outside the parameter domains): exit 2."})
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
        String label = witness.toString();
        WitnessReader.requireShape(w, inst.architecture(), label);
        WitnessReader.requireInDomains(w, inst, label);
        Verifier.Verdict v;
        try {
            v = Verifier.verify(inst, w.parameters());
        } catch (ForwardPass.BitBudgetExceeded e) {
            throw new InputException(label, "$.layers", "cannot evaluate exactly: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(v.accepted() ? "s VERIFIED" : "s REFUTED");
        out.println("c loss " + v.loss());
        if (!v.loss().isInteger()) {
            out.println("c approximately " + v.loss().toDecimalString(6) + " (rounded decimal, for reading only)");
        }
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
