package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.cpsat.CpSatProvider;
import org.ermbit.solvers.external.CadicalProvider;
import org.ermbit.solvers.external.MinisatProvider;
import org.ermbit.solvers.external.PicosatProvider;
import org.ermbit.solvers.javasmt.Cvc5Provider;
import org.ermbit.solvers.sat4j.Sat4jProvider;
import org.ermbit.solvers.z3.Z3Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backend settings given as system properties: a bad value makes the backend unavailable with the
 * reason (so no run is credited to a configuration that was never used); a good one takes effect.
 */
class ProviderConfigurationTest {

    @ParameterizedTest
    @CsvSource({
            "ermbit.sat4j.config, bogus, unknown sat4j configuration 'bogus'",
            "ermbit.sat4j.config, cutting planes, unknown sat4j configuration 'cutting planes'",
            "ermbit.cpsat.workers, 0, invalid -Dermbit.cpsat.workers=0",
            "ermbit.cpsat.workers, -2, invalid -Dermbit.cpsat.workers=-2",
            "ermbit.cpsat.workers, two, invalid -Dermbit.cpsat.workers=two",
            "ermbit.cpsat.workers, 99999999999, invalid -Dermbit.cpsat.workers=99999999999",
            "ermbit.cpsat.products, bit, invalid -Dermbit.cpsat.products=bit",
            "ermbit.z3.products, Native, invalid -Dermbit.z3.products=Native",
            "ermbit.cvc5.products, bitz, invalid -Dermbit.cvc5.products=bitz",
            "ermbit.cadical.proof, no, invalid -Dermbit.cadical.proof=no (expected check or off)",
            "ermbit.picosat.proof, forward, invalid -Dermbit.picosat.proof=forward (expected check or off)",
            "ermbit.sat4j.proof, yes, invalid -Dermbit.sat4j.proof=yes (expected check, forward or off)",
    })
    void invalidSettingMakesTheBackendUnavailableWithTheReason(String property, String value, String reason) {
        Availability a = withProperty(property, value, () -> provider(property).probe());
        assertFalse(a.available(), property + "=" + value);
        assertTrue(a.reason().contains(reason), a.reason());
    }

    @ParameterizedTest
    @CsvSource({"ermbit.sat4j.config, cutting-planes", "ermbit.sat4j.config, CUTTING_PLANES", "ermbit.cpsat.workers, 3",
            "ermbit.cpsat.workers, 1"})
    void validSettingIsTakenUp(String property, String value) {
        String description = withProperty(property, value, () -> provider(property).description());
        assertTrue(description.contains(property.contains("sat4j") ? "cutting-planes" : value + " workers"), description);
    }

    @Test
    void bitProductsAreNamedInTheDescription() {
        assertTrue(new CpSatProvider(1, false).description().contains("products as bits"));
        assertFalse(new CpSatProvider(1, true).description().contains("products as bits"));
        assertEquals("cpsat", new CpSatProvider(1).id());
        assertTrue(new Z3Provider(false).description().contains("products as bits"));
        assertTrue(new Z3Provider(true).description().contains("native products"));
        assertTrue(new Cvc5Provider().description().contains("products as bits"));
        assertFalse(withProperty("ermbit.cvc5.products", "native", () -> new Cvc5Provider().description()).contains("products as bits"));
    }

    @Test
    void cadicalsProofSettingIsNamedInTheDescription() {
        String checked = "UNSAT only with its DRAT proof checked by ermbit";
        assertTrue(new CadicalProvider().description().contains(checked));
        assertTrue(withProperty(CadicalProvider.PROOF_PROPERTY, "check", () -> new CadicalProvider().description()).contains(checked));
        assertFalse(withProperty(CadicalProvider.PROOF_PROPERTY, "off", () -> new CadicalProvider().description()).contains(checked));
    }

    @Test
    void picosatsProofSettingIsNamedInTheDescription() {
        String checked = "UNSAT only with its RUP proof checked by ermbit";
        assertEquals("PicoSAT (external picosat binary) on DIMACS CNF via the adder PB encoding; " + checked, new PicosatProvider().description());
        assertTrue(withProperty(PicosatProvider.PROOF_PROPERTY, "check", () -> new PicosatProvider().description()).contains(checked));
        assertFalse(withProperty(PicosatProvider.PROOF_PROPERTY, "off", () -> new PicosatProvider().description()).contains(checked));
        // MiniSat writes no proofs: nothing to turn off, and its property is not read
        assertFalse(new MinisatProvider().description().contains("proof"));
        assertEquals(new MinisatProvider().probe(), withProperty("ermbit.minisat.proof", "bogus", () -> new MinisatProvider().probe()));
    }

    @Test
    void sat4jsProofSettingIsNamedInTheDescription() {
        String checked = "; UNSAT with its DRUP proof checked by ermbit";
        assertEquals("Sat4j pseudo-Boolean solver (pure Java, default" + checked + ")", new Sat4jProvider().description());
        assertTrue(withProperty(Sat4jProvider.PROOF_PROPERTY, "check", () -> new Sat4jProvider().description()).contains(checked));
        assertFalse(withProperty(Sat4jProvider.PROOF_PROPERTY, "off", () -> new Sat4jProvider().description()).contains(checked));
        assertTrue(withProperty(Sat4jProvider.PROOF_PROPERTY, "off", () -> new Sat4jProvider().probe()).available());
        // an engine that learns PB constraints records no proof
        assertFalse(withProperty(Sat4jProvider.CONFIG_PROPERTY, "cutting-planes", () -> new Sat4jProvider().description()).contains(checked));
    }

    /** The product setting decides NIA; unset, each backend has its measured default (cpsat native, z3 and cvc5 bits). */
    @ParameterizedTest
    @CsvSource({"ermbit.cpsat.products, bits, false", "ermbit.cpsat.products, native, true", "ermbit.cpsat.products, '', true",
            "ermbit.z3.products, bits, false", "ermbit.z3.products, native, true", "ermbit.z3.products, '', false",
            "ermbit.cvc5.products, bits, false", "ermbit.cvc5.products, native, true", "ermbit.cvc5.products, '', false"})
    void productSettingDecidesNativeProducts(String property, String value, boolean nia) {
        boolean hasNia = withProperty(property, value, () -> provider(property).capabilities().contains(Capability.NIA));
        assertEquals(nia, hasNia, property + "=" + value);
    }

    private static SolverProvider provider(String property) {
        if (property.contains("cadical")) return new CadicalProvider();
        if (property.contains("picosat")) return new PicosatProvider();
        if (property.contains("sat4j")) return new Sat4jProvider();
        if (property.contains("cvc5")) return new Cvc5Provider();
        return property.contains("z3") ? new Z3Provider() : new CpSatProvider();
    }

    private static <T> T withProperty(String property, String value, Supplier<T> body) {
        String old = System.getProperty(property);
        System.setProperty(property, value);
        try {
            return body.get();
        } finally {
            if (old == null) System.clearProperty(property);
            else System.setProperty(property, old);
        }
    }
}
