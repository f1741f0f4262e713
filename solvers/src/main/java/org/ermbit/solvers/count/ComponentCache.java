package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The component cache of a {@link ComponentCounter} run, shared by its parallel searches: component
 * key → exact count. Bounded by an estimated byte budget; when the budget would be exceeded the
 * cache is emptied, which costs time, never correctness (keys are canonical, so every entry is
 * valid for every search over the same formula).
 */
final class ComponentCache {
    private static final long ENTRY_OVERHEAD_BYTES = 120;

    private final ConcurrentHashMap<Object, BigInteger> map = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budgetBytes;

    ComponentCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    BigInteger get(Object key) {
        return map.get(key);
    }

    /** Stores a count; {@code keyInts} is the key's size in ints, used for the byte estimate. */
    void put(Object key, int keyInts, BigInteger count) {
        long size = 4L * keyInts + ENTRY_OVERHEAD_BYTES + count.bitLength() / 8;
        if (size > budgetBytes) return;
        if (bytes.addAndGet(size) > budgetBytes) {
            map.clear();
            bytes.set(size);
        }
        map.put(key, count);
    }

    int size() {
        return map.size();
    }
}
