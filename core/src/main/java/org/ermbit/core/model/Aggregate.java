package org.ermbit.core.model;

/** How per-point losses combine: sum, mean (= sum / N), or max (only for {@code max_abs}). */
public enum Aggregate {
    SUM("sum"), MEAN("mean"), MAX("max");

    private final String jsonName;

    Aggregate(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
