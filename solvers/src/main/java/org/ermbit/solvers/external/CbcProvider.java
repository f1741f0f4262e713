package org.ermbit.solvers.external;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.reductions.export.LpWriter;

/**
 * {@code ext-cbc}: the COIN-OR CBC MILP solver binary ({@code cbc} on the PATH) on the CPLEX LP
 * file of the model after products are lowered to bits. CBC computes in doubles: models with a
 * number beyond 2^53 are refused ("not supported: …"), and every returned assignment is checked
 * exactly before it is used.
 */
public final class CbcProvider extends ExternalProvider {
    public CbcProvider() {
        super("cbc", List.of("-quit"), Pattern.compile("Version:\\s*(\\S+)"));
    }

    @Override
    public String id() {
        return "ext-cbc";
    }

    @Override
    public String description() {
        return "CBC (external cbc binary) on CPLEX LP (linear, exact big-M; numbers <= 2^53 only)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIA, Capability.OPTIMIZE, Capability.FLOATING_POINT);
    }

    @Override
    public String refusal(Model model) {
        return LpWriter.refusal(model);
    }

    @Override
    Solver newSolver(String version, Path binary) {
        return new LpSolver(id(), version, binary, OwnTimeLimit.CBC);
    }
}
