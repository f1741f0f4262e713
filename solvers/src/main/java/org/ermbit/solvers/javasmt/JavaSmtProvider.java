package org.ermbit.solvers.javasmt;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.sosy_lab.common.ShutdownManager;
import org.sosy_lab.common.configuration.Configuration;
import org.sosy_lab.common.configuration.ConfigurationBuilder;
import org.sosy_lab.common.log.LogManager;
import org.sosy_lab.java_smt.SolverContextFactory;
import org.sosy_lab.java_smt.api.BooleanFormulaManager;
import org.sosy_lab.java_smt.api.IntegerFormulaManager;
import org.sosy_lab.java_smt.api.NumeralFormula.IntegerFormula;
import org.sosy_lab.java_smt.api.ProverEnvironment;
import org.sosy_lab.java_smt.api.SolverContext;

/**
 * Base of the java-smt providers: one {@link JavaSmtBackend} each. The probe creates a context,
 * decides {@code x ≥ 1} and closes everything again; its answer is cached per backend for the
 * JVM's lifetime (a native library that failed to load stays failed).
 */
public abstract class JavaSmtProvider implements SolverProvider {
    /** CVC5's own limit is set this far past the deadline, so the deadline (not CVC5) decides "timeout". */
    private static final long CVC5_LIMIT_SLACK_MS = 100;
    private static final Map<JavaSmtBackend, Availability> PROBES = new ConcurrentHashMap<>();

    private final JavaSmtBackend backend;

    protected JavaSmtProvider(JavaSmtBackend backend) {
        this.backend = backend;
    }

    @Override
    public String id() {
        return backend.id();
    }

    @Override
    public Set<Capability> capabilities() {
        return backend.capabilities();
    }

    @Override
    public Availability probe() {
        return PROBES.computeIfAbsent(backend, JavaSmtProvider::doProbe);
    }

    @Override
    public Solver create() {
        Availability a = probe();
        return new JavaSmtSolver(backend, a.available() ? a.version() : "unknown");
    }

    /**
     * Opens a context for {@code backend} (natives through {@link NativeLibraryLoader}). With a
     * deadline, CVC5 also gets its own per-query time limit ({@code tlimit-per}) slightly past it,
     * since it stops only between queries on java-smt's shutdown request.
     */
    static SolverContext newContext(JavaSmtBackend backend, ShutdownManager shutdown, Optional<Duration> remaining) throws Exception {
        ConfigurationBuilder config = Configuration.builder();
        if (backend == JavaSmtBackend.CVC5 && remaining.isPresent()) {
            long ms = Math.max(1, remaining.get().toMillis() + CVC5_LIMIT_SLACK_MS);
            config.setOption("solver.cvc5.furtherOptions", "tlimit-per=" + ms);
        }
        return SolverContextFactory.createSolverContext(config.build(), LogManager.createNullLogManager(),
                shutdown.getNotifier(), backend.solver(), NativeLibraryLoader::load);
    }

    private static Availability doProbe(JavaSmtBackend backend) {
        SolverContext ctx = null;
        boolean locked = false;
        try {
            if (backend == JavaSmtBackend.CVC5) locked = Cvc5Contexts.acquire(Limits.none());
            ctx = newContext(backend, ShutdownManager.create(), Optional.empty());
            IntegerFormulaManager imgr = ctx.getFormulaManager().getIntegerFormulaManager();
            BooleanFormulaManager bmgr = ctx.getFormulaManager().getBooleanFormulaManager();
            IntegerFormula x = imgr.makeVariable("probe");
            try (ProverEnvironment p = ctx.newProverEnvironment()) {
                p.addConstraint(bmgr.and(imgr.greaterOrEquals(x, imgr.makeNumber(1)), imgr.lessOrEquals(x, imgr.makeNumber(2))));
                if (p.isUnsat()) return Availability.missing(backend.id() + " answered UNSAT on a satisfiable probe");
            }
            return Availability.ok(ctx.getVersion());
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, InvalidConfigurationException…
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            return Availability.missing(backend.id() + " did not start: " + root);
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (Throwable ignored) {
                    // nothing more to release
                }
            }
            if (locked) Cvc5Contexts.release();
        }
    }
}
