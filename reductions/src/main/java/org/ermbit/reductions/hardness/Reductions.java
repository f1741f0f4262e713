package org.ermbit.reductions.hardness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of hardness reductions by name (e.g. {@code 3sat-relu}). A plain list of the
 * implemented reductions: adding one means adding it to {@link #ALL}.
 */
public final class Reductions {

    /** Every implemented reduction, in listing order. */
    private static final List<Reduction<?, ?, ?, ?>> ALL = List.of(new ThreeSatToRelu());

    private Reductions() {
    }

    /** Every registered reduction, in listing order. */
    public static List<Reduction<?, ?, ?, ?>> all() {
        return ALL;
    }

    /** The registered names, in listing order. */
    public static List<String> names() {
        return ALL.stream().map(Reduction::name).toList();
    }

    /** The reduction called {@code name}, if registered. */
    public static Optional<Reduction<?, ?, ?, ?>> byName(String name) {
        Map<String, Reduction<?, ?, ?, ?>> byName = new LinkedHashMap<>();
        for (Reduction<?, ?, ?, ?> r : ALL) byName.put(r.name(), r);
        return Optional.ofNullable(byName.get(name));
    }

    /** The {@code 3sat-relu} reduction. */
    public static ThreeSatToRelu threeSatRelu() {
        return (ThreeSatToRelu) byName(ThreeSatToRelu.NAME).orElseThrow();
    }
}
