package org.ermbit.core.spi;

/** Outcome of a solve. */
public enum Status {
    SAT, UNSAT, OPTIMAL, UNKNOWN, ERROR
}
