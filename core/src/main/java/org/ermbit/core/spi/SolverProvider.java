package org.ermbit.core.spi;

import java.util.Set;
import org.ermbit.core.ir.Model;

/**
 * A backend, discovered with {@link java.util.ServiceLoader}. {@link #probe()} reports whether it
 * works on this machine (with a reason) instead of throwing; {@link #create()} is only called when
 * the probe said yes.
 */
public interface SolverProvider {
    /** Short stable id used on the command line, e.g. {@code sat4j}, {@code z3}. */
    String id();

    /** One-line description for {@code ermbit solvers}. */
    String description();

    Set<Capability> capabilities();

    Availability probe();

    Solver create();

    /**
     * Null if this backend can take {@code model} after the pipeline's standard lowering for its
     * capabilities, else a reason (e.g. "not supported: coefficients exceed 64 bits").
     */
    default String refusal(Model model) {
        return null;
    }
}
