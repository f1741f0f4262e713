/**
 * Discovery of solver backends: {@link org.ermbit.solvers.registry.SolverRegistry} loads every
 * {@link org.ermbit.core.spi.SolverProvider} listed in {@code META-INF/services} in a stable order
 * (sat4j first) and looks them up by id.
 */
package org.ermbit.solvers.registry;
