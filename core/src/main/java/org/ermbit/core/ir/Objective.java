package org.ermbit.core.ir;

/** A linear objective to minimise. */
public record Objective(LinearExpr expr) {
}
