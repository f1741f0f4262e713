/**
 * Shared plumbing for solver backends: checking that a model has the shape a backend's
 * capabilities promise ({@link org.ermbit.solvers.backend.ModelShape}), enforcing {@code Limits}
 * with a polling watcher ({@link org.ermbit.solvers.backend.LimitWatcher}), building result
 * values with timing ({@link org.ermbit.solvers.backend.ResultFactory}), and recording and reporting
 * checked proofs of unsatisfiability ({@link org.ermbit.solvers.backend.BinaryDratSteps},
 * {@link org.ermbit.solvers.backend.ProofCertificates}).
 */
package org.ermbit.solvers.backend;
