/**
 * Straight-line programs (SLPs): v0 = 1 and v_k = v_i ∘ v_j with ∘ ∈ {+, −, ×}. An SLP of length
 * n can denote an integer with 2^n bits, so this package evaluates them exactly under an explicit
 * bit budget, modulo 2^k (a ring map that answers bit queries on astronomically long values),
 * bounds their bit length without evaluating, and reads/writes the text format of docs/FORMAT.md, section "Straight-line programs".
 */
package org.ermbit.reductions.slp;
