package org.ermbit.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Planted-teacher instances against their Javadoc: the shape, domain, loss and data range, and — by
 * enumerating every parameter vector of a 1-2-1 network over fixed (bits 2), 4^7 = 16 384 vectors —
 * that some vector fits the targets exactly (and, with noise, misses exactly the noisy ones by 1).
 */
class PlantedTeacherTest {

    @Test
    void shapeDomainLossAndNames() {
        PlantedTeacher.Spec s = new PlantedTeacher.Spec(3, 4, 5, 7, 2, 0, 11);
        ErmInstance i = PlantedTeacher.generate(s);
        assertEquals("planted-3-4-1-b5-n7-s11", i.name());
        assertEquals(Optional.of("planted teacher (seed 11): targets computed exactly by a 3-4-1 ReLU network with 5-bit integer weights"),
                i.description());
        assertEquals(3, i.architecture().inputs());
        assertEquals(List.of(new LayerSpec(4, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())), i.architecture().layers());
        assertEquals(ParameterDomains.uniform(new Domain.FixedPoint(5, 0)), i.domains());
        assertEquals(new Loss(LossType.SQUARED, Aggregate.SUM), i.loss());
        assertEquals(Rational.ZERO, i.threshold());
        assertEquals(List.of(), i.fixed());
        assertEquals(Optional.of(new Expected.Sat()), i.expected());
        assertEquals(7, i.data().size());

        ErmInstance noisy = PlantedTeacher.generate(new PlantedTeacher.Spec(3, 4, 5, 7, 2, 3, 11));
        assertEquals("planted-3-4-1-b5-n7-noise3-s11", noisy.name());
        assertEquals(Optional.of("planted teacher (seed 11): targets computed exactly by a 3-4-1 ReLU network with 5-bit integer weights"
                + "; 3 targets shifted by +-1"), noisy.description());
        assertEquals(Optional.empty(), noisy.expected());
    }

    @Test
    void theSameSpecGivesTheSameInstanceAndOtherSeedsOtherData() {
        PlantedTeacher.Spec s = new PlantedTeacher.Spec(2, 2, 3, 10, 3, 0, 5);
        assertEquals(PlantedTeacher.generate(s), PlantedTeacher.generate(s));
        assertNotEquals(PlantedTeacher.generate(s).data(), PlantedTeacher.generate(new PlantedTeacher.Spec(2, 2, 3, 10, 3, 0, 6)).data());
    }

    /** Inputs are integers in [−range, range]; with 300 draws from 3 values, each of −1, 0, 1 occurs. */
    @Test
    void inputsAreIntegersInTheRangeWithBothEnds() {
        ErmInstance i = PlantedTeacher.generate(new PlantedTeacher.Spec(1, 1, 2, 300, 1, 0, 3));
        Set<Rational> seen = new TreeSet<>();
        for (List<Rational> x : i.data().inputs()) seen.addAll(x);
        assertEquals(new TreeSet<>(List.of(Rational.MINUS_ONE, Rational.ZERO, Rational.ONE)), seen);
    }

    /**
     * Weights are drawn from the whole domain, negative and positive: with only weights ≥ 0 every target
     * would be ≥ 0 (a sum of non-negative multiples of ReLU outputs plus a non-negative bias), with only
     * weights ≤ −1 every target would be ≤ −1. A 2-8-1 teacher on 40 points gives targets of both signs.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void targetsTakeBothSigns(int bits) {
        ErmInstance i = PlantedTeacher.generate(new PlantedTeacher.Spec(2, 8, bits, 40, 3, 0, 1));
        assertTrue(i.data().targets().stream().anyMatch(y -> y.get(0).signum() > 0), "no positive target");
        assertTrue(i.data().targets().stream().anyMatch(y -> y.get(0).signum() < 0), "no negative target");
    }

    /** Over fixed (bits 1) = {−1, 0} (128 vectors) and fixed (bits 2) = {−2, …, 1} (16 384 vectors), 10 points each. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void someParameterVectorInTheDomainFitsEveryTarget(long seed) {
        for (int bits = 1; bits <= 2; bits++) {
            ErmInstance i = PlantedTeacher.generate(new PlantedTeacher.Spec(1, 2, bits, 10, 3, 0, seed));
            assertTrue(existsVectorMissingBy(i, 0), "no parameter vector fits seed " + seed + ", bits " + bits);
        }
    }

    /**
     * With 3 noisy targets of 10, some vector (the teacher) fits the last 7 exactly and misses the first 3
     * by exactly 1.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void noisyTargetsAreTheFirstOnesShiftedByOne(long seed) {
        for (int bits = 1; bits <= 2; bits++) {
            ErmInstance i = PlantedTeacher.generate(new PlantedTeacher.Spec(1, 2, bits, 10, 3, 3, seed));
            assertTrue(existsVectorMissingBy(i, 3), "no parameter vector explains seed " + seed + ", bits " + bits);
        }
    }

    /** Whether some vector of the domain misses the first {@code noisy} targets by exactly 1 and hits the others. */
    private static boolean existsVectorMissingBy(ErmInstance inst, int noisy) {
        List<Rational> values = inst.domains().weights().values(16);
        int params = inst.architecture().parameterCount();
        int[] idx = new int[params];
        while (true) {
            List<Rational> flat = new ArrayList<>();
            for (int k : idx) flat.add(values.get(k));
            int[] next = {0};
            NetworkParameters p = NetworkParameters.build(inst.architecture(), r -> flat.get(next[0]++));
            boolean ok = true;
            for (int n = 0; n < inst.data().size() && ok; n++) {
                Rational y = ForwardPass.run(inst.architecture(), p, inst.data().inputs().get(n)).output().get(0);
                Rational miss = y.subtract(inst.data().targets().get(n).get(0)).abs();
                ok = miss.equals(n < noisy ? Rational.ONE : Rational.ZERO);
            }
            if (ok) return true;
            int k = 0;
            while (k < params && ++idx[k] == values.size()) idx[k++] = 0;
            if (k == params) return false;
        }
    }

    @Test
    void specLimits() {
        new PlantedTeacher.Spec(1, 1, 1, 1, 1, 0, 0);
        new PlantedTeacher.Spec(1, 1, 16, 1, 1, 1, 0);   // bits up to 16, noisy up to points
        List<int[]> bad = List.of(new int[] {0, 1, 1, 1, 1, 0}, new int[] {1, 0, 1, 1, 1, 0}, new int[] {1, 1, 0, 1, 1, 0},
                new int[] {1, 1, 17, 1, 1, 0}, new int[] {1, 1, 1, 0, 1, 0}, new int[] {1, 1, 1, 1, 0, 0},
                new int[] {1, 1, 1, 1, 1, -1}, new int[] {1, 1, 1, 2, 1, 3});
        for (int[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new PlantedTeacher.Spec(b[0], b[1], b[2], b[3], b[4], b[5], 0), java.util.Arrays.toString(b));
            assertEquals("planted: need inputs, hidden, points, range >= 1, bits in 1..16 and 0 <= noisy <= points", e.getMessage());
        }
    }
}
