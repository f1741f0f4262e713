/**
 * The OR-Tools CP-SAT backend ({@code cpsat}) through {@code com.google.ortools:ortools-java}: bounded
 * integers, enforced linear constraints, clauses, native products and native minimisation, all in
 * CP-SAT's signed 64-bit integers. Models whose bounds, coefficients or reachable sums do not fit
 * (with margin) are refused with {@code "not supported: … exceeds CP-SAT's 64-bit integers"} before
 * anything is built. The native library is loaded explicitly by the probe, never statically.
 */
package org.ermbit.solvers.cpsat;
