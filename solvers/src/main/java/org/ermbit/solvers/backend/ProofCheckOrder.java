package org.ermbit.solvers.backend;

import org.ermbit.reductions.cnf.DratChecker;

/**
 * In which order a certifying backend has its proof checked: backward (only the lemmas the refutation
 * uses; every clause of the proof stays in memory, a few times the proof's binary size) when the proof
 * fits in a 32nd of the heap ({@link #HEAP_SHARE}), forward (streaming, memory for the live clauses
 * only) otherwise. Measured in docs/BENCHMARKS.md, "Backward checking".
 */
public final class ProofCheckOrder {
    /** The largest proof checked backward: the heap's maximum divided by this. */
    public static final int HEAP_SHARE = 32;

    private ProofCheckOrder() {
    }

    /** The order for a proof of {@code proofBytes} bytes (binary DRAT) under a heap of at most {@code maxHeap} bytes. */
    public static DratChecker.Order forSize(long proofBytes, long maxHeap) {
        return proofBytes <= maxHeap / HEAP_SHARE ? DratChecker.Order.BACKWARD : DratChecker.Order.FORWARD;
    }

    /** {@link #forSize} under this JVM's maximum heap. */
    public static DratChecker.Order forSize(long proofBytes) {
        return forSize(proofBytes, Runtime.getRuntime().maxMemory());
    }

    /** The order's name in a result's stats ({@code proof.check}): {@code backward} or {@code forward}. */
    public static String name(DratChecker.Order order) {
        return order == DratChecker.Order.BACKWARD ? "backward" : "forward";
    }
}
