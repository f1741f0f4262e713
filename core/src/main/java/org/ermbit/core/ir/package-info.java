/**
 * The solver-independent constraint IR: variables with BigInteger bounds, enforced linear
 * constraints, clauses, products and a linear objective. Encoders build it; lowering passes
 * rewrite it; backends consume it.
 */
package org.ermbit.core.ir;
