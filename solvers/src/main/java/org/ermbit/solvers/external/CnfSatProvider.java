package org.ermbit.solvers.external;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.reductions.export.PseudoBooleanToCnf;

/**
 * Shared logic of the external SAT-solver backends: the binary runs on the exact adder-network CNF
 * of a purely Boolean model (any coefficient size). No native optimisation: a model with an
 * objective is decided, and the objective value of the returned witness is reported. A binary that
 * writes proofs is asked for one on every run unless {@code -Dermbit.BINARY.proof=off}
 * ({@link #proofProperty}); {@code check} (the default) reports its UNSAT only with the proof checked.
 */
abstract class CnfSatProvider extends ExternalProvider {
    private final String id;
    private final String description;
    private final DimacsSatSolver.Style style;
    private final List<String> args;
    private final ProofOutput proofs;
    private final String proofSettingError;
    private final OwnTimeLimit ownLimit;

    /**
     * {@code proofs}: how the binary writes proofs ({@link ProofOutput#NONE} if it cannot); the system
     * property {@link #proofProperty} {@code (binaryName)} may turn them off.
     */
    CnfSatProvider(String binaryName, List<String> versionArgs, Pattern versionPattern, String label,
                   DimacsSatSolver.Style style, List<String> args, ProofOutput proofs, OwnTimeLimit ownLimit) {
        super(binaryName, versionArgs, versionPattern);
        String setting = proofs == ProofOutput.NONE ? "" : System.getProperty(proofProperty(binaryName), "").trim();
        this.proofSettingError = setting.isEmpty() || setting.equals("check") || setting.equals("off") ? null
                : "invalid -D" + proofProperty(binaryName) + "=" + setting + " (expected check or off)";
        this.proofs = setting.equals("off") ? ProofOutput.NONE : proofs;
        this.id = "ext-" + binaryName;
        this.description = label + " (external " + binaryName + " binary) on DIMACS CNF via the adder PB encoding"
                + (this.proofs == ProofOutput.NONE ? "" : "; UNSAT only with its " + this.proofs.label + " proof checked by ermbit");
        this.style = style;
        this.args = List.copyOf(args);
        this.ownLimit = ownLimit;
    }

    /** The system property that turns the proofs of {@code binaryName} off ({@code off}) or on ({@code check}, the default). */
    static String proofProperty(String binaryName) {
        return "ermbit." + binaryName + ".proof";
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<Capability> capabilities() {
        return Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS);
    }

    @Override
    public final String refusal(Model model) {
        return PseudoBooleanToCnf.refusal(model);
    }

    @Override
    public final Availability probe() {
        return proofSettingError != null ? Availability.missing(proofSettingError) : super.probe();
    }

    @Override
    final Solver newSolver(String version, Path binary) {
        return new DimacsSatSolver(id, version, binary, style, args, proofs, ownLimit);
    }
}
