package org.ermbit.bench;

/**
 * How one child run ended. {@code FEASIBLE} is an optimisation run that stopped with a verified but
 * unproved best loss; {@code TIMEOUT} means the harness killed the child after the limit plus grace;
 * {@code MEMOUT} the child ran out of its heap; {@code UNAVAILABLE} the solver does not work on this
 * machine (e.g. an external binary is missing) — such rows are listed, not scored.
 */
public enum RunStatus {
    SAT, UNSAT, OPTIMUM, FEASIBLE, UNKNOWN, TIMEOUT, MEMOUT, ERROR, UNAVAILABLE
}
