package org.ermbit.reductions.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Capability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lowering passes against brute force: for seeded random tiny models, the satisfying
 * assignments of the lowered model, lifted back, are exactly the satisfying assignments of the input
 * model (found independently by {@link ModelEnumerator}); the lift is a bijection on solutions
 * (lowering auxiliaries are functionally determined); the forward extension of every input
 * solution satisfies the lowered model and lifts back to it; and objectives agree.
 */
class LoweringBruteForceTest {

    private static final int LIMIT = 20_000;

    static LongStream seeds() {
        return LongStream.range(1, 121);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void productToBitsKeepsTheSolutions(long seed) {
        Model m = RandomModels.create(seed, new RandomModels.Features(true, true, false));
        Lowered low = ProductToBits.conditional().apply(m);
        assertFalse(low.model().hasProducts());
        assertEquivalent(m, low);
        Lowered bits = ProductToBits.bitProducts().apply(m);
        assertFalse(bits.model().hasProducts());
        assertEquivalent(m, bits);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bitProductsThenPseudoBooleanKeepTheSolutions(long seed) {
        Model m = RandomModels.create(seed + 1000, new RandomModels.Features(true, false, false));
        Lowered low = Lowerings.chain(ProductToBits.bitProducts(), new IntegerToPseudoBoolean()).apply(m);
        assertTrue(low.model().isPurelyBoolean());
        assertEquivalent(m, low);
        Lowered cond = Lowerings.chain(ProductToBits.conditional(), new IntegerToPseudoBoolean()).apply(m);
        assertTrue(cond.model().isPurelyBoolean());
        assertEquivalent(m, cond);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void integerToPseudoBooleanKeepsTheSolutions(long seed) {
        Model m = RandomModels.create(seed, new RandomModels.Features(false, false, true));
        Lowered low = new IntegerToPseudoBoolean().apply(m);
        assertTrue(low.model().isPurelyBoolean());
        assertEquivalent(m, low);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void pseudoBooleanChainKeepsTheSolutions(long seed) {
        Model m = RandomModels.create(seed, new RandomModels.Features(true, false, seed % 2 == 0));
        Lowered low = Lowerings.forCapabilities(Set.of(Capability.PSEUDO_BOOLEAN)).apply(m);
        assertTrue(low.model().isPurelyBoolean());
        assertFalse(low.model().hasProducts());
        assertEquivalent(m, low);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void liaChainAndNiaProductLoweringKeepTheSolutions(long seed) {
        Model m = RandomModels.create(seed, new RandomModels.Features(true, seed % 3 == 0, false));
        Lowered lia = Lowerings.forCapabilities(Set.of(Capability.LIA)).apply(m);
        assertFalse(lia.model().hasProducts());
        assertEquivalent(m, lia);
        Lowered nia = Lowerings.forCapabilities(Set.of(Capability.NIA, Capability.LIA), true).apply(m);
        assertFalse(nia.model().hasProducts());
        assertEquivalent(m, nia);
        Lowered native_ = Lowerings.forCapabilities(Set.of(Capability.NIA)).apply(m);
        assertEquals(m.constraints(), native_.model().constraints(), "NIA backends take products natively");
    }

    /** The generator is not vacuous: it yields satisfiable and unsatisfiable models, with several solutions. */
    @Test
    void generatedModelsAreMixed() {
        int sat = 0;
        int unsat = 0;
        int several = 0;
        for (long seed = 1; seed <= 120; seed++) {
            int n = ModelEnumerator.solutions(RandomModels.create(seed, new RandomModels.Features(true, true, true)), LIMIT).size();
            if (n == 0) unsat++;
            else sat++;
            if (n > 1) several++;
        }
        assertTrue(sat >= 30 && unsat >= 10 && several >= 20, "sat " + sat + ", unsat " + unsat + ", several " + several);
    }

    /** Hand-counted: x ∈ [−3, 2] with s → x ≤ −1 and ¬s → x ≥ 1 has 5 solutions; x + 3 ∈ [0, 5] needs 3 bits and a range cap. */
    @Test
    void negativeRangeHasExactlyItsValues() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.valueOf(-3), BigInteger.TWO);
        Var s = b.newBool("s");
        b.addLinear(LinearExpr.of(x), Relation.LE, BigInteger.valueOf(-1), List.of(s.lit()));
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.ONE, List.of(s.not()));
        Model m = b.build();
        Lowered low = new IntegerToPseudoBoolean().apply(m);
        Set<List<BigInteger>> sols = ModelEnumerator.solutions(low.model(), LIMIT);
        // s = 1: x ∈ {−3, −2, −1}; s = 0: x ∈ {1, 2}
        assertEquals(5, sols.size());
        assertEquals(4, low.model().vars().size(), "s and three bits of x + 3 ∈ [0, 5]");
        assertEquivalent(m, low);
    }

    @Test
    void pseudoBooleanPassRefusesProducts() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.TWO);
        Var p = b.newInt("p", BigInteger.ZERO, BigInteger.valueOf(4));
        b.addProduct(p, x, x);
        assertThrows(IllegalArgumentException.class, () -> new IntegerToPseudoBoolean().apply(b.build()));
    }

    static void assertEquivalent(Model m, Lowered low) {
        Set<List<BigInteger>> orig = ModelEnumerator.solutions(m, LIMIT);
        Set<List<BigInteger>> lowered = ModelEnumerator.solutions(low.model(), LIMIT);
        Set<List<BigInteger>> lifted = new LinkedHashSet<>();
        for (List<BigInteger> s : lowered) {
            Assignment a = new Assignment(s.toArray(BigInteger[]::new));
            Assignment back = low.lift().lift(a);
            lifted.add(List.of(back.values()));
            m.objective().ifPresent(o -> assertEquals(o.expr().evaluate(back::value),
                    low.model().objective().orElseThrow().expr().evaluate(a::value), "objective value changed by lowering"));
        }
        assertEquals(orig, lifted, "lifted solutions of the lowered model differ from the model's solutions");
        assertEquals(orig.size(), lowered.size(), "the lift is not one-to-one on solutions");
        for (List<BigInteger> s : orig) {
            Assignment a = new Assignment(s.toArray(BigInteger[]::new));
            Assignment ext = low.extension().extend(a);
            assertTrue(low.model().isSatisfiedBy(ext), () -> "the extension of " + s + " violates the lowered model");
            assertEquals(s, List.of(low.lift().lift(ext).values()));
        }
    }
}
