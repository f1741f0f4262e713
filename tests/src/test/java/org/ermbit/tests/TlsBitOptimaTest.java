package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/REALRAM.md: {@code ermbit optimize} on the TLS family proves the bit-model optima that the
 * independent exhaustive script {@code instances/realram/bit_optima.py} computed, and each lies strictly
 * above the real optimum (10 − √97)/3 (compared exactly: q &gt; (10 − √97)/3 ⟺ 10 − 3q &lt; √97).
 */
class TlsBitOptimaTest {

    private static final Path REALRAM = Path.of("..", "instances", "realram");

    @ParameterizedTest(name = "B={0} {2}")
    @CsvSource({"1, 1/8, sat4j", "1, 1/8, cpsat", "2, 5/64, cpsat", "3, 237/4096, cpsat"})
    void optimizeProvesTheExhaustiveOptimum(int b, String exhaustive, String solver) {
        assumeTrue(SolverRegistry.load().byId(solver).probe().available(), solver + " unavailable");
        ErmInstance inst = InstanceReader.read(REALRAM.resolve("tls-b" + b + ".json"));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of(solver))).optimize(inst, loss -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, r.outcome(), r.toString());
        Rational optimum = r.loss().orElseThrow();
        assertEquals(RationalParser.parse(exhaustive), optimum);
        assertTrue(aboveRealOptimum(optimum), optimum + " must exceed (10 - sqrt 97)/3");
    }

    /** q &gt; (10 − √97)/3 ⟺ 10 − 3q &lt; √97 ⟺ 10 − 3q &lt; 0 or (10 − 3q)² &lt; 97. */
    static boolean aboveRealOptimum(Rational q) {
        Rational d = Rational.of(10, 1).subtract(q.multiply(Rational.of(3, 1)));
        return d.signum() < 0 || d.multiply(d).compareTo(Rational.of(97)) < 0;
    }
}
