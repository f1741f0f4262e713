package org.ermbit.solvers.javasmt;

import io.github.cvc5.Context;

/**
 * Frees what CVC5's Java bindings keep after a java-smt context is closed. The bindings record every
 * Term and Sort ever created in one static list ({@code io.github.cvc5.Context}) until
 * {@code Context.deletePointers()} frees them all, which java-smt 5.0.1 never calls (java-smt issue
 * #578): about 1 GB of resident memory after a thousand small cvc5 solves in one JVM. Because that
 * call frees the objects of every context, it is made only when the last open CVC5 context has been
 * closed; opening a context waits while it runs.
 */
final class Cvc5Contexts {
    private static int open;

    private Cvc5Contexts() {
    }

    /** Call before creating a CVC5 context. */
    static synchronized void opening() {
        open++;
    }

    /** Call after a CVC5 context (created after {@link #opening()}) has been closed, or failed to open. */
    static synchronized void closed() {
        if (--open == 0) Context.deletePointers();
    }
}
