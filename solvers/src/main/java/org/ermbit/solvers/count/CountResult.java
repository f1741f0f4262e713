package org.ermbit.solvers.count;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a model count: the status, the exact count when {@link CountStatus#COUNTED}, the
 * id of the counter that produced it and its statistics.
 */
public record CountResult(CountStatus status, Optional<BigInteger> count, String counter, CountStats stats) {
    public CountResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(count);
        Objects.requireNonNull(counter);
        Objects.requireNonNull(stats);
        if ((status == CountStatus.COUNTED) != count.isPresent()) {
            throw new IllegalArgumentException("a count is present exactly when the status is COUNTED");
        }
        if (count.isPresent() && count.get().signum() < 0) throw new IllegalArgumentException("negative count");
    }

    public static CountResult counted(BigInteger count, String counter, CountStats stats) {
        return new CountResult(CountStatus.COUNTED, Optional.of(count), counter, stats);
    }

    public static CountResult stopped(CountStatus status, String counter, CountStats stats) {
        return new CountResult(status, Optional.empty(), counter, stats);
    }

    /** The exact count; throws when the count is not known. */
    public BigInteger exactCount() {
        return count.orElseThrow(() -> new IllegalStateException("no count: " + status));
    }
}
