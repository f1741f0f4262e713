package org.ermbit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** The exact forward pass and its bit budget, by hand. */
class ForwardPassTest {

    private static Rational r(long p, long q) {
        return Rational.of(p, q);
    }

    private static final Architecture NET = new Architecture(2, List.of(new LayerSpec(2, new Activation.Relu()),
            new LayerSpec(1, new Activation.Identity())));
    /** W1 = [[1, 1], [2, −1/2]], b1 = [0, 1/3]; W2 = [[3, −3/5]], b2 = [1]. */
    private static final NetworkParameters P = new NetworkParameters(List.of(
            new LayerParameters(List.of(List.of(r(1, 1), r(1, 1)), List.of(r(2, 1), r(-1, 2))), List.of(r(0, 1), r(1, 3))),
            new LayerParameters(List.of(List.of(r(3, 1), r(-3, 5))), List.of(r(1, 1)))));

    /**
     * x = (1, −2): z1 = (1 − 2 + 0, 2 + 1 + 1/3) = (−1, 10/3), h1 = (0, 10/3); z2 = 3·0 − (3/5)(10/3) + 1 = −1.
     * Bit-lengths (numerator + denominator bits): x 2 and 3, z1 2 and 6, h1 1 and 6, z2 2 — the largest is 6.
     */
    @Test
    void traceByHand() {
        ForwardPass.Trace t = ForwardPass.run(NET, P, List.of(r(1, 1), r(-2, 1)));
        assertEquals(List.of(r(1, 1), r(-2, 1)), t.activations(0));
        assertEquals(List.of(r(-1, 1), r(10, 3)), t.preActivations(1));
        assertEquals(List.of(Rational.ZERO, r(10, 3)), t.activations(1));
        assertEquals(List.of(r(-1, 1)), t.preActivations(2));
        assertEquals(List.of(r(-1, 1)), t.output());
        assertEquals(6, t.maxBitLength());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForwardPass.run(NET, P, List.of(Rational.ONE)));
        assertEquals("input has 1 entries, expected 2", e.getMessage());
    }

    /**
     * The report's largest bit-length covers the loss too: target 100 gives (−1 − 100)² = 10201, 14 + 1 = 15
     * bits, more than any value of the pass (6); target −1 gives loss 0 and the pass's 6.
     */
    @Test
    void reportBitLengthIncludesTheLoss() {
        assertEquals(15, report(r(100, 1)).maxBitLength());
        assertEquals(r(10201, 1), report(r(100, 1)).total());
        assertEquals(6, report(r(-1, 1)).maxBitLength());
        assertEquals(Rational.ZERO, report(r(-1, 1)).total());
    }

    private static LossEvaluator.Report report(Rational target) {
        ErmInstance inst = new ErmInstance("t", Optional.empty(), NET, ParameterDomains.uniform(new Domain.FixedPoint(4, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(r(1, 1), r(-2, 1))), List.of(List.of(target))), Optional.empty());
        return LossEvaluator.evaluate(inst, P);
    }

    /**
     * The budget of {@link ForwardPass#MAX_VALUE_BITS} = 2^24 bits is inclusive: through a 1-1 identity
     * network with weight 1, 2^(2^24 − 2) (2^24 − 1 numerator bits + 1 denominator bit) passes, and
     * 2^(2^24 − 1) (one bit more) is refused at layer 1, unit 0.
     */
    @Test
    void theBitBudgetIsInclusive() {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        NetworkParameters p = new NetworkParameters(List.of(new LayerParameters(List.of(List.of(Rational.ONE)), List.of(Rational.ZERO))));
        int cap = ForwardPass.MAX_VALUE_BITS;
        Rational atCap = Rational.of(BigInteger.ONE.shiftLeft(cap - 2));
        assertEquals(cap, atCap.bitLength());
        ForwardPass.Trace t = ForwardPass.run(a, p, List.of(atCap));
        assertEquals(List.of(atCap), t.output());
        assertEquals(cap, t.maxBitLength());
        ForwardPass.BitBudgetExceeded e = assertThrows(ForwardPass.BitBudgetExceeded.class,
                () -> ForwardPass.run(a, p, List.of(Rational.of(BigInteger.ONE.shiftLeft(cap - 1)))));
        assertEquals("layer 1, unit 0: the exact value needs about 16777217 bits, more than the cap of 16777216 bits", e.getMessage());
    }
}
