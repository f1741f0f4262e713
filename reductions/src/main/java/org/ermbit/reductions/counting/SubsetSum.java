package org.ermbit.reductions.counting;

import java.math.BigInteger;
import java.util.List;

/**
 * A #SubsetSum instance: non-negative integer items (a multiset, indexed) and a target T; the
 * question is how many index subsets S have Σ_{i∈S} a_i = T.
 */
public record SubsetSum(List<BigInteger> items, BigInteger target) {
    public SubsetSum {
        items = List.copyOf(items);
        for (BigInteger a : items) if (a.signum() < 0) throw new IllegalArgumentException("negative item " + a);
        if (target.signum() < 0) throw new IllegalArgumentException("negative target " + target);
    }

    /** Σ a_i. */
    public BigInteger total() {
        return items.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
