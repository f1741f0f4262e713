/**
 * The Real-RAM comparison: decides "is there a vector of <em>real</em> parameters with loss ≤ γ?"
 * for an ERM instance with Z3's complete nonlinear real arithmetic procedure (nlsat), ignoring the
 * finite bit domains, and reports witnesses as exact algebraic numbers (Z3 {@code root-obj} terms).
 * It exists to contrast the bit model with the real model; it is not an ERM_bit solver.
 */
package org.ermbit.solvers.real;
