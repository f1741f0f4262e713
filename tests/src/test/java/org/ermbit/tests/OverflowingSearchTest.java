package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.ermbit.solvers.search.ScaledNetwork;
import org.ermbit.solvers.search.SearchSchedule;
import org.ermbit.solvers.search.WitnessHeuristic;
import org.junit.jupiter.api.Test;

/**
 * An instance whose scales fit in 64 bits but whose losses do not for almost every vector (inputs of
 * 10^17): the witness heuristics drop out of the schedule instead of failing the run, and the default
 * pipeline still answers from its backend, verified. The planted teacher relu(x1) + relu(x2) fits the
 * data exactly (hand calculation), so the answer is SAT at threshold 0.
 */
class OverflowingSearchTest {

    private static final String BIG = "100000000000000000";
    /** Inputs so large that weights −2, −2 take a unit's pre-activation at (B, B) beyond long (−4·3·10^18). */
    private static final String HUGE = "3000000000000000000";

    private static ErmInstance instance() {
        return instance(BIG);
    }

    private static ErmInstance instance(String big) {
        String json = """
            {"format": "ermbit/1", "name": "overflowing",
             "network": {"inputs": 2, "layers": [{"units": 2, "activation": "relu"}, {"units": 1, "activation": "identity"}]},
             "parameters": {"domain": "grid", "denominator": 1, "min": -2, "max": 1},
             "loss": {"type": "squared", "aggregate": "sum"}, "threshold": "0",
             "data": {"inputs": [[0, 0], [B, 0], [0, B], [B, B]], "targets": [[0], [B], [B], [2B]]}}
            """.replace("2B", new java.math.BigInteger(big).shiftLeft(1).toString()).replace("B", big);
        return InstanceReader.parse(json, "overflowing.json", null);
    }

    @Test
    void scheduleSurvivesValuesBeyondLong() {
        assertScheduleEndsWithAnExactLoss(instance());
    }

    @Test
    void scheduleSurvivesActivationsBeyondLongWhenTabulatingUnitSettings() {
        assertScheduleEndsWithAnExactLoss(instance(HUGE));
    }

    /** The schedule returns (no exception escapes) and any vector it returns has exactly the loss it reports. */
    private static void assertScheduleEndsWithAnExactLoss(ErmInstance inst) {
        ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow();
        // the deadline only guards against a hang; the run is expected to end long before it
        Optional<WitnessHeuristic.Outcome> o = new SearchSchedule(net, 1).run(0, Limits.timeout(Duration.ofMinutes(5)), (v, l) -> { });
        o.ifPresent(out -> assertEquals(Rational.of(out.bestLoss(), net.lossScale()), Verifier.verify(inst, net.decode(out.best())).loss()));
    }

    @Test
    void defaultPipelineAnswersFromTheBackend() {
        ErmInstance inst = instance();
        ErmResult r = new ErmSolver(ErmOptions.defaults()).decide(inst);
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.reason());
        assertTrue(Verifier.verify(inst, r.witness().orElseThrow()).accepted());
    }
}
