package org.ermbit.core.spi;

/** Outcome of {@link SolverProvider#probe()}: whether a backend works here, and why (not). */
public record Availability(boolean available, String version, String reason) {
    public static Availability ok(String version) {
        return new Availability(true, version, "ok");
    }

    public static Availability missing(String reason) {
        return new Availability(false, "", reason);
    }
}
