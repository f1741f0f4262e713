package org.ermbit.solvers.cpsat;

import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.backend.ProductsProperty;

/**
 * Provider of the {@code cpsat} backend (Google OR-Tools CP-SAT, Apache-2.0):
 * {@link Capability#LIA}, {@link Capability#NIA} (native products), {@link Capability#OPTIMIZE} and
 * {@link Capability#INT64_ONLY}. {@link #refusal} refuses every model whose bounds, coefficients or
 * reachable sums exceed 2^62 − 1 (see {@link CpSatRange}). {@link #probe()} and {@link #create()}
 * load the native library explicitly. CP-SAT runs {@link #DEFAULT_WORKERS} search workers unless the
 * system property {@value #WORKERS_PROPERTY} or the constructor says otherwise. With
 * {@code -D}{@value #PRODUCTS_PROPERTY}{@code =bits} it drops {@link Capability#NIA}, so the pipeline
 * expands products into weight bits (conditional copies) before CP-SAT sees the model.
 */
public final class CpSatProvider implements SolverProvider {
    /** The backend id. */
    public static final String ID = "cpsat";
    /** Search workers when none are configured (chosen by measurement, see docs/SOLVERS.md). */
    public static final int DEFAULT_WORKERS = 2;
    /** System property with the number of CP-SAT search workers. */
    public static final String WORKERS_PROPERTY = "ermbit.cpsat.workers";

    /** System property {@code native} (default) or {@code bits}: how products reach CP-SAT. */
    public static final String PRODUCTS_PROPERTY = "ermbit.cpsat.products";

    private final int workers;
    private final boolean nativeProducts;
    /** Why the configuration from system properties is invalid (then {@link #probe()} reports the backend unavailable), or null. */
    private final String configError;

    /**
     * Used by ServiceLoader: the configured or default number of workers and product handling. An
     * invalid property value makes the backend unavailable with the reason, rather than silently
     * running another configuration.
     */
    public CpSatProvider() {
        String w = System.getProperty(WORKERS_PROPERTY, "").trim();
        ProductsProperty products = ProductsProperty.read(PRODUCTS_PROPERTY, true);
        int parsed = w.matches("[0-9]{1,4}") ? Integer.parseInt(w) : 0;
        String error = null;
        if (!w.isEmpty() && parsed < 1) error = "invalid -D" + WORKERS_PROPERTY + "=" + w + " (expected a number of workers from 1 to 9999)";
        else error = products.error();
        this.workers = w.isEmpty() || error != null ? DEFAULT_WORKERS : parsed;
        this.nativeProducts = products.nativeProducts();
        this.configError = error;
    }

    /** A provider whose solvers run {@code workers} ≥ 1 CP-SAT search workers, with native products. */
    public CpSatProvider(int workers) {
        this(workers, true);
    }

    /**
     * A provider with {@code workers} ≥ 1 search workers; {@code nativeProducts} false drops NIA so the
     * pipeline lowers products to weight bits first.
     */
    public CpSatProvider(int workers, boolean nativeProducts) {
        if (workers < 1) throw new IllegalArgumentException("CP-SAT needs at least one worker, got " + workers);
        this.workers = workers;
        this.nativeProducts = nativeProducts;
        this.configError = null;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "OR-Tools CP-SAT (ortools-java, bundled natives; " + workers + " workers" + (nativeProducts ? "" : ", products as bits")
                + "; 64-bit integers only: refuses models"
                + " whose bounds, coefficients or sums exceed 2^62 - 1)";
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.of(Capability.LIA, Capability.INT64_ONLY, Capability.OPTIMIZE);
        if (nativeProducts) caps.add(Capability.NIA);
        return caps;
    }

    @Override
    public Availability probe() {
        if (configError != null) return Availability.missing(configError);
        return CpSatNatives.load();
    }

    @Override
    public Solver create() {
        Availability a = probe();
        if (!a.available()) throw new IllegalStateException(ID + ": " + a.reason());
        return new CpSatSolver(a.version(), workers, capabilities());
    }

    @Override
    public String refusal(Model model) {
        return CpSatRange.refusal(model);
    }
}
