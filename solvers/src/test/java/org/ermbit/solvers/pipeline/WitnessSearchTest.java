package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * What the witness search tells the pipeline besides witnesses: when nothing within the threshold
 * exists, the exact loss of the best vector it met (so an UNKNOWN can say how close it came), and
 * nothing of the kind once it has found a witness. Hand-checked instances: y = w·x + b with w, b in
 * {−2..2} and absolute loss.
 */
class WitnessSearchTest {

    /** Hang guard only: the searches below reach their values within milliseconds. */
    private static final Duration GUARD = Duration.ofMinutes(2);

    /** Points (1, 1) and (1, 2): loss |w + b − 1| + |w + b − 2| ≥ 1, equal to 1 for w + b ∈ {1, 2}. */
    @Test
    void reportsTheBestLossWhenNothingIsWithinTheThreshold() {
        ErmInstance inst = linear(List.of(Rational.ONE, Rational.of(2)));
        List<Rational> reported = new CopyOnWriteArrayList<>();
        WitnessSearch search = WitnessSearch.forThreshold(inst, Limits.none(), ErmOptions.DEFAULT_SEED, () -> {
            throw new AssertionError("no vector has loss 0");
        }, reported::add).orElseThrow();
        try {
            waitFor(() -> search.bestLossAboveThreshold().filter(Rational.ONE::equals).isPresent());
        } finally {
            search.close();
        }
        assertEquals(Optional.of(Rational.ONE), search.bestLossAboveThreshold());
        assertTrue(search.answer().isEmpty());
        // progress: strictly decreasing exact losses, ending at the minimum 1 (by hand, above)
        assertEquals(Rational.ONE, reported.get(reported.size() - 1), reported.toString());
        for (int k = 1; k < reported.size(); k++) assertTrue(reported.get(k).compareTo(reported.get(k - 1)) < 0, reported.toString());
        for (Rational l : reported) assertTrue(l.compareTo(Rational.of(11)) <= 0 && l.compareTo(Rational.ONE) >= 0, reported.toString()); // |s − 1| + |s − 2| ≤ 11 for s = w + b in [−4, 4]
    }

    /** Point (1, 1): loss 0 exactly when w + b = 1. */
    @Test
    void reportsNoBestLossOnceAWitnessIsFound() {
        ErmInstance inst = linear(List.of(Rational.ONE));
        WitnessSearch search = WitnessSearch.forThreshold(inst, Limits.none(), ErmOptions.DEFAULT_SEED, () -> { }, loss -> { }).orElseThrow();
        try {
            waitFor(() -> search.answer().isPresent());
        } finally {
            search.close();
        }
        assertEquals(Optional.of(Rational.ZERO), search.answer().orElseThrow().loss());
        assertTrue(search.bestLossAboveThreshold().isEmpty());
    }

    /**
     * Point (1, 1) has the four witnesses w + b = 1 in {−2..2}²: a seed fixes the search's moves, so
     * the same seed finds the same witness, and the seeds 1..20 do not all find the same one.
     */
    @Test
    void theSeedFixesTheMovesAndDifferentSeedsFindDifferentWitnesses() {
        ErmInstance inst = linear(List.of(Rational.ONE));
        java.util.Set<List<Rational>> found = new java.util.HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            List<Rational> first = witness(inst, seed);
            assertEquals(first, witness(inst, seed), "seed " + seed);
            assertEquals(Rational.ONE, first.get(0).add(first.get(1)), "w + b = 1: " + first);
            found.add(first);
        }
        assertTrue(found.size() > 1, "witnesses " + found);
    }

    /** The (w, b) found with {@code seed}. */
    private static List<Rational> witness(ErmInstance inst, long seed) {
        WitnessSearch search = WitnessSearch.forThreshold(inst, Limits.none(), seed, () -> { }, loss -> { }).orElseThrow();
        try {
            waitFor(() -> search.answer().isPresent());
        } finally {
            search.close();
        }
        org.ermbit.core.model.LayerParameters layer = search.answer().orElseThrow().witness().orElseThrow().layer(1);
        return List.of(layer.weights().get(0).get(0), layer.biases().get(0));
    }

    private static void waitFor(Supplier<Boolean> condition) {
        assertTimeoutPreemptively(GUARD, () -> {
            while (!condition.get()) Thread.sleep(5);
        });
    }

    /** y = w·x + b, w and b in {−2..2}, absolute loss, threshold 0, every point at x = 1 with the given targets. */
    private static ErmInstance linear(List<Rational> targets) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        Domain d = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.valueOf(2));
        Dataset data = new Dataset(targets.stream().map(y -> List.of(Rational.ONE)).toList(), targets.stream().map(List::of).toList());
        return new ErmInstance("witness-search", Optional.empty(), a, ParameterDomains.uniform(d), List.of(),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), Rational.ZERO, data, Optional.empty());
    }

    /**
     * A negative threshold: no loss reaches it, so no search starts (a running one used to treat the
     * negative target as "minimise" and cancel the backend on its first vector).
     */
    @Test
    void aNegativeThresholdStartsNoSearch() {
        ErmInstance inst = linear(List.of(Rational.ONE));
        ErmInstance negative = new ErmInstance(inst.name(), inst.description(), inst.architecture(), inst.domains(), inst.fixed(),
                inst.loss(), Rational.of(-1, 1000), inst.data(), inst.expected());
        assertTrue(WitnessSearch.forThreshold(negative, Limits.none(), ErmOptions.DEFAULT_SEED, () -> { }, loss -> { }).isEmpty());
        assertTrue(WitnessSearch.forThreshold(inst, Limits.none(), ErmOptions.DEFAULT_SEED, () -> { }, loss -> { }).map(s -> {
            s.close();
            return s;
        }).isPresent());
    }

    /** Domains whose span leaves 60 bits (here 64-bit fixed point, 2^64 − 1) are out of the search's reach. */
    @Test
    void domainsWiderThanSixtyBitsAreOutOfReach() {
        assertTrue(org.ermbit.solvers.search.ScaledNetwork.of(org.ermbit.solvers.XorInstances.xor(2, new Domain.FixedPoint(64, 0))).isEmpty());
        assertTrue(org.ermbit.solvers.search.ScaledNetwork.of(org.ermbit.solvers.XorInstances.xor(2, new Domain.FixedPoint(61, 0))).isEmpty());
        assertTrue(org.ermbit.solvers.search.ScaledNetwork.of(org.ermbit.solvers.XorInstances.xor(2, new Domain.FixedPoint(60, 0))).isPresent());
    }
}
