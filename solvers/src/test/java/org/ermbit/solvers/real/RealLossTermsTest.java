package org.ermbit.solvers.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.z3.Z3Provider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Z3 real-arithmetic terms of every activation, loss and aggregate ({@code Z3RealNetwork}, used by
 * real mode) against hand calculations and, on seeded random networks whose parameters are all fixed,
 * against the exact rational evaluator (a second implementation): with nothing free, "loss ≤ γ" over
 * the reals is SAT exactly when the network's loss is ≤ γ. Skipped where Z3's natives do not load.
 */
class RealLossTermsTest {

    @BeforeEach
    void requireZ3() {
        assumeTrue(Z3Provider.nativeAvailability().available(), Z3Provider.nativeAvailability().reason());
    }

    private static ErmInstance instance(Architecture a, List<FixedParameter> fixed, Loss loss, List<List<Rational>> xs, List<List<Rational>> ys) {
        return new ErmInstance("t", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(3, 1)), fixed, loss,
                Rational.ZERO, new Dataset(xs, ys), Optional.empty());
    }

    private static List<FixedParameter> allFixed(Architecture a, java.util.function.Function<ParameterRef, Rational> value) {
        List<FixedParameter> out = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    out.add(new FixedParameter(r, value.apply(r)));
                }
            }
        }
        return out;
    }

    private static void assertSatExactlyFrom(ErmInstance inst, Rational loss, String label) {
        RealResult at = RealDecider.decide(inst, loss, Limits.none());
        assertEquals(RealResult.Outcome.SAT, at.outcome(), label + " at its loss " + loss + ": " + at.reason());
        assertTrue(at.rationalCheck(), label);
        assertEquals(loss, at.loss().orElseThrow().rational().orElseThrow(), label);
        RealResult below = RealDecider.decide(inst, loss.subtract(Rational.of(1, 97)), Limits.none());
        assertEquals(RealResult.Outcome.UNSAT, below.outcome(), label + " below its loss " + loss + ": " + below.reason());
    }

    private static Rational q(long n, long d) {
        return Rational.of(n, d);
    }

    @Test
    void handCalculatedLossesOfAFixedTwoLayerNetwork() {
        // x ↦ hardtanh(1·leaky(2x − 1) − 1/2) with leaky slope 1/4:
        //   x = 0: z1 = −1, leaky −1/4, z2 = −3/4, out −3/4
        //   x = 2: z1 = 3, leaky 3, z2 = 5/2, out 1
        //   x = −3: z1 = −7, leaky −7/4, z2 = −9/4, out −1
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.LeakyRelu(q(1, 4))), new LayerSpec(1, new Activation.HardTanh())));
        List<FixedParameter> fixed = List.of(
                new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.TWO), new FixedParameter(ParameterRef.bias(1, 0), Rational.MINUS_ONE),
                new FixedParameter(ParameterRef.weight(2, 0, 0), Rational.ONE), new FixedParameter(ParameterRef.bias(2, 0), q(-1, 2)));
        List<List<Rational>> xs = List.of(List.of(Rational.ZERO), List.of(Rational.TWO), List.of(Rational.of(-3)));
        List<List<Rational>> ys = List.of(List.of(Rational.ONE), List.of(Rational.ONE), List.of(Rational.MINUS_ONE));
        // outputs −3/4, 1, −1 against 1, 1, −1: differences −7/4, 0, 0
        assertSatExactlyFrom(instance(a, fixed, new Loss(LossType.SQUARED, Aggregate.SUM), xs, ys), q(49, 16), "squared sum");
        assertSatExactlyFrom(instance(a, fixed, new Loss(LossType.SQUARED, Aggregate.MEAN), xs, ys), q(49, 48), "squared mean");
        assertSatExactlyFrom(instance(a, fixed, new Loss(LossType.ABSOLUTE, Aggregate.SUM), xs, ys), q(7, 4), "absolute sum");
        assertSatExactlyFrom(instance(a, fixed, new Loss(LossType.MAX_ABS, Aggregate.MAX), xs, ys), q(7, 4), "max_abs");
        // zero-one: y·ŷ = −3/4 (wrong), 1 (right), 1 (right); hinge: max(0, 1 − y·ŷ) = 7/4, 0, 0
        assertSatExactlyFrom(instance(a, fixed, new Loss(LossType.ZERO_ONE, Aggregate.SUM), xs, ys), Rational.ONE, "zero_one");
        assertSatExactlyFrom(instance(a, fixed, new Loss(LossType.HINGE, Aggregate.MEAN), xs, ys), q(7, 12), "hinge mean");
    }

    @Test
    void aZeroPredictionIsAMistakeForZeroOneLoss() {
        // ŷ = 0·x + 0 = 0 on both points: y·ŷ = 0 is not > 0, so both count (DESIGN §3 / LossEvaluator)
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        ErmInstance inst = instance(a, allFixed(a, r -> Rational.ZERO), new Loss(LossType.ZERO_ONE, Aggregate.SUM),
                List.of(List.of(Rational.ONE), List.of(Rational.TWO)), List.of(List.of(Rational.ONE), List.of(Rational.MINUS_ONE)));
        assertSatExactlyFrom(inst, Rational.TWO, "zero prediction");
    }

    @Test
    void maxAbsTakesTheLargestOutputAndTheLargestPoint() {
        // identity 1-2 network, weights 1 and −1, biases 0: x = 1 gives (1, −1), x = 3 gives (3, −3);
        // targets (0, 0) and (1, −4): per point max(1, 1) = 1 and max(2, 1) = 2; loss 2
        Architecture a = new Architecture(1, List.of(new LayerSpec(2, new Activation.Identity())));
        List<FixedParameter> fixed = List.of(new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.ONE),
                new FixedParameter(ParameterRef.weight(1, 1, 0), Rational.MINUS_ONE),
                new FixedParameter(ParameterRef.bias(1, 0), Rational.ZERO), new FixedParameter(ParameterRef.bias(1, 1), Rational.ZERO));
        ErmInstance inst = instance(a, fixed, new Loss(LossType.MAX_ABS, Aggregate.MAX),
                List.of(List.of(Rational.ONE), List.of(Rational.of(3))),
                List.of(List.of(Rational.ZERO, Rational.ZERO), List.of(Rational.ONE, Rational.of(-4))));
        assertSatExactlyFrom(inst, Rational.TWO, "max_abs two outputs");
        // squared sums over outputs: (1 + 1) + (4 + 1) = 7
        ErmInstance sq = instance(a, fixed, new Loss(LossType.SQUARED, Aggregate.SUM),
                List.of(List.of(Rational.ONE), List.of(Rational.of(3))),
                List.of(List.of(Rational.ZERO, Rational.ZERO), List.of(Rational.ONE, Rational.of(-4))));
        assertSatExactlyFrom(sq, Rational.of(7), "squared two outputs");
    }

    @Test
    void aFreeWeightIsFoundExactly() {
        // y = w·x with the bias fixed to 0 and w free over the reals; points 1 → 2/3 and 2 → 4/3: w = 2/3
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        ErmInstance inst = instance(a, List.of(new FixedParameter(ParameterRef.bias(1, 0), Rational.ZERO)),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), List.of(List.of(Rational.ONE), List.of(Rational.TWO)),
                List.of(List.of(q(2, 3)), List.of(q(4, 3))));
        RealResult r = RealDecider.decide(inst, Rational.ZERO, Limits.none());
        assertEquals(RealResult.Outcome.SAT, r.outcome(), r.reason());
        assertEquals(q(2, 3), r.witness().get(ParameterRef.weight(1, 0, 0)).rational().orElseThrow());
        assertEquals(1, r.witness().size());
        assertTrue(r.rationalCheck());
        assertEquals(RealResult.Outcome.UNSAT, RealDecider.decide(inst, q(-1, 100), Limits.none()).outcome());
    }

    @Test
    void everyFreeParameterIsItsOwnUnknown() {
        // y = w0·x0 + w1·x1 + b, all free; points (1, 0) → 1, (0, 1) → 2, (0, 0) → 0 force w0 = 1, w1 = 2, b = 0
        Architecture a = new Architecture(2, List.of(new LayerSpec(1, new Activation.Identity())));
        ErmInstance inst = instance(a, List.of(), new Loss(LossType.ABSOLUTE, Aggregate.SUM),
                List.of(List.of(Rational.ONE, Rational.ZERO), List.of(Rational.ZERO, Rational.ONE), List.of(Rational.ZERO, Rational.ZERO)),
                List.of(List.of(Rational.ONE), List.of(Rational.TWO), List.of(Rational.ZERO)));
        RealResult r = RealDecider.decide(inst, Rational.ZERO, Limits.timeout(java.time.Duration.ofHours(1)));
        assertEquals(RealResult.Outcome.SAT, r.outcome(), r.reason());
        assertEquals(Rational.ONE, r.witness().get(ParameterRef.weight(1, 0, 0)).rational().orElseThrow());
        assertEquals(Rational.TWO, r.witness().get(ParameterRef.weight(1, 0, 1)).rational().orElseThrow());
        assertEquals(Rational.ZERO, r.witness().get(ParameterRef.bias(1, 0)).rational().orElseThrow());
        assertEquals("1", r.witness().get(ParameterRef.weight(1, 0, 0)).toString());
    }

    @Test
    void anIrrationalWitnessIsNotClaimedAsRationallyChecked() throws java.io.IOException {
        // sqrt2-square (BitUnsatRealSatTest): b = ±√2, so the witness is algebraic and cannot be re-evaluated exactly
        ErmInstance inst = BitUnsatRealSatTest.instance();
        RealResult r = RealDecider.decide(inst, inst.threshold(), Limits.none());
        assertEquals(RealResult.Outcome.SAT, r.outcome(), r.reason());
        assertTrue(!r.witness().get(ParameterRef.bias(1, 0)).isRational());
        assertTrue(!r.rationalCheck());
    }

    private static Activation randomActivation(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> new Activation.Relu();
            case 1 -> new Activation.LeakyRelu(q(1, 2 + r.nextInt(3)));
            case 2 -> new Activation.HardTanh();
            case 3 -> new Activation.Identity();
            default -> new Activation.Polynomial(List.of(q(r.nextInt(3) - 1, 2), q(r.nextInt(3) - 1, 1), q(r.nextInt(3) - 1, 2)));
        };
    }

    private static Rational smallRational(Random r) {
        return q(r.nextInt(9) - 4, 1 + r.nextInt(2));
    }

    @Test
    void fixedRandomNetworksAgreeWithTheExactEvaluator() {
        for (long seed = 0; seed < 60; seed++) {
            Random r = new Random(seed);
            LossType type = LossType.values()[r.nextInt(LossType.values().length)];
            Aggregate agg = type == LossType.MAX_ABS ? Aggregate.MAX : (r.nextBoolean() ? Aggregate.SUM : Aggregate.MEAN);
            int inputs = 1 + r.nextInt(2);
            int depth = 1 + r.nextInt(2);
            int outputs = type.isClassification() ? 1 : 1 + r.nextInt(2);
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 1; l < depth; l++) layers.add(new LayerSpec(1 + r.nextInt(2), randomActivation(r)));
            layers.add(new LayerSpec(outputs, randomActivation(r)));
            Architecture a = new Architecture(inputs, layers);
            List<FixedParameter> fixed = allFixed(a, ref -> smallRational(r));
            int points = 1 + r.nextInt(3);
            List<List<Rational>> xs = new ArrayList<>();
            List<List<Rational>> ys = new ArrayList<>();
            for (int n = 0; n < points; n++) {
                List<Rational> x = new ArrayList<>();
                for (int j = 0; j < inputs; j++) x.add(smallRational(r));
                List<Rational> y = new ArrayList<>();
                for (int o = 0; o < outputs; o++) y.add(type.isClassification() ? (r.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE) : smallRational(r));
                xs.add(x);
                ys.add(y);
            }
            ErmInstance inst = instance(a, fixed, new Loss(type, agg), xs, ys);
            java.util.Map<ParameterRef, Rational> values = inst.fixedValues();
            Rational loss = LossEvaluator.evaluate(inst, NetworkParameters.build(a, values::get)).total();
            assertSatExactlyFrom(inst, loss, "seed " + seed + " " + type + "/" + agg + " " + layers);
        }
    }
}
