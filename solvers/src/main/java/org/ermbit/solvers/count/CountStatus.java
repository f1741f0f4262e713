package org.ermbit.solvers.count;

/** Outcome of a model count. */
public enum CountStatus {
    /** The exact count is known. */
    COUNTED,
    /** The deadline passed before the count was known. */
    TIMEOUT,
    /** The cancel token fired before the count was known. */
    CANCELLED
}
