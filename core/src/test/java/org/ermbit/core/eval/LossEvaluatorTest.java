package org.ermbit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every loss type with every aggregate it allows, against losses computed by hand.
 *
 * <p>Regression net: ŷ = (x, 2x) (identity, weights [[1],[2]], biases 0); data x = 1, −1/2, 3 with
 * targets (0,1), (1/2,0), (3,7/2). Residuals (1,1), (−1,−1), (0,5/2): squared per point 2, 2, 25/4
 * (sum 41/4, mean 41/12); absolute 2, 2, 5/2 (sum 13/2, mean 13/6); max_abs max(1,1,5/2) = 5/2.
 *
 * <p>Classification net: ŷ = x; data x = 2, −1/2, 0, 1/2, −3 with targets 1, 1, 1, −1, −1.
 * zero_one per point 0, 1, 1 (ŷ = 0 counts as wrong), 1, 0: sum 3, mean 3/5. hinge
 * max(0, 1 − yŷ) per point 0, 3/2, 1, 3/2, 0: sum 4, mean 4/5.
 */
class LossEvaluatorTest {

    private static final String REGRESSION_NET = "{\"inputs\": 1, \"layers\": [{\"units\": 2, \"activation\": \"identity\"}]}";
    private static final String REGRESSION_DATA = "{\"inputs\": [[1], [\"-1/2\"], [3]], \"targets\": [[0, 1], [0.5, 0], [3, \"7/2\"]]}";
    private static final String REGRESSION_W = "[{\"weights\": [[\"1\"], [\"2\"]], \"biases\": [\"0\", \"0\"]}]";
    private static final String CLASS_NET = "{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"identity\"}]}";
    private static final String CLASS_DATA = "{\"inputs\": [[2], [-0.5], [0], [\"1/2\"], [-3]], \"targets\": [[1], [1], [1], [-1], [-1]]}";
    private static final String CLASS_W = "[{\"weights\": [[\"1\"]], \"biases\": [\"0\"]}]";
    private static final String DOMAIN = "{\"domain\": \"fixed\", \"bits\": 4, \"fraction_bits\": 1}";

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "squared, sum, 41/4",
        "squared, mean, 41/12",
        "absolute, sum, 13/2",
        "absolute, mean, 13/6",
        "max_abs, max, 5/2",
        "zero_one, sum, 3",
        "zero_one, mean, 3/5",
        "hinge, sum, 4",
        "hinge, mean, 4/5",
    })
    void handComputedLoss(String type, String aggregate, String expected) {
        boolean classification = type.equals("zero_one") || type.equals("hinge");
        String loss = "{\"type\": \"" + type + "\", \"aggregate\": \"" + aggregate + "\"}";
        ErmInstance inst = Instances.of(classification ? CLASS_NET : REGRESSION_NET, DOMAIN, loss, "0",
                classification ? CLASS_DATA : REGRESSION_DATA);
        NetworkParameters p = Instances.params(classification ? CLASS_W : REGRESSION_W);
        assertEquals(RationalParser.parse(expected), LossEvaluator.evaluate(inst, p).total());
        // the verifier reports the same exact loss and accepts iff loss <= threshold
        Verifier.Verdict atLoss = Verifier.verify(withThreshold(inst, RationalParser.parse(expected)), p);
        assertEquals(RationalParser.parse(expected), atLoss.loss());
        assertEquals(true, atLoss.accepted());
        Rational below = RationalParser.parse(expected).subtract(Rational.of(1, 1000));
        assertEquals(false, Verifier.verify(withThreshold(inst, below), p).accepted());
    }

    @ParameterizedTest(name = "per point {0}")
    @CsvSource({
        "squared, '2,2,25/4'",
        "absolute, '2,2,5/2'",
        "max_abs, '1,1,5/2'",
    })
    void handComputedPerPointLosses(String type, String perPoint) {
        ErmInstance inst = Instances.of(REGRESSION_NET, DOMAIN, "{\"type\": \"" + type + "\"}", "0", REGRESSION_DATA);
        var report = LossEvaluator.evaluate(inst, Instances.params(REGRESSION_W));
        String[] want = perPoint.split(",");
        for (int n = 0; n < want.length; n++) assertEquals(RationalParser.parse(want[n]), report.perPoint().get(n));
    }

    static ErmInstance withThreshold(ErmInstance i, Rational t) {
        return new ErmInstance(i.name(), i.description(), i.architecture(), i.domains(), i.fixed(), i.loss(), t, i.data(), i.expected());
    }
}
