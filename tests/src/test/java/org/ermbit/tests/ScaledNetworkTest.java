package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.encode.Scaling;
import org.ermbit.solvers.search.ScaledNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local search's integer network against the exact rational evaluator, on seeded random tiny
 * instances (every loss, activation, domain kind, depth, fixed parameters): for sampled parameter
 * vectors the scaled loss is L times the exact loss, "scaled loss ≤ G" is "loss ≤ γ", decoding gives
 * the vector back, and the incremental cursor agrees with a full evaluation.
 */
class ScaledNetworkTest {

    static LongStream seeds() {
        return LongStream.range(0, 300).map(s -> 93_000 + s);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void integerLossIsTheScaledExactLoss(long seed) {
        Random rnd = new Random(seed);
        Rational gamma = Rational.of(rnd.nextInt(12), 1 + rnd.nextInt(4));
        ErmInstance inst = DifferentialTest.withThreshold(RandomInstances.piecewiseLinear(seed, Rational.ZERO, 1, 6), gamma);
        ScaledNetwork net = ScaledNetwork.of(inst).orElseThrow();
        List<NetworkParameters> all = BruteForce.all(inst);
        assertEquals(BruteForce.free(inst), java.util.stream.IntStream.range(0, net.parameterCount()).mapToObj(net::parameter).toList());
        int step = Math.max(1, all.size() / 40);
        for (int v = 0; v < all.size(); v += step) {
            NetworkParameters p = all.get(v);
            long[] k = numerators(inst, net, p);
            Rational exact = LossEvaluator.evaluate(inst, p).total();
            long scaled = net.scaledLoss(k);
            String where = "seed " + seed + " vector " + p;
            assertEquals(exact.multiply(Rational.of(net.lossScale())), Rational.of(scaled), where);
            assertEquals(exact.compareTo(gamma) <= 0, scaled <= net.scaledBound(), where);
            assertEquals(p, net.decode(k), where);
            ScaledNetwork.Cursor c = net.cursor(k);
            assertEquals(scaled, c.loss(), where);
            if (net.parameterCount() == 0) continue;
            int param = rnd.nextInt(net.parameterCount());
            long value = net.lower(param) + rnd.nextInt((int) (net.upper(param) - net.lower(param) + 1));
            long[] moved = k.clone();
            moved[param] = value;
            long full = net.scaledLoss(moved);
            assertEquals(full, c.lossWith(param, value, Long.MAX_VALUE), where + " moved " + param + " to " + value);
            assertTrue(c.lossWith(param, value, -1) >= 0, where);
            c.set(param, value);
            assertEquals(full, c.loss(), where);
        }
    }

    private static long[] numerators(ErmInstance inst, ScaledNetwork net, NetworkParameters p) {
        long[] k = new long[net.parameterCount()];
        for (int i = 0; i < k.length; i++) {
            Domain d = inst.domains().of(net.parameter(i));
            Rational n = p.get(net.parameter(i)).multiply(Rational.of(Scaling.denominator(d)));
            assertTrue(n.isInteger());
            k[i] = n.numerator().longValueExact();
        }
        return k;
    }

    @Test
    void outOfReachInstancesAreDeclined() {
        ErmInstance inst = RandomInstances.piecewiseLinear(1, Rational.ZERO);
        ErmInstance rational = new ErmInstance(inst.name(), inst.description(), inst.architecture(),
                new org.ermbit.core.model.ParameterDomains(new Domain.RationalBits(3), new Domain.RationalBits(3)), List.of(), inst.loss(),
                inst.threshold(), inst.data(), inst.expected());
        assertTrue(ScaledNetwork.of(rational).isEmpty());
        Domain huge = new Domain.FixedPoint(64, 64);
        ErmInstance wide = new ErmInstance(inst.name(), inst.description(), inst.architecture(),
                new org.ermbit.core.model.ParameterDomains(huge, huge), List.of(), inst.loss(),
                inst.threshold(), inst.data(), inst.expected());
        assertTrue(ScaledNetwork.of(wide).isEmpty(), "scales of 2^64 do not fit in a long");
    }
}
