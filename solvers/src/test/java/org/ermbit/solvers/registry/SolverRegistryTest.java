package org.ermbit.solvers.registry;

import static org.ermbit.core.spi.Capability.BIGINT_COEFFS;
import static org.ermbit.core.spi.Capability.FLOATING_POINT;
import static org.ermbit.core.spi.Capability.INT64_ONLY;
import static org.ermbit.core.spi.Capability.LIA;
import static org.ermbit.core.spi.Capability.NIA;
import static org.ermbit.core.spi.Capability.OPTIMIZE;
import static org.ermbit.core.spi.Capability.PSEUDO_BOOLEAN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.SolverProvider;
import org.junit.jupiter.api.Test;

/**
 * The backends ServiceLoader finds, in the documented order (the default sat4j first, then by id), with
 * the capabilities docs/SOLVERS.md declares for each — the lowering is chosen from these alone, so a
 * wrong set would send a backend models it cannot take.
 */
class SolverRegistryTest {

    /** docs/SOLVERS.md, "Backends" table and the external-process paragraph (as `ermbit solvers` prints them). */
    private static final Map<String, Set<Capability>> DOCUMENTED = new LinkedHashMap<>();

    static {
        DOCUMENTED.put("sat4j", Set.of(PSEUDO_BOOLEAN, BIGINT_COEFFS, OPTIMIZE));
        DOCUMENTED.put("cpsat", Set.of(LIA, NIA, INT64_ONLY, OPTIMIZE));
        DOCUMENTED.put("cvc5", Set.of(LIA, BIGINT_COEFFS));
        DOCUMENTED.put("ext-cadical", Set.of(PSEUDO_BOOLEAN, BIGINT_COEFFS));
        DOCUMENTED.put("ext-cbc", Set.of(LIA, OPTIMIZE, FLOATING_POINT));
        DOCUMENTED.put("ext-cvc5", Set.of(LIA, BIGINT_COEFFS));
        DOCUMENTED.put("ext-minisat", Set.of(PSEUDO_BOOLEAN, BIGINT_COEFFS));
        DOCUMENTED.put("ext-picosat", Set.of(PSEUDO_BOOLEAN, BIGINT_COEFFS));
        DOCUMENTED.put("ext-z3", Set.of(LIA, NIA, BIGINT_COEFFS, OPTIMIZE));
        DOCUMENTED.put("logicng", Set.of(PSEUDO_BOOLEAN, BIGINT_COEFFS));
        DOCUMENTED.put("opensmt", Set.of(LIA, BIGINT_COEFFS));
        DOCUMENTED.put("princess", Set.of(LIA, BIGINT_COEFFS));
        DOCUMENTED.put("smtinterpol", Set.of(LIA, BIGINT_COEFFS));
        DOCUMENTED.put("z3", Set.of(LIA, BIGINT_COEFFS, OPTIMIZE));
    }

    @Test
    void loadFindsEveryBackendDefaultFirstThenById() {
        assertEquals(List.copyOf(DOCUMENTED.keySet()), SolverRegistry.load().ids());
    }

    @Test
    void capabilitiesAreTheDocumentedOnes() {
        for (SolverProvider p : SolverRegistry.load().all()) {
            assertEquals(DOCUMENTED.get(p.id()), p.capabilities(), p.id());
        }
    }

    @Test
    void ofKeepsTheGivenProvidersAndOrder() {
        SolverRegistry all = SolverRegistry.load();
        SolverRegistry two = SolverRegistry.of(List.of(all.byId("z3"), all.byId("sat4j")));
        assertEquals(List.of("z3", "sat4j"), two.ids());
        assertEquals(2, two.all().size());
    }
}
