package org.ermbit.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;

/** Counts of parameter vectors against hand calculation: products of domain sizes over free parameters. */
class SearchSpaceTest {

    /**
     * The bound for powers too large to build agrees with the exact floor of the logarithm (the bit
     * length of the built power, minus one) on seeded sizes and counts, and is never above it.
     */
    @Test
    void theLogarithmOfALargePowerIsBoundedFromBelowWithinOne() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(25);
        int equal = 0;
        for (int k = 0; k < 300; k++) {
            BigInteger size = BigInteger.valueOf(2 + rnd.nextInt(1 << rnd.nextInt(1, 30)));
            int count = 1 + rnd.nextInt(20_000);
            long exact = size.pow(count).bitLength() - 1;
            long bound = SearchSpace.log2OfPowerFromBelow(size, count);
            assertTrue(bound == exact || bound == exact - 1, size + "^" + count + ": " + bound + " vs " + exact);
            if (bound == exact) equal++;
        }
        assertTrue(equal >= 295, equal + " of 300 exact");
        assertEquals(BigInteger.valueOf(3).pow(1_000_000).bitLength() - 1, SearchSpace.log2OfPowerFromBelow(BigInteger.valueOf(3), 1_000_000));
        assertEquals(1_584_962, SearchSpace.log2OfPowerFromBelow(BigInteger.valueOf(3), 1_000_000)); // floor(10^6 · log2 3)
    }

    private static final Domain THREE = new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-1), BigInteger.ONE);
    private static final Domain EIGHT = new Domain.FixedPoint(3, 1);

    /** inputs-units-1 network (identity layers), one data point of zeros. */
    private static ErmInstance net(int inputs, int units, ParameterDomains domains, List<FixedParameter> fixed) {
        Architecture a = new Architecture(inputs, List.of(new LayerSpec(units, new Activation.Identity()), new LayerSpec(1, new Activation.Identity())));
        List<Rational> x = java.util.Collections.nCopies(inputs, Rational.ZERO);
        return new ErmInstance("t", Optional.empty(), a, domains, fixed, new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(List.of(x), List.of(List.of(Rational.ZERO))), Optional.empty());
    }

    /** 2-2-1: 6 weights of 8 values, 3 biases of 3 values; fixing w[2][0][0] and b[2][0] leaves 5 and 2: 3^2 · 8^5. */
    @Test
    void separateDomainsAndFixedParameters() {
        ErmInstance inst = net(2, 2, new ParameterDomains(EIGHT, THREE),
                List.of(new FixedParameter(ParameterRef.weight(2, 0, 0), Rational.ONE), new FixedParameter(ParameterRef.bias(2, 0), Rational.ZERO)));
        SearchSpace s = SearchSpace.of(inst);
        assertEquals("3^2 * 8^5 = 294912", s.describe());   // factors in the order of the free parameters (biases of layer 1 come first)
        assertEquals(Optional.of(BigInteger.valueOf(294_912)), s.sizeIfAtMost(BigInteger.valueOf(294_912)));
        assertEquals(Optional.empty(), s.sizeIfAtMost(BigInteger.valueOf(294_911)));
        assertFalse(s.isSingleVector());
        assertEquals(Optional.empty(), s.uncountableReason());
    }

    @Test
    void everyParameterFixedIsOneVector() {
        ErmInstance inst = net(1, 1, ParameterDomains.uniform(THREE), List.of(new FixedParameter(ParameterRef.weight(1, 0, 0), Rational.ONE),
                new FixedParameter(ParameterRef.bias(1, 0), Rational.ONE), new FixedParameter(ParameterRef.weight(2, 0, 0), Rational.ONE),
                new FixedParameter(ParameterRef.bias(2, 0), Rational.ONE)));
        SearchSpace s = SearchSpace.of(inst);
        assertTrue(s.isSingleVector());
        assertEquals("1", s.describe());
        assertEquals(Optional.of(BigInteger.ONE), s.sizeIfAtMost(BigInteger.ONE));
    }

    /**
     * 1-63-1 over 3 values: 63 + 63 + 63 + 1 = 190 parameters, 3^190 ≥ 2^190 (printed in full, 2^256 is
     * the limit); 1-85-1: 256 parameters, 3^256 still in full since the bound counts one bit per factor 3;
     * 1-86-1: 259 parameters, only the bound 2^259.
     */
    @Test
    void countsPastTwoToThe256AreALowerBound() {
        assertEquals("3^190 = " + BigInteger.valueOf(3).pow(190), SearchSpace.of(net(1, 63, ParameterDomains.uniform(THREE), List.of())).describe());
        assertEquals("3^256 = " + BigInteger.valueOf(3).pow(256), SearchSpace.of(net(1, 85, ParameterDomains.uniform(THREE), List.of())).describe());
        // floor(259 · log2 3) = 410 (3^259 has 411 bits; Python: (3**259).bit_length() - 1); session 23 printed the loose 2^259
        assertEquals("3^259 >= 2^410", SearchSpace.of(net(1, 86, ParameterDomains.uniform(THREE), List.of())).describe());
    }

    /** Millions of parameters: the cap is decided from the bit bound, without the 3-million-bit product. */
    @Test
    void hugeNetworksAreComparedWithTheCapWithoutTheFullProduct() {
        SearchSpace s = SearchSpace.of(net(1000, 1000, ParameterDomains.uniform(EIGHT), List.of()));   // 1000·1000 + 1000 + 1000 + 1 parameters
        assertEquals(Optional.empty(), s.sizeIfAtMost(BigInteger.valueOf(200_000)));
        assertEquals("8^1002001 >= 2^3006003", s.describe());
    }

    /** A 25-bit rational domain cannot be counted (Domain.RationalBits.MAX_COUNTED_BITS = 24): "more than 2^(48·n)". */
    @Test
    void uncountableRationalDomains() {
        SearchSpace s = SearchSpace.of(net(1, 1, ParameterDomains.uniform(new Domain.RationalBits(25)), List.of()));
        assertEquals("more than 2^192", s.describe());
        assertEquals(Optional.of("not supported: counting the values of a rational domain with more than 24 bits (it has more than 2^48 values)"),
                s.uncountableReason());
        assertEquals(Optional.empty(), s.sizeIfAtMost(BigInteger.TWO.pow(10_000)));
    }
}
