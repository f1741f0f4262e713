package org.ermbit.reductions.slp;

import java.math.BigInteger;

/** The outcome of exact evaluation under a bit budget: the value, or where the budget ran out. */
public sealed interface Evaluation permits Evaluation.Value, Evaluation.OverBudget {

    /** The exact value of the program. */
    record Value(BigInteger value, int maxBitLength) implements Evaluation {
    }

    /**
     * Evaluation stopped before instruction {@code instruction} (1-based) because its result needs
     * at least {@code neededBits} bits, more than the budget; nothing that large was allocated.
     */
    record OverBudget(int instruction, long neededBits, int budget) implements Evaluation {
        @Override
        public String toString() {
            return "over budget at instruction " + instruction + " (needs ≥ " + neededBits + " bits, budget " + budget + ")";
        }
    }
}
