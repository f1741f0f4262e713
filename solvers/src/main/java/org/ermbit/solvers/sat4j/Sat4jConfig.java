package org.ermbit.solvers.sat4j;

import java.util.Locale;
import java.util.function.Supplier;
import org.sat4j.pb.IPBSolver;
import org.sat4j.pb.SolverFactory;

/**
 * Which Sat4j 2.3.6 PB engine to use. Resolution-based engines learn clauses; cutting-plane
 * engines learn PB constraints (stronger on cardinality structure such as pigeonhole, slower per
 * conflict); {@code BOTH} races one of each inside Sat4j. The default was chosen by measurement
 * (see docs/SOLVERS.md).
 */
public enum Sat4jConfig {
    /** {@code SolverFactory.newDefault()}: resolution with PB watched literals. */
    DEFAULT(SolverFactory::newDefault),
    /** {@code SolverFactory.newResolution()}. */
    RESOLUTION(SolverFactory::newResolution),
    /** {@code SolverFactory.newCuttingPlanes()}: generalised resolution on PB constraints. */
    CUTTING_PLANES(SolverFactory::newCuttingPlanes),
    /** {@code SolverFactory.newRoundingSat()}: RoundingSat-style division-based cutting planes. */
    ROUNDING_SAT(SolverFactory::newRoundingSat),
    /** {@code SolverFactory.newPartialRoundingSat()}. */
    PARTIAL_ROUNDING_SAT(SolverFactory::newPartialRoundingSat),
    /** {@code SolverFactory.newBoth()}: resolution and cutting planes in parallel threads. */
    BOTH(SolverFactory::newBoth);

    private final Supplier<IPBSolver> factory;

    Sat4jConfig(Supplier<IPBSolver> factory) {
        this.factory = factory;
    }

    /** A fresh Sat4j solver of this kind. */
    public IPBSolver newSolver() {
        return factory.get();
    }

    /**
     * Whether the engine learns clauses only (the resolution engines), so that its learned clauses
     * form a proof ermbit can check ({@link Sat4jProofRecorder}); cutting-plane engines learn PB constraints.
     */
    public boolean learnsClauses() {
        return this == DEFAULT || this == RESOLUTION;
    }

    /** The lower-case, dash-separated name used in options, e.g. {@code cutting-planes}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #optionName()} (or the enum name); throws IllegalArgumentException listing the choices. */
    public static Sat4jConfig parse(String s) {
        for (Sat4jConfig c : values()) {
            if (c.optionName().equalsIgnoreCase(s) || c.name().equalsIgnoreCase(s)) return c;
        }
        StringBuilder known = new StringBuilder();
        for (Sat4jConfig c : values()) known.append(known.length() == 0 ? "" : ", ").append(c.optionName());
        throw new IllegalArgumentException("unknown sat4j configuration '" + s + "' (known: " + known + ")");
    }
}
