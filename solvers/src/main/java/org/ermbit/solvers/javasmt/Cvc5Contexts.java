package org.ermbit.solvers.javasmt;

import io.github.cvc5.Context;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.ermbit.core.spi.Limits;

/**
 * One CVC5 context at a time in this JVM, and the memory CVC5 keeps freed after each. The Java
 * bindings of CVC5 1.0.5 are not safe for concurrent contexts: two threads deciding
 * instances/examples/xor-2-2-1.json with cvc5 at once crashed the JVM in {@code Solver.deletePointer}
 * when a context closed (a native frame in libcvc5jni.so). They also record every Term and Sort in one
 * static list until {@code Context.deletePointers()} frees them all, which java-smt 5.0.1 never calls
 * (java-smt issue #578): 1.7 GB resident after 600 small solves. So a CVC5 context is opened only
 * while holding this lock, and the list is freed before the lock is released. A solve that cannot get
 * the lock before its limits expire (another cvc5 solve, perhaps an abandoned one, is still running)
 * ends UNKNOWN.
 */
final class Cvc5Contexts {
    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private Cvc5Contexts() {
    }

    /** Waits for the lock until {@code limits} expire; false if they expired first. The caller must {@link #release()} after true. */
    static boolean acquire(Limits limits) throws InterruptedException {
        while (!LOCK.tryLock(20, TimeUnit.MILLISECONDS)) {
            if (limits.expired()) return false;
        }
        return true;
    }

    /** Frees the Terms and Sorts of the context just closed, then lets the next CVC5 context open. */
    static void release() {
        try {
            Context.deletePointers();
        } finally {
            LOCK.unlock();
        }
    }
}
