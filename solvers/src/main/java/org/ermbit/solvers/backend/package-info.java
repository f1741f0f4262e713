/**
 * Shared plumbing for solver backends: checking that a model has the shape a backend's
 * capabilities promise ({@link org.ermbit.solvers.backend.ModelShape}), enforcing {@code Limits}
 * with a polling watcher ({@link org.ermbit.solvers.backend.LimitWatcher}), and building result
 * values with timing ({@link org.ermbit.solvers.backend.ResultFactory}).
 */
package org.ermbit.solvers.backend;
