package org.ermbit.solvers.cpsat;

import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;

/**
 * Provider of the {@code cpsat} backend (Google OR-Tools CP-SAT, Apache-2.0):
 * {@link Capability#LIA}, {@link Capability#NIA} (native products), {@link Capability#OPTIMIZE} and
 * {@link Capability#INT64_ONLY}. {@link #refusal} refuses every model whose bounds, coefficients or
 * reachable sums exceed 2^62 − 1 (see {@link CpSatRange}). {@link #probe()} and {@link #create()}
 * load the native library explicitly. CP-SAT runs {@link #DEFAULT_WORKERS} search workers unless the
 * system property {@value #WORKERS_PROPERTY} or the constructor says otherwise.
 */
public final class CpSatProvider implements SolverProvider {
    /** The backend id. */
    public static final String ID = "cpsat";
    /** Search workers when none are configured (chosen by measurement, see docs/SOLVERS.md). */
    public static final int DEFAULT_WORKERS = 2;
    /** System property with the number of CP-SAT search workers. */
    public static final String WORKERS_PROPERTY = "ermbit.cpsat.workers";

    private static final Set<Capability> CAPS = EnumSet.of(Capability.LIA, Capability.NIA, Capability.INT64_ONLY, Capability.OPTIMIZE);

    private final int workers;

    /** Used by ServiceLoader: the configured or default number of workers. */
    public CpSatProvider() {
        this(configuredWorkers());
    }

    /** A provider whose solvers run {@code workers} ≥ 1 CP-SAT search workers. */
    public CpSatProvider(int workers) {
        if (workers < 1) throw new IllegalArgumentException("CP-SAT needs at least one worker, got " + workers);
        this.workers = workers;
    }

    private static int configuredWorkers() {
        String s = System.getProperty(WORKERS_PROPERTY);
        if (s == null || s.isBlank()) return DEFAULT_WORKERS;
        try {
            int w = Integer.parseInt(s.trim());
            return w >= 1 ? w : DEFAULT_WORKERS;
        } catch (NumberFormatException e) {
            return DEFAULT_WORKERS;
        }
    }

    /** Number of CP-SAT search workers per solve. */
    public int workers() {
        return workers;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "OR-Tools CP-SAT (ortools-java, bundled natives; " + workers + " workers; 64-bit integers only: refuses models"
                + " whose bounds, coefficients or sums exceed 2^62 - 1)";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPS;
    }

    @Override
    public Availability probe() {
        return CpSatNatives.load();
    }

    @Override
    public Solver create() {
        Availability a = CpSatNatives.load();
        if (!a.available()) throw new IllegalStateException(ID + ": " + a.reason());
        return new CpSatSolver(a.version(), workers);
    }

    @Override
    public String refusal(Model model) {
        return CpSatRange.refusal(model);
    }
}
