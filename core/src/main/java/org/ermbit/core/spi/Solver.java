package org.ermbit.core.spi;

import org.ermbit.core.ir.Model;

/**
 * A live backend instance. {@link #solve} decides the model (or minimises its objective when it
 * has one and the backend declares {@link Capability#OPTIMIZE}) within the limits. Closing
 * releases native resources.
 */
public interface Solver extends AutoCloseable {
    SolveResult solve(Model model, Limits limits);

    @Override
    void close();
}
