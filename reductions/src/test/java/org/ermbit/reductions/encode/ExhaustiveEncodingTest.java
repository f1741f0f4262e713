package org.ermbit.reductions.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.math.BigInteger;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.lower.ModelEnumerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For seeded random tiny instances, every parameter vector of the domain is checked against the
 * exact verifier (the independent oracle): the intended assignment satisfies the model with the
 * loss bound iff the verifier accepts, and decoding, the activation pattern and the scaled loss
 * agree with the exact forward pass.
 */
class ExhaustiveEncodingTest {

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void encodingAgreesWithTheVerifierOnEveryParameterVector(long seed) {
        check(seed, EncoderOptions.SUGGESTED_CONFIGURATION_LIMIT, false, false);
    }

    /** The same with first-layer configuration selection off (plain pre-activations and activations). */
    @ParameterizedTest
    @MethodSource("seeds")
    void withoutConfigurationSelection(long seed) {
        check(seed, 0, false, true);
    }

    /** A limit of 2 configurations: selection applies only where every first-layer unit has ≤ 2 (mostly fixed parameters). */
    @ParameterizedTest
    @MethodSource("seeds")
    void withATinyConfigurationLimit(long seed) {
        check(seed, 2, false, false);
    }

    /** First-layer-aware products (applies where the first layer is hidden relu / leaky_relu with free second-layer weights). */
    @ParameterizedTest
    @MethodSource("seeds")
    void withFirstLayerProducts(long seed) {
        check(seed, 0, true, true);
    }

    /**
     * Instances where symmetry breaking can act (RandomInstances.create rarely draws a hidden layer of
     * ≥ 2 units with every parameter free): the lexicographic constraints must admit exactly the
     * sorted parameter vectors. With only output biases fixed (odd seeds) some layer is symmetric and
     * some vector unsorted, so the constraints are really exercised.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void symmetryBreakingAdmitsExactlyTheSortedVectors(long seed) {
        ErmInstance base = RandomInstances.createSymmetric(seed, 1024);
        check(seed, base, EncoderOptions.SUGGESTED_CONFIGURATION_LIMIT, false, seed % 4 == 1);
        if (seed % 2 == 1) {
            List<List<ParameterRef>> symmetric = symmetricUnits(base);
            assertTrue(!symmetric.isEmpty(), "no symmetric layer in " + base.architecture());
            assertTrue(RandomInstances.enumerate(base).stream().anyMatch(p -> !isSorted(base, p, symmetric)), "every vector sorted");
        }
    }

    private static void check(long seed, int limit, boolean firstLayerProducts, boolean soundness) {
        check(seed, RandomInstances.create(seed, 256), limit, firstLayerProducts, soundness);
    }

    /** {@code soundness}: also enumerate every model of the bounded encoding (slower; on for the plain and first-layer-product encodings). */
    private static void check(long seed, ErmInstance base, int limit, boolean firstLayerProducts, boolean soundness) {
        List<NetworkParameters> all = RandomInstances.enumerate(base);
        Random r = new Random(seed * 31 + 7);
        Rational pick = LossEvaluator.evaluate(base, all.get(r.nextInt(all.size()))).total();
        Rational gamma = switch (r.nextInt(3)) {
            case 0 -> pick;
            case 1 -> pick.subtract(Rational.of(1, 7));
            default -> pick.add(Rational.of(1, 3));
        };
        ErmInstance inst = RandomInstances.withThreshold(base, gamma);
        Encoding plain = ErmEncoder.encode(inst, new EncoderOptions(false, limit, firstLayerProducts));
        Encoding sym = ErmEncoder.encode(inst, new EncoderOptions(true, limit, firstLayerProducts));
        assertEquals(selectionExpected(inst, limit), plain.model().vars().stream().anyMatch(x -> x.name().contains("sel[1][")),
                "configuration selection applied iff the first layer is hidden and small enough");
        if (firstLayerProducts) {
            boolean used = plain.model().vars().stream().anyMatch(x -> x.name().contains("aq(") || x.name().contains("av("));
            if (!firstLayerProductsApply(inst)) assertTrue(!used, "first-layer products used where they do not apply");
            else if (anyFreeFirstLayerParameter(inst)) assertTrue(used, "first-layer products not used where they apply");
        }
        Encoding plainBound = plain.atMost(gamma);
        Encoding symBound = sym.atMost(gamma);
        List<List<ParameterRef>> symmetric = symmetricUnits(inst);
        boolean anyAccepted = false;
        boolean anySortedAccepted = false;
        int accepted = 0;
        for (NetworkParameters p : all) {
            Verifier.Verdict v = Verifier.verify(inst, p);
            Assignment a = plain.intendedAssignment(p);
            assertTrue(plain.model().isSatisfiedBy(a), () -> "intended assignment violates the model for " + p);
            assertEquals(v.accepted(), plainBound.intendedAssignmentWithin(p).filter(plainBound.model()::isSatisfiedBy).isPresent(),
                    () -> "loss bound disagrees with the verifier for " + p + " loss " + v.loss());
            assertEquals(p, plain.decodeParameters(a));
            assertEquals(ActivationPattern.of(inst, p), plain.decodePattern(a));
            assertEquals(Rational.of(plain.lossScale()).multiply(v.loss()), Rational.of(plain.scaledLoss().evaluate(a::value)));
            boolean sorted = isSorted(inst, p, symmetric);
            Assignment b = sym.intendedAssignment(p);
            assertEquals(sorted, sym.model().isSatisfiedBy(b), () -> "symmetry breaking disagrees with lexicographic order for " + p);
            assertEquals(sorted && v.accepted(), symBound.intendedAssignmentWithin(p).filter(symBound.model()::isSatisfiedBy).isPresent());
            symBound.intendedAssignmentWithin(p).ifPresent(x -> assertEquals(p, symBound.decodeParameters(x)));
            assertEquals(p, sym.decodeParameters(b));
            anyAccepted |= v.accepted();
            anySortedAccepted |= sorted && v.accepted();
            if (v.accepted()) accepted++;
        }
        assertEquals(anyAccepted, anySortedAccepted, "symmetry breaking lost every accepted parameter vector");
        if (gamma.equals(pick)) assertTrue(accepted > 0);
        if (soundness) soundness(inst, plainBound);
    }

    /**
     * Soundness, independently of the intended assignments: every model of the bounded encoding (all
     * of them, auxiliaries included, by exhaustive enumeration) decodes to parameters the verifier
     * accepts, with the activation pattern recomputed from them. Skipped for a model with too many
     * solutions or too wide a variable to enumerate (counted in {@link #SOUNDNESS_CHECKED}). Dropping the
     * ReLU constraint ¬a → Z ≤ 0 from the encoder fails 37 of the checks.
     */
    private static void soundness(ErmInstance inst, Encoding bound) {
        Set<List<BigInteger>> models;
        try {
            models = ModelEnumerator.solutions(bound.model(), 2_000);
        } catch (IllegalStateException tooLarge) {
            return;
        }
        SOUNDNESS_CHECKED.incrementAndGet();
        for (List<BigInteger> values : models) {
            Assignment a = new Assignment(values.toArray(new BigInteger[0]));
            NetworkParameters p = bound.decodeParameters(a);
            Verifier.Verdict v = Verifier.verify(inst, p);
            assertTrue(v.accepted(), () -> "a model of the encoding decodes to " + p + " with loss " + v.loss() + ": " + v.problems());
            assertEquals(ActivationPattern.of(inst, p), bound.decodePattern(a), () -> "decoded pattern differs for " + p);
        }
    }

    /** How many checks the soundness enumeration covered (printed after the class: 94 of 120 when written; the rest have too many models). */
    private static final AtomicInteger SOUNDNESS_CHECKED = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.println("SOUNDNESS_CHECKED " + SOUNDNESS_CHECKED.get());
    }

    /** Whether first-layer products apply: hidden relu / leaky_relu first layer, all second-layer weights free. */
    static boolean firstLayerProductsApply(ErmInstance inst) {
        Architecture a = inst.architecture();
        if (a.depth() < 2) return false;
        var act = a.layer(1).activation();
        if (!(act instanceof org.ermbit.core.model.Activation.Relu) && !(act instanceof org.ermbit.core.model.Activation.LeakyRelu)) return false;
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        for (int i = 0; i < a.layer(2).units(); i++) {
            for (int j = 0; j < a.fanIn(2); j++) if (fixed.containsKey(ParameterRef.weight(2, i, j))) return false;
        }
        return true;
    }

    /** Whether some first-layer parameter is free (then a shared product v·K exists). */
    static boolean anyFreeFirstLayerParameter(ErmInstance inst) {
        Architecture a = inst.architecture();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        for (int i = 0; i < a.layer(1).units(); i++) {
            for (int j = ParameterRef.BIAS; j < a.fanIn(1); j++) if (!fixed.containsKey(new ParameterRef(1, i, j))) return true;
        }
        return false;
    }

    /** Whether first-layer selection should apply: hidden first layer, every unit with ≤ limit (free weights, bias) vectors. */
    static boolean selectionExpected(ErmInstance inst, int limit) {
        Architecture a = inst.architecture();
        if (limit == 0 || a.depth() < 2) return false;
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        List<NetworkParameters> all = RandomInstances.enumerate(inst);
        for (int i = 0; i < a.layer(1).units(); i++) {
            java.util.Set<List<Rational>> vectors = new java.util.HashSet<>();
            for (NetworkParameters p : all) vectors.add(vector(p, 1, i, a.fanIn(1)));
            // every free parameter ranges over its whole domain independently, so the distinct
            // vectors of unit i in the enumeration are exactly its configurations
            if (vectors.size() > limit) return false;
        }
        return true;
    }

    /**
     * Independently of the encoder: the groups of hidden layers whose units may be sorted (hidden,
     * no fixed parameter in the layer, no fixed weight in the next layer), as lists of the first
     * weight of each unit (used only to name the layer).
     */
    static List<List<ParameterRef>> symmetricUnits(ErmInstance inst) {
        Architecture a = inst.architecture();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        List<List<ParameterRef>> out = new ArrayList<>();
        for (int l = 1; l < a.depth(); l++) {
            int layer = l;
            boolean ok = fixed.keySet().stream().noneMatch(x -> x.layer() == layer || (x.layer() == layer + 1 && !x.isBias()));
            if (ok && a.layer(l).units() > 1) {
                List<ParameterRef> units = new ArrayList<>();
                for (int i = 0; i < a.layer(l).units(); i++) units.add(ParameterRef.bias(l, i));
                out.add(units);
            }
        }
        return out;
    }

    /** Whether the (weights..., bias) vectors of consecutive symmetric units are lexicographically non-decreasing. */
    static boolean isSorted(ErmInstance inst, NetworkParameters p, List<List<ParameterRef>> symmetric) {
        for (List<ParameterRef> units : symmetric) {
            int l = units.get(0).layer();
            for (int i = 0; i + 1 < units.size(); i++) {
                List<Rational> x = vector(p, l, i, inst.architecture().fanIn(l));
                List<Rational> y = vector(p, l, i + 1, inst.architecture().fanIn(l));
                int c = 0;
                for (int k = 0; k < x.size() && c == 0; k++) c = x.get(k).compareTo(y.get(k));
                if (c > 0) return false;
            }
        }
        return true;
    }

    private static List<Rational> vector(NetworkParameters p, int l, int i, int fanIn) {
        List<Rational> v = new ArrayList<>(p.layer(l).weights().get(i));
        v.add(p.layer(l).biases().get(i));
        return v;
    }
}
