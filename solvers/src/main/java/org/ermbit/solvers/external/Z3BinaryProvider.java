package org.ermbit.solvers.external;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;

/**
 * {@code ext-z3}: the z3 binary ({@code z3} on the PATH, e.g. Debian's package) on the SMT-LIB 2
 * script of the model — QF_NIA with native products — with Z3's {@code (minimize …)} for an
 * objective. Independent of the in-process {@code z3} backend (another build, another process).
 */
public final class Z3BinaryProvider extends ExternalProvider {
    public Z3BinaryProvider() {
        super("z3", List.of("--version"), Pattern.compile("Z3 version (\\S+)"));
    }

    @Override
    public String id() {
        return "ext-z3";
    }

    @Override
    public String description() {
        return "Z3 (external z3 binary) on SMT-LIB 2 (QF_NIA, minimize)";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LIA, Capability.NIA, Capability.BIGINT_COEFFS, Capability.OPTIMIZE);
    }

    @Override
    Solver newSolver(String version, Path binary) {
        return new SmtLibSolver(id(), version, binary, List.of("-smt2"), true, true, OwnTimeLimit.Z3);
    }
}
