package org.ermbit.solvers.z3;

import com.microsoft.z3.Context;
import com.microsoft.z3.Version;
import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;

/**
 * Provider of the {@code z3} backend: {@link Capability#LIA}, {@link Capability#NIA},
 * {@link Capability#BIGINT_COEFFS}, {@link Capability#OPTIMIZE}. Natives come from z3-turnkey;
 * java-smt's own Z3 is never loaded (two Z3 builds in one JVM crash).
 */
public final class Z3Provider implements SolverProvider {
    private static final Set<Capability> CAPS = EnumSet.of(Capability.LIA, Capability.NIA, Capability.BIGINT_COEFFS, Capability.OPTIMIZE);

    @Override
    public String id() {
        return "z3";
    }

    @Override
    public String description() {
        return "Z3 SMT solver (z3-turnkey Java bindings, bundled natives)";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPS;
    }

    @Override
    public Availability probe() {
        return nativeAvailability();
    }

    /** Whether Z3's native library loads and answers a trivial check here; the probe of every Z3-based component. */
    public static Availability nativeAvailability() {
        try (Context ctx = new Context()) {
            ctx.mkSolver().check();
            return Availability.ok(Version.getString());
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError, Z3Exception…
            return Availability.missing("Z3 native library did not load: " + e);
        }
    }

    @Override
    public Solver create() {
        return new Z3Solver(Version.getString());
    }
}
