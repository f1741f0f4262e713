package org.ermbit.solvers.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.ermbit.core.spi.SolverProvider;

/**
 * All solver providers found with {@link ServiceLoader}, in a stable order: {@code sat4j} first,
 * then the others by id. Loading a provider never loads native code; that happens in
 * {@link SolverProvider#probe()} and {@link SolverProvider#create()}.
 */
public final class SolverRegistry {
    /** The embedded default backend that always works. */
    public static final String DEFAULT_ID = "sat4j";

    private final List<SolverProvider> providers;

    private SolverRegistry(List<SolverProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** Providers visible to this class's class loader. */
    public static SolverRegistry load() {
        List<SolverProvider> found = new ArrayList<>();
        ServiceLoader.load(SolverProvider.class, SolverRegistry.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing((SolverProvider p) -> !p.id().equals(DEFAULT_ID)).thenComparing(SolverProvider::id));
        return new SolverRegistry(found);
    }

    /** A registry of exactly these providers (e.g. a program's own backend next to the built-in ones). */
    public static SolverRegistry of(List<SolverProvider> providers) {
        return new SolverRegistry(providers);
    }

    /** Every provider, sat4j first, then by id. */
    public List<SolverProvider> all() {
        return providers;
    }

    /** The ids of {@link #all()}, in order. */
    public List<String> ids() {
        return providers.stream().map(SolverProvider::id).collect(Collectors.toList());
    }

    /** The provider with this id; IllegalArgumentException naming the known ids if there is none. */
    public SolverProvider byId(String id) {
        for (SolverProvider p : providers) if (p.id().equals(id)) return p;
        throw new IllegalArgumentException("unknown solver '" + id + "' (known: " + String.join(", ", ids()) + ")");
    }
}
