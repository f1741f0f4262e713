package org.ermbit.solvers.external;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;

/**
 * {@code ext-cvc5}: the cvc5 binary ({@code cvc5} on the PATH) on the SMT-LIB 2 script of the
 * model after products are lowered to bits (QF_LIA: cvc5's nonlinear integer reasoning is
 * incomplete). No native optimisation: a model with an objective is decided.
 */
public final class Cvc5Provider extends ExternalProvider {
    public Cvc5Provider() {
        super("cvc5", List.of("--version"), Pattern.compile("cvc5 version (\\S+)"));
    }

    @Override
    public String id() {
        return "ext-cvc5";
    }

    @Override
    public String description() {
        return "cvc5 (external cvc5 binary) on SMT-LIB 2 (QF_LIA, products lowered to bits)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIA, Capability.BIGINT_COEFFS);
    }

    @Override
    public String refusal(Model model) {
        return model.hasProducts() ? "not supported: products in ext-cvc5 (QF_LIA only); lower first" : null;
    }

    @Override
    Solver newSolver(String version, Path binary) {
        return new SmtLibSolver(id(), version, binary, List.of("--lang", "smt2"), false, false, OwnTimeLimit.CVC5);
    }
}
