package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The component cache of a {@link ComponentCounter} run, shared by its parallel searches: packed
 * component key → exact count (a {@code Long} when it fits, else a {@code BigInteger}). Bounded by
 * an estimated byte budget; when the budget is exceeded about half of the entries (chosen by a bit
 * of their hash that changes from one eviction to the next) are dropped, and everything if that is
 * not enough. Dropping entries costs time, never correctness: keys are canonical, so every entry is
 * valid for every search over the same formula.
 */
final class ComponentCache {
    /** Estimated bytes of one entry besides its key bytes and value: map node, table slot, key object. */
    private static final long ENTRY_OVERHEAD_BYTES = 96;

    private final ConcurrentHashMap<ComponentSearch.Key, Object> map = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long budgetBytes;
    private int evictions;

    ComponentCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    BigInteger get(ComponentSearch.Key key) {
        Object v = map.get(key);
        if (v == null) return null;
        return v instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) v;
    }

    void put(ComponentSearch.Key key, BigInteger count) {
        Object value = count.bitLength() < 63 ? (Object) count.longValue() : count;
        long size = sizeOf(key, value);
        if (size > budgetBytes) return;
        if (map.put(key, value) == null && bytes.addAndGet(size) > budgetBytes) evict();
    }

    private static long sizeOf(ComponentSearch.Key key, Object value) {
        long valueBytes = value instanceof Long ? 16 : 64 + ((BigInteger) value).bitLength() / 8;
        return ENTRY_OVERHEAD_BYTES + 16 + key.data.length + valueBytes;
    }

    private synchronized void evict() {
        if (bytes.get() <= budgetBytes) return;
        int bit = evictions++ % 31;
        for (Iterator<Map.Entry<ComponentSearch.Key, Object>> it = map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<ComponentSearch.Key, Object> e = it.next();
            if (((e.getKey().hash >>> bit) & 1) == 0) {
                it.remove();
                bytes.addAndGet(-sizeOf(e.getKey(), e.getValue()));
            }
        }
        if (bytes.get() > budgetBytes) {
            map.clear();
            bytes.set(0);
        }
    }

    int size() {
        return map.size();
    }
}
