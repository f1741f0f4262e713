package org.ermbit.solvers.logicng;

import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.reductions.export.PseudoBooleanToCnf;
import org.logicng.solvers.sat.MiniSat2Solver;

/**
 * Provider of the {@code logicng} backend: {@link Capability#PSEUDO_BOOLEAN} and
 * {@link Capability#BIGINT_COEFFS} (the model goes through the exact adder CNF encoding of
 * {@link PseudoBooleanToCnf}). It decides only; the pipeline minimises by descent, so an optimum it
 * proves ends with a certified UNSAT as well.
 */
public final class LogicNgProvider implements SolverProvider {
    private static final Set<Capability> CAPS = EnumSet.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS);

    @Override
    public String id() {
        return "logicng";
    }

    @Override
    public String description() {
        return "MiniSat of LogicNG (pure Java) on DIMACS CNF via the adder PB encoding; UNSAT only with its DRUP proof checked by ermbit";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPS;
    }

    @Override
    public String refusal(Model model) {
        return PseudoBooleanToCnf.refusal(model);
    }

    @Override
    public Availability probe() {
        return Availability.ok(version());
    }

    @Override
    public Solver create() {
        return new LogicNgSolver(version());
    }

    private static String version() {
        String v = MiniSat2Solver.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
