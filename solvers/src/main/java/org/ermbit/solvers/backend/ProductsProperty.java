package org.ermbit.solvers.backend;

/**
 * How a backend with native nonlinear integer arithmetic receives the encoder's products, as set by
 * a system property: {@code native} (kept as products) or {@code bits} (the pipeline expands them
 * into weight bits first, so the backend declares no NIA). A value that is not understood is kept
 * as {@link #error()}, for the provider to report as unavailability rather than quietly run its default.
 *
 * @param nativeProducts whether products reach the backend as products
 * @param error why the property's value is invalid, or null
 */
public record ProductsProperty(boolean nativeProducts, String error) {

    /** Reads {@code property}; unset or blank gives the backend's measured default {@code nativeByDefault}. */
    public static ProductsProperty read(String property, boolean nativeByDefault) {
        String value = System.getProperty(property, "").trim();
        return switch (value) {
            case "" -> new ProductsProperty(nativeByDefault, null);
            case "native" -> new ProductsProperty(true, null);
            case "bits" -> new ProductsProperty(false, null);
            default -> new ProductsProperty(nativeByDefault, "invalid -D" + property + "=" + value + " (expected native or bits)");
        };
    }
}
