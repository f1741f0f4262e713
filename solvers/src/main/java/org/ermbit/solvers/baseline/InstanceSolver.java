package org.ermbit.solvers.baseline;

import java.util.function.Consumer;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;

/**
 * A solver that works on the {@link ErmInstance} itself instead of the constraint IR. Its answers
 * are claims: {@code ErmSolver} verifies every witness exactly before reporting it.
 */
public interface InstanceSolver {
    /** Solver id, e.g. {@code z3-naive}. */
    String id();

    /** One line for listings. */
    String description();

    /** Whether it works here (e.g. native libraries load), with the reason if not. */
    Availability probe();

    /** Is there a parameter vector with loss ≤ the instance's threshold? */
    BaselineAnswer decide(ErmInstance inst, Limits limits);

    /** The minimum loss; {@code progress} hears each better loss found (as the baseline computes it; the pipeline re-checks). */
    BaselineAnswer minimize(ErmInstance inst, Limits limits, Consumer<Rational> progress);
}
