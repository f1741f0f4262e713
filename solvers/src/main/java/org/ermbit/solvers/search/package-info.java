/**
 * Direct search of the parameter domain, without a constraint model: {@link org.ermbit.solvers.search.ScaledNetwork}
 * evaluates an instance's exact loss in integer arithmetic (the encoder's scales), and
 * {@link org.ermbit.solvers.search.LocalSearch} walks the domain for a low-loss vector. Incomplete by design —
 * it finds witnesses, never proves their absence — and every vector it returns is checked by the exact
 * verifier in the pipeline before it is reported.
 */
package org.ermbit.solvers.search;
