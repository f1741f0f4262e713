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
 * {@code ext-cadical}: the CaDiCaL SAT solver binary ({@code cadical} on the PATH) on the exact adder-network
 * CNF of a purely Boolean model (any coefficient size). No native optimisation: a model with an
 * objective is decided, and the objective value of the returned witness is reported.
 */
public final class CadicalProvider extends ExternalProvider {
    public CadicalProvider() {
        super("cadical", List.of("--version"), Pattern.compile("(\\S+)"));
    }

    @Override
    public String id() {
        return "ext-cadical";
    }

    @Override
    public String description() {
        return "CaDiCaL (external cadical binary) on DIMACS CNF via the adder PB encoding";
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS);
    }

    @Override
    public String refusal(Model model) {
        return PseudoBooleanToCnf.refusal(model);
    }

    @Override
    Solver newSolver(String version, Path binary) {
        return new DimacsSatSolver(id(), version, binary, DimacsSatSolver.Style.COMPETITION, List.of("-q"));
    }
}
