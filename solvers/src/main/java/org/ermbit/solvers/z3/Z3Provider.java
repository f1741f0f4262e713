package org.ermbit.solvers.z3;

import com.microsoft.z3.Context;
import com.microsoft.z3.Version;
import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.backend.ProductsProperty;

/**
 * Provider of the {@code z3} backend: {@link Capability#LIA}, {@link Capability#BIGINT_COEFFS},
 * {@link Capability#OPTIMIZE}, and {@link Capability#NIA} only with
 * {@code -D}{@value #PRODUCTS_PROPERTY}{@code =native}. By default the pipeline expands products
 * into weight bits before Z3 sees the model (and, under the automatic squared-loss path, gives it
 * tangent cuts): measured far faster with this Z3 than its native nonlinear arithmetic
 * (docs/BENCHMARKS.md, "Z3 and CVC5: native products or weight bits"). Natives come from z3-turnkey;
 * java-smt's own Z3 is never loaded (two Z3 builds in one JVM crash).
 */
public final class Z3Provider implements SolverProvider {
    /** The backend id. */
    public static final String ID = "z3";
    /** System property {@code bits} (default) or {@code native}: how products reach Z3. */
    public static final String PRODUCTS_PROPERTY = "ermbit.z3.products";

    private final boolean nativeProducts;
    /** Why the configuration from system properties is invalid (then {@link #probe()} reports the backend unavailable), or null. */
    private final String configError;

    /** Used by ServiceLoader: product handling from {@value #PRODUCTS_PROPERTY}, weight bits by default. */
    public Z3Provider() {
        ProductsProperty products = ProductsProperty.read(PRODUCTS_PROPERTY, false);
        this.nativeProducts = products.nativeProducts();
        this.configError = products.error();
    }

    /** A provider whose models keep their products ({@code nativeProducts}) or get them as weight bits. */
    public Z3Provider(boolean nativeProducts) {
        this.nativeProducts = nativeProducts;
        this.configError = null;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Z3 SMT solver (z3-turnkey Java bindings, bundled natives; " + (nativeProducts ? "native products" : "products as bits") + ")";
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.of(Capability.LIA, Capability.BIGINT_COEFFS, Capability.OPTIMIZE);
        if (nativeProducts) caps.add(Capability.NIA);
        return caps;
    }

    @Override
    public Availability probe() {
        if (configError != null) return Availability.missing(configError);
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
        if (configError != null) throw new IllegalStateException(ID + ": " + configError);
        return new Z3Solver(Version.getString());
    }
}
