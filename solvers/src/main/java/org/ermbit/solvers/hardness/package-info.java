/**
 * Checking hardness reductions on real inputs: solve the source problem directly, reduce it, solve
 * the target with the exact pipeline, and confirm both answers agree and the witness maps back to a
 * source certificate ({@link org.ermbit.solvers.hardness.ThreeSatReluCheck} for {@code 3sat-relu}).
 */
package org.ermbit.solvers.hardness;
