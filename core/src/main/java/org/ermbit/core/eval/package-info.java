/**
 * Exact evaluation: forward pass, loss, backpropagation and the verifier that every reported
 * answer must pass. Rational arithmetic only.
 */
package org.ermbit.core.eval;
