/**
 * The NP-certificate encoding of DESIGN §5: an ERM_bit instance with piecewise-linear activations
 * becomes a constraint-IR model over exactly scaled integers — integer parameter numerators,
 * activation literals, conditional linear constraints and products of unknowns — whose models are
 * the parameter vectors of the finite domain together with their activation patterns. See
 * docs/ENCODING.md for the derivation of scales, bounds and the symmetry-breaking argument.
 */
package org.ermbit.reductions.encode;
