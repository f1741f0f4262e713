package org.ermbit.core.model;

/** A loss: per-point type plus aggregate. {@code max_abs} always aggregates by max. */
public record Loss(LossType type, Aggregate aggregate) {
    public Loss {
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(aggregate, "aggregate (Loss.defaultAggregate(type) gives the default)");
        if ((type == LossType.MAX_ABS) != (aggregate == Aggregate.MAX)) {
            throw new IllegalArgumentException(type == LossType.MAX_ABS
                    ? "max_abs aggregates by max over points; aggregate must be \"max\" or omitted"
                    : "aggregate \"max\" is only valid for max_abs");
        }
    }

    /** The default aggregate for a loss type (max for max_abs, sum otherwise). */
    public static Aggregate defaultAggregate(LossType type) {
        return type == LossType.MAX_ABS ? Aggregate.MAX : Aggregate.SUM;
    }
}
