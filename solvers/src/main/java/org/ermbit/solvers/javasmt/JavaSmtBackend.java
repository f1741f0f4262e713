package org.ermbit.solvers.javasmt;

import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.spi.Capability;
import org.sosy_lab.java_smt.SolverContextFactory.Solvers;

/**
 * The java-smt solvers ermbit uses, with their ids and capabilities. None declares
 * {@link Capability#OPTIMIZE}: java-smt offers optimisation only for Z3 and MathSAT, so the
 * pipeline minimises by tightening a loss bound; a model with an objective is only decided (its
 * objective value is reported with the SAT answer).
 */
public enum JavaSmtBackend {
    /** SMTInterpol (pure Java, LGPL-3.0): linear integer arithmetic only. */
    SMTINTERPOL("smtinterpol", Solvers.SMTINTERPOL, EnumSet.of(Capability.LIA, Capability.BIGINT_COEFFS)),
    /**
     * Princess (pure Java/Scala, LGPL-2.1+): linear integer arithmetic. Its nonlinear support is
     * incomplete (it ran for over 25 CPU minutes on a random 6-variable bounded product model), so
     * products are lowered to weight bits for it, like for the LIA-only solvers.
     */
    PRINCESS("princess", Solvers.PRINCESS, EnumSet.of(Capability.LIA, Capability.BIGINT_COEFFS)),
    /** CVC5 (native, BSD-3-Clause): linear and nonlinear integer arithmetic. */
    CVC5("cvc5", Solvers.CVC5, EnumSet.of(Capability.LIA, Capability.NIA, Capability.BIGINT_COEFFS)),
    /** OpenSMT (native, MIT): linear integer arithmetic. */
    OPENSMT("opensmt", Solvers.OPENSMT, EnumSet.of(Capability.LIA, Capability.BIGINT_COEFFS));

    private final String id;
    private final Solvers solver;
    private final Set<Capability> capabilities;

    JavaSmtBackend(String id, Solvers solver, Set<Capability> capabilities) {
        this.id = id;
        this.solver = solver;
        this.capabilities = capabilities;
    }

    public String id() {
        return id;
    }

    Solvers solver() {
        return solver;
    }

    public Set<Capability> capabilities() {
        return Set.copyOf(capabilities);
    }
}
