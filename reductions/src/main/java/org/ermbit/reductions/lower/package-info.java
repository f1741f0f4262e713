/**
 * Lowering passes over the constraint IR: each rewrites a model into an equisatisfiable one that a
 * weaker backend accepts (products into weight bits and conditional linear constraints; bounded
 * integers into pseudo-Boolean form) and lifts the lowered model's assignments back to the input
 * model's variables. {@link org.ermbit.reductions.lower.TangentCuts} is the one relaxation here: it
 * replaces squares by tangent cuts that the pipeline refines until a model is exact.
 */
package org.ermbit.reductions.lower;
