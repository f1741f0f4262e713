package org.ermbit.solvers.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.api.Test;

/**
 * sqrt2-square: y = (w·x + b)², data 0 → 2 and 1 → 2, exact fit. Loss 0 forces b² = 2, so no
 * rational (hence no bit-domain) parameter fits — by the irrationality of √2 — while b = ±√2,
 * w ∈ {0, ∓2√2} fit over the reals. The bit side is decided by the pipeline's exhaustive route.
 */
class BitUnsatRealSatTest {

    static ErmInstance instance() throws IOException {
        try (InputStream in = BitUnsatRealSatTest.class.getResourceAsStream("/realram/sqrt2-square.json")) {
            return InstanceReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "sqrt2-square.json", null);
        }
    }

    @Test
    void realModeFindsTheAlgebraicWitness() throws IOException {
        ErmInstance inst = instance();
        RealResult r = RealDecider.decide(inst, inst.threshold(), Limits.none());
        assertEquals(RealResult.Outcome.SAT, r.outcome(), r.reason());
        RealValue b = r.witness().get(ParameterRef.bias(1, 0));
        assertFalse(b.isRational());
        assertTrue(b.exact().startsWith("(root-obj (+ (^ x 2) (- 2))"), b.exact());
        assertEquals("0", r.loss().orElseThrow().exact());
    }

    @Test
    void bitDomainIsUnsat() throws IOException {
        ErmResult r = new ErmSolver(ErmOptions.defaults()).decide(instance());
        assertEquals(ErmResult.Outcome.UNSAT, r.outcome(), r.reason());
    }
}
