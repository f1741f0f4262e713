package org.ermbit.solvers.external;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.reductions.export.PseudoBooleanToCnf;

/**
 * Shared logic of the external SAT-solver backends: the binary runs on the exact adder-network CNF
 * of a purely Boolean model (any coefficient size). No native optimisation: a model with an
 * objective is decided, and the objective value of the returned witness is reported.
 */
abstract class CnfSatProvider extends ExternalProvider {
    private final String id;
    private final String description;
    private final DimacsSatSolver.Style style;
    private final List<String> args;
    private final boolean drat;

    /** {@code drat}: the binary writes DRAT proofs, and its UNSAT answers are reported only with the proof checked. */
    CnfSatProvider(String binaryName, List<String> versionArgs, Pattern versionPattern, String label,
                   DimacsSatSolver.Style style, List<String> args, boolean drat) {
        super(binaryName, versionArgs, versionPattern);
        this.id = "ext-" + binaryName;
        this.description = label + " (external " + binaryName + " binary) on DIMACS CNF via the adder PB encoding"
                + (drat ? "; UNSAT only with its DRAT proof checked by ermbit" : "");
        this.style = style;
        this.args = List.copyOf(args);
        this.drat = drat;
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
    final Solver newSolver(String version, Path binary) {
        return new DimacsSatSolver(id, version, binary, style, args, drat);
    }
}
