/**
 * Hardness reductions with witness maps in both directions ({@link org.ermbit.reductions.hardness.Reduction}),
 * and their registry by name. Each construction and its correctness argument is written up in
 * docs/REDUCTIONS.md; {@code ermbit check} runs them on real formulas.
 */
package org.ermbit.reductions.hardness;
