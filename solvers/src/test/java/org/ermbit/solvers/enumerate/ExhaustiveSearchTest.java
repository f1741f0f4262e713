package org.ermbit.solvers.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.ForwardPass;
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
import org.ermbit.core.model.SearchSpace;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.junit.jupiter.api.Test;

/**
 * The brute-force oracle of the differential tests. Expected values come from loops written here
 * (the network evaluated by its formula, not by the evaluator) and from hand calculation: the
 * minimum, the number of vectors visited, the inclusive caps, and how each kind of stop is reported.
 */
class ExhaustiveSearchTest {

    private static final BigInteger BIG_CAP = BigInteger.valueOf(1_000_000);

    /** Points (x, y) of the 1-1-1 network below: x = −1, 1, 2 with targets 1, 0, 3. */
    private static final int[][] POINTS = {{-1, 1}, {1, 0}, {2, 3}};

    /** y = w2·relu(w1·x + b1) + b2, all four parameters in {−2, −1, 0, 1}; squared loss summed. */
    private static ErmInstance reluNet() {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int[] p : POINTS) {
            xs.add(List.of(Rational.of(p[0])));
            ys.add(List.of(Rational.of(p[1])));
        }
        return new ErmInstance("relu", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, new Dataset(xs, ys), Optional.empty());
    }

    /** The loss of {@link #reluNet()} by its formula, in integers. */
    private static long reluNetLoss(long w1, long b1, long w2, long b2) {
        long loss = 0;
        for (int[] p : POINTS) {
            long h = Math.max(0, w1 * p[0] + b1);
            long d = w2 * h + b2 - p[1];
            loss += d * d;
        }
        return loss;
    }

    private static long reluNetMinimum() {
        long best = Long.MAX_VALUE;
        for (long w1 = -2; w1 <= 1; w1++) {
            for (long b1 = -2; b1 <= 1; b1++) {
                for (long w2 = -2; w2 <= 1; w2++) {
                    for (long b2 = -2; b2 <= 1; b2++) best = Math.min(best, reluNetLoss(w1, b1, w2, b2));
                }
            }
        }
        return best;
    }

    private static long lossOf(NetworkParameters p) {
        return reluNetLoss(p.get(ParameterRef.weight(1, 0, 0)).numerator().longValueExact(), p.get(ParameterRef.bias(1, 0)).numerator().longValueExact(),
                p.get(ParameterRef.weight(2, 0, 0)).numerator().longValueExact(), p.get(ParameterRef.bias(2, 0)).numerator().longValueExact());
    }

    /** y = w·x + b with w fixed to 1 and b fixed to 0 on the single point x → 0, absolute loss: no free parameter. */
    private static ErmInstance allFixed(Rational x) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        return new ErmInstance("fixed", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)),
                List.of(new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.ONE), new FixedParameter(ParameterRef.bias(1, 0), Rational.ZERO)),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(x)), List.of(List.of(Rational.ZERO))), Optional.empty());
    }

    /** y = w·x with the bias fixed to 0 and w free in {@code d}, on the point 1 → 0. */
    private static ErmInstance oneFreeWeight(Domain d) {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Identity())));
        return new ErmInstance("one", Optional.empty(), a, ParameterDomains.uniform(d),
                List.of(new FixedParameter(ParameterRef.bias(1, 0), Rational.ZERO)),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(Rational.ONE)), List.of(List.of(Rational.ZERO))), Optional.empty());
    }

    @Test
    void minimumAgreesWithNestedLoopsAndEveryVectorIsVisitedOnce() {
        long min = reluNetMinimum();
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BIG_CAP, 1 << 16).minimize(reluNet(), Limits.none());
        assertEquals(ExhaustiveSearch.End.EXHAUSTED, o.end());
        assertEquals(BigInteger.valueOf(256), o.evaluated());
        assertEquals(Rational.of(min), o.bestLoss().orElseThrow());
        assertEquals(min, lossOf(o.best().orElseThrow()), "the vector returned is a minimiser");
        assertEquals(Optional.of(BigInteger.valueOf(256)), SearchSpace.of(reluNet()).sizeIfAtMost(BIG_CAP));
    }

    @Test
    void decisionAtTheMinimumFindsAVectorAndBelowItProvesThereIsNone() {
        long min = reluNetMinimum();
        ExhaustiveSearch search = new ExhaustiveSearch(BIG_CAP, 1 << 16);
        ExhaustiveSearch.Outcome found = search.findAtMost(reluNet(), Rational.of(min), Limits.none());
        assertEquals(ExhaustiveSearch.End.FOUND, found.end(), "loss ≤ γ is inclusive");
        assertTrue(lossOf(found.best().orElseThrow()) <= min);
        assertEquals(Rational.of(lossOf(found.best().get())), found.bestLoss().orElseThrow());
        assertTrue(found.evaluated().compareTo(BigInteger.valueOf(256)) <= 0);

        Rational below = Rational.of(min).subtract(Rational.of(1, 1000));
        ExhaustiveSearch.Outcome none = search.findAtMost(reluNet(), below, Limits.none());
        assertEquals(ExhaustiveSearch.End.EXHAUSTED, none.end());
        assertTrue(none.best().isEmpty(), "no vector reaches γ");
        assertEquals(Rational.of(min), none.bestLoss().orElseThrow());
        assertEquals(BigInteger.valueOf(256), none.evaluated());
    }

    @Test
    void decisionWithALooseBoundStopsAtTheFirstVector() {
        // every loss is at most 3·(2·3 + 1 + 3)² = 300 by |w2·h + b2 − y| ≤ 2·3 + 2 + 3, so the first vector does
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BIG_CAP, 1 << 16).findAtMost(reluNet(), Rational.of(1000), Limits.none());
        assertEquals(ExhaustiveSearch.End.FOUND, o.end());
        assertEquals(BigInteger.ONE, o.evaluated());
        // the first vector is the parameters nearest zero (optimize's documented start): all four are 0, loss 1 + 0 + 9
        NetworkParameters first = o.best().orElseThrow();
        assertEquals(10, lossOf(first));
        for (int l = 1; l <= 2; l++) {
            assertEquals(Rational.ZERO, first.get(ParameterRef.weight(l, 0, 0)));
            assertEquals(Rational.ZERO, first.get(ParameterRef.bias(l, 0)));
        }
    }

    @Test
    void theVectorCapIsInclusive() {
        ExhaustiveSearch.Outcome atCap = new ExhaustiveSearch(BigInteger.valueOf(256), 1 << 16).minimize(reluNet(), Limits.none());
        assertEquals(ExhaustiveSearch.End.EXHAUSTED, atCap.end());
        ExhaustiveSearch.Outcome over = new ExhaustiveSearch(BigInteger.valueOf(255), 1 << 16).minimize(reluNet(), Limits.none());
        assertEquals(ExhaustiveSearch.End.TOO_MANY, over.end());
        assertEquals(BigInteger.ZERO, over.evaluated());
        assertTrue(over.best().isEmpty());
        assertTrue(over.detail().contains("256") && over.detail().contains("255"), over.detail());
    }

    @Test
    void noFreeParameterMeansExactlyOneVector() {
        // x = 5: the loss is |1·5 + 0 − 0| = 5
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BigInteger.ONE, 1 << 16).minimize(allFixed(Rational.of(5)), Limits.none());
        assertEquals(ExhaustiveSearch.End.EXHAUSTED, o.end());
        assertEquals(BigInteger.ONE, o.evaluated());
        assertEquals(Rational.of(5), o.bestLoss().orElseThrow());
    }

    @Test
    void theBitBudgetIsInclusive() {
        // x = z = loss = 2^10: bit-length 11 (numerator) + 1 (denominator 1) = 12 bits, the largest value seen
        ErmInstance inst = allFixed(Rational.of(1024));
        ExhaustiveSearch.Outcome at = new ExhaustiveSearch(BIG_CAP, 12).minimize(inst, Limits.none());
        assertEquals(ExhaustiveSearch.End.EXHAUSTED, at.end());
        assertEquals(12, at.maxBitLength());
        ExhaustiveSearch.Outcome over = new ExhaustiveSearch(BIG_CAP, 11).minimize(inst, Limits.none());
        assertEquals(ExhaustiveSearch.End.OVER_BIT_BUDGET, over.end());
        assertEquals(12, over.maxBitLength());
        assertTrue(over.detail().contains("12 bits, over the budget of 11"), over.detail());
    }

    @Test
    void pastTheEvaluatorsCapIsOverTheBitBudget() {
        // z = x = 2^(2^23) has 2^23 + 2 bits; squaring it would need about twice that, past
        // ForwardPass.MAX_VALUE_BITS = 2^24, so the evaluator refuses before computing
        Activation.Polynomial square = new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, square)));
        Rational x = Rational.of(BigInteger.ONE.shiftLeft(1 << 23));
        ErmInstance inst = new ErmInstance("square", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)),
                List.of(new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.ONE), new FixedParameter(ParameterRef.bias(1, 0), Rational.ZERO)),
                new Loss(LossType.ABSOLUTE, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(List.of(x)), List.of(List.of(Rational.ZERO))), Optional.empty());
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BIG_CAP, 1 << 16).minimize(inst, Limits.none());
        assertEquals(ExhaustiveSearch.End.OVER_BIT_BUDGET, o.end());
        assertEquals(BigInteger.ZERO, o.evaluated());
        assertTrue(o.maxBitLength() >= ForwardPass.MAX_VALUE_BITS, "" + o.maxBitLength());
        assertTrue(o.detail().contains("cap"), o.detail());
    }

    @Test
    void expiredLimitsStopBeforeTheFirstVector() {
        Limits cancelled = Limits.none();
        cancelled.cancel().cancel();
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BIG_CAP, 1 << 16).minimize(reluNet(), cancelled);
        assertEquals(ExhaustiveSearch.End.INTERRUPTED, o.end());
        assertEquals(BigInteger.ZERO, o.evaluated());
        assertTrue(o.best().isEmpty());
        assertTrue(o.detail().contains("0 of 256"), o.detail());

        Limits past = new Limits(Optional.of(Instant.EPOCH), new CancelToken());
        assertEquals(ExhaustiveSearch.End.INTERRUPTED, new ExhaustiveSearch(BIG_CAP, 1 << 16).findAtMost(reluNet(), Rational.of(1000), past).end());
    }

    @Test
    void anUncountableDomainIsTooManyWithTheReason() {
        ErmInstance inst = oneFreeWeight(new Domain.RationalBits(Domain.RationalBits.MAX_COUNTED_BITS + 1));
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BIG_CAP, 1 << 16).minimize(inst, Limits.none());
        assertEquals(ExhaustiveSearch.End.TOO_MANY, o.end());
        assertEquals("not supported: counting the values of a rational domain with more than 24 bits (it has more than 2^48 values)", o.detail());
    }

    @Test
    void aParameterWithMoreValuesThanAListHoldsIsTooMany() {
        // one free weight on the grid 0..2^31: 2^31 + 1 values, within a cap of 2^40 vectors
        ErmInstance inst = oneFreeWeight(new Domain.Grid(BigInteger.ONE, BigInteger.ZERO, BigInteger.TWO.pow(31)));
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BigInteger.TWO.pow(40), 1 << 16).minimize(inst, Limits.none());
        assertEquals(ExhaustiveSearch.End.TOO_MANY, o.end());
        assertTrue(o.detail().contains("more than one list can hold"), o.detail());
    }

    @Test
    void aRationalDomainTooLargeToListIsTooManyNotAnException() {
        // a 13-bit rational domain has 1 + 2·C(8191) ≈ 8.2·10^7 values (fewer than 2^31), but Domain.values
        // refuses to list rational domains of more than 12 bits: a stop with the reason, not an exception
        ErmInstance inst = oneFreeWeight(new Domain.RationalBits(13));
        ExhaustiveSearch.Outcome o = new ExhaustiveSearch(BigInteger.valueOf(Integer.MAX_VALUE), 1 << 16).minimize(inst, Limits.none());
        assertEquals(ExhaustiveSearch.End.TOO_MANY, o.end());
        assertTrue(o.detail().contains("too large to enumerate"), o.detail());
    }
}
