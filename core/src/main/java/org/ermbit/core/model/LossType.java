package org.ermbit.core.model;

/** Per-point losses of DESIGN §3. */
public enum LossType {
    SQUARED("squared"), ABSOLUTE("absolute"), MAX_ABS("max_abs"), ZERO_ONE("zero_one"), HINGE("hinge");

    private final String jsonName;

    LossType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** True for the classification losses that need one output and targets ±1. */
    public boolean isClassification() {
        return this == ZERO_ONE || this == HINGE;
    }
}
