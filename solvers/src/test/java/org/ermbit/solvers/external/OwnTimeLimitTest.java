package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.Differential;
import org.ermbit.solvers.RandomModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binaries' own time limits: the options for a deadline, none without one, and every installed
 * binary accepting its option (a run with a deadline answers as one without).
 */
class OwnTimeLimitTest {

    @Test
    void optionsStopTheBinaryAMarginAfterTheDeadline() {
        Limits thirty = Limits.timeout(Duration.ofSeconds(30));
        // 29.99… s left: 29 + 1 + 10 (or 30 + 1 + 10 on a clock that has not moved)
        List<String> cadical = OwnTimeLimit.CADICAL.options(thirty);
        assertEquals("-t", cadical.get(0));
        long s = Long.parseLong(cadical.get(1));
        assertTrue(s == 40 || s == 41, cadical.toString());
        assertEquals(List.of("-cpu-lim=" + s), OwnTimeLimit.MINISAT.options(thirty));
        assertEquals(List.of("-L", Long.toString(s)), OwnTimeLimit.PICOSAT.options(thirty));
        assertEquals(List.of("-T:" + s), OwnTimeLimit.Z3.options(thirty));
        assertEquals(List.of("--tlimit=" + s * 1000), OwnTimeLimit.CVC5.options(thirty));
        assertEquals(List.of("-sec", Long.toString(s)), OwnTimeLimit.CBC.options(thirty));
        assertEquals(List.of(), OwnTimeLimit.NONE.options(thirty));
        for (OwnTimeLimit o : OwnTimeLimit.values()) {
            assertEquals(List.of(), o.options(Limits.none()), o + " without a deadline");
            assertEquals(List.of(), o.options(Limits.timeout(Duration.ofDays(365L * 100))), o + " beyond 2^31 s");
        }
    }

    static Stream<SolverProvider> binaries() {
        return Stream.of(new CadicalProvider(), new MinisatProvider(), new PicosatProvider(), new Z3BinaryProvider(),
                new Cvc5Provider(), new CbcProvider());
    }

    @ParameterizedTest
    @MethodSource("binaries")
    void everyInstalledBinaryAcceptsItsOption(SolverProvider p) {
        Availability a = p.probe();
        assumeTrue(a.available(), p.id() + " unavailable: " + a.reason());
        try (org.ermbit.core.spi.Solver s = p.create()) {
            for (long seed = 0; seed < 10; seed++) {
                RandomModels.Shape shape = p.capabilities().contains(org.ermbit.core.spi.Capability.PSEUDO_BOOLEAN)
                        ? RandomModels.Shape.PSEUDO_BOOLEAN : RandomModels.Shape.LIA;
                Differential.check(p, s, RandomModels.generate(seed, shape, true), Limits.timeout(Duration.ofMinutes(10)),
                        p.id() + " seed " + seed + " with its own time limit");
            }
        }
    }
}
