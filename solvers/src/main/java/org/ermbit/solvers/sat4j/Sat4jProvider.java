package org.ermbit.solvers.sat4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.sat4j.pb.IPBSolver;

/**
 * Provider of the {@code sat4j} backend: {@link Capability#PSEUDO_BOOLEAN},
 * {@link Capability#BIGINT_COEFFS}, {@link Capability#OPTIMIZE}. The engine is
 * {@link #DEFAULT_CONFIG} unless the system property {@code ermbit.sat4j.config} or the constructor
 * names another {@link Sat4jConfig}. UNSAT answers of the clause-learning engines carry a checked
 * proof unless {@code -Dermbit.sat4j.proof=off} ({@link #PROOF_PROPERTY}, {@link Sat4jProofs}).
 */
public final class Sat4jProvider implements SolverProvider {
    /** The engine used when none is configured (chosen by measurement, see docs/SOLVERS.md). */
    public static final Sat4jConfig DEFAULT_CONFIG = Sat4jConfig.DEFAULT;
    /** System property selecting the engine by {@link Sat4jConfig#optionName()}. */
    public static final String CONFIG_PROPERTY = "ermbit.sat4j.config";
    /** System property turning the recording and checking of proofs off ({@code off}) or on ({@code check}, the default, or {@code forward}): {@link Sat4jProofs}. */
    public static final String PROOF_PROPERTY = "ermbit.sat4j.proof";

    private static final Set<Capability> CAPS = EnumSet.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS, Capability.OPTIMIZE);

    private static final String VERSION = version();

    private final Sat4jConfig config;
    private final Sat4jProofs proofs;
    /** Why the configured engine or proof setting is invalid (then {@link #probe()} reports the backend unavailable), or null. */
    private final String configError;

    /**
     * Used by ServiceLoader: the engine named by {@value #CONFIG_PROPERTY}, or the default, with
     * proofs as {@value #PROOF_PROPERTY} says. An invalid setting makes the backend unavailable with
     * the reason, rather than silently running another engine.
     */
    public Sat4jProvider() {
        String s = System.getProperty(CONFIG_PROPERTY);
        Sat4jConfig c = DEFAULT_CONFIG;
        String error = null;
        if (s != null && !s.isBlank()) {
            try {
                c = Sat4jConfig.parse(s.trim());
            } catch (IllegalArgumentException e) {
                error = "invalid -D" + CONFIG_PROPERTY + "=" + s + ": " + e.getMessage();
            }
        }
        String proof = System.getProperty(PROOF_PROPERTY, "").trim();
        Sat4jProofs p = Sat4jProofs.CHECK;
        if (!proof.isEmpty()) {
            try {
                p = Sat4jProofs.parse(proof);
            } catch (IllegalArgumentException e) {
                if (error == null) error = "invalid -D" + PROOF_PROPERTY + "=" + proof + " (" + e.getMessage() + ")";
            }
        }
        this.config = c;
        this.proofs = p;
        this.configError = error;
    }

    /** The given engine, with proofs checked. */
    public Sat4jProvider(Sat4jConfig config) {
        this(config, true);
    }

    /** The given engine, recording and checking proofs ({@link Sat4jProofs#CHECK}) when {@code proofs} (and the engine learns clauses). */
    public Sat4jProvider(Sat4jConfig config, boolean proofs) {
        this(config, proofs ? Sat4jProofs.CHECK : Sat4jProofs.OFF);
    }

    /** The given engine, with proofs as {@code proofs} says (recorded only when the engine learns clauses). */
    public Sat4jProvider(Sat4jConfig config, Sat4jProofs proofs) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.proofs = java.util.Objects.requireNonNull(proofs, "proofs");
        this.configError = null;
    }

    @Override
    public String id() {
        return "sat4j";
    }

    @Override
    public String description() {
        return "Sat4j pseudo-Boolean solver (pure Java, " + config.optionName()
                + (proofs != Sat4jProofs.OFF && config.learnsClauses() ? "; UNSAT with its DRUP proof checked by ermbit" : "") + ")";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPS;
    }

    @Override
    public Availability probe() {
        if (configError != null) return Availability.missing(configError);
        try {
            IPBSolver s = config.newSolver();
            s.reset();
            return Availability.ok(VERSION);
        } catch (RuntimeException | LinkageError e) {
            return Availability.missing("Sat4j failed to start: " + e);
        }
    }

    @Override
    public Solver create() {
        return new Sat4jSolver(config, VERSION, proofs, Sat4jProofRecorder.defaultBudget(),
                Sat4jProofRecorder.defaultSpillDirectory(), Sat4jProofRecorder.defaultDiskBudget());
    }

    /** Sat4j's bundle version from its jar manifest, e.g. {@code 2.3.6.v20201214}. */
    private static String version() {
        try {
            URL jar = IPBSolver.class.getProtectionDomain().getCodeSource().getLocation();
            try (InputStream in = jar.openStream(); JarInputStream j = new JarInputStream(in)) {
                Manifest m = j.getManifest();
                String v = m == null ? null : m.getMainAttributes().getValue("Bundle-Version");
                return v == null ? "unknown" : v;
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
