package org.ermbit.solvers.javasmt;

import java.util.EnumSet;
import java.util.Set;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.solvers.backend.ProductsProperty;

/**
 * Provider of the {@code cvc5} backend through java-smt (see {@link JavaSmtBackend#CVC5}). By
 * default it declares no {@link Capability#NIA}, so the pipeline expands products into weight bits
 * (and gives the squares tangent cuts) before CVC5 sees the model, which measured faster than its
 * nonlinear arithmetic (docs/BENCHMARKS.md, "Z3 and CVC5: native products or weight bits");
 * {@code -D}{@value #PRODUCTS_PROPERTY}{@code =native} keeps the products.
 */
public final class Cvc5Provider extends JavaSmtProvider {
    /** System property {@code bits} (default) or {@code native}: how products reach CVC5. */
    public static final String PRODUCTS_PROPERTY = "ermbit.cvc5.products";

    private final ProductsProperty products;

    /** Used by ServiceLoader: product handling from {@value #PRODUCTS_PROPERTY}, weight bits by default. */
    public Cvc5Provider() {
        super(JavaSmtBackend.CVC5);
        this.products = ProductsProperty.read(PRODUCTS_PROPERTY, false);
    }

    /** A provider whose models keep their products ({@code nativeProducts}) or get them as weight bits. */
    public Cvc5Provider(boolean nativeProducts) {
        super(JavaSmtBackend.CVC5);
        this.products = new ProductsProperty(nativeProducts, null);
    }

    @Override
    public String description() {
        return "CVC5 SMT solver via java-smt (native library, BSD-3-Clause; linear and nonlinear integers"
                + (products.nativeProducts() ? "" : "; products as bits") + ")";
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> caps = EnumSet.copyOf(super.capabilities());
        if (!products.nativeProducts()) caps.remove(Capability.NIA);
        return caps;
    }

    @Override
    public Availability probe() {
        return products.error() != null ? Availability.missing(products.error()) : super.probe();
    }
}
