/**
 * Exhaustive search over the finite parameter domain with exact evaluation: the route for
 * polynomial-activation instances (never sent to the NP encoder) and a baseline for benchmarks.
 */
package org.ermbit.solvers.enumerate;
