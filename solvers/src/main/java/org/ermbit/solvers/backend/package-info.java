/**
 * Shared plumbing for solver backends: checking that a model has the shape a backend's
 * capabilities promise ({@link org.ermbit.solvers.backend.ModelShape}), enforcing {@code Limits}
 * with a polling watcher ({@link org.ermbit.solvers.backend.LimitWatcher}), building result
 * values with timing ({@link org.ermbit.solvers.backend.ResultFactory}), and reporting checked DRAT
 * proofs ({@link org.ermbit.solvers.backend.DratCertificates}).
 */
package org.ermbit.solvers.backend;
