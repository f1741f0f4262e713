package org.ermbit.solvers.count;

import java.util.List;
import java.util.Optional;

/** The available model counters, looked up by id. */
public final class ModelCounters {
    private ModelCounters() {}

    /** Ids of all counters, the default ({@code component}) first. */
    public static List<String> ids() {
        return List.of(ComponentCounter.ID, LogicNgCounter.ID);
    }

    /** The counter with this id, if any. */
    public static Optional<ModelCounter> byId(String id) {
        return switch (id) {
            case ComponentCounter.ID -> Optional.of(new ComponentCounter());
            case LogicNgCounter.ID -> Optional.of(new LogicNgCounter());
            default -> Optional.empty();
        };
    }
}
