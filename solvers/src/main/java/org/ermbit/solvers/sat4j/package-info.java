/**
 * The Sat4j pseudo-Boolean backend ({@code sat4j}): pure Java, always available, the embedded
 * default. It takes purely Boolean models (unconditional linear constraints over 0/1 variables and
 * clauses) with arbitrary BigInteger coefficients and minimises objectives by linear search.
 */
package org.ermbit.solvers.sat4j;
