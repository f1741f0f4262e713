package org.ermbit.reductions.cnf;

import static org.ermbit.reductions.cnf.DratCheckerProofs.Step.add;
import static org.ermbit.reductions.cnf.DratCheckerProofs.check;
import static org.ermbit.reductions.cnf.DratCheckerProofs.cnf;
import static org.ermbit.reductions.cnf.DratCheckerProofs.steps;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-worked proofs against CNF clauses plus pseudo-Boolean constraints, each in both encodings: the
 * slacks and what they force are worked out in the comments, not taken from the checker. Also the
 * validation of {@link PbConstraint} and the long-arithmetic limit ({@link DratChecker#supports}).
 */
class DratCheckerPbTest {

    static final String NOT_RUP = "is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)";

    /** 2·x1 + x2 + x3 ≥ 2: slack 4 − 2 = 2, nothing forced until a literal is false. */
    static final PbConstraint TWO_ONE_ONE = PbConstraint.of(new int[] {1, 2, 3}, new long[] {2, 1, 1}, 2);

    static String at(Format format, int line, int offset) {
        return DratCheckerTest.at(format, line, offset);
    }

    static PbConstraint pb(int[] literals, long[] coefficients, long degree) {
        return PbConstraint.of(literals, coefficients, degree);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aUnitLemmaThatPropagatesThroughTheConstraint(Format format) {
        // clauses (-1 2)(-1 -2)(-2 -3). Lemma (-1): assign 1: (-1 2) gives 2, (-1 -2) conflicts: RUP.
        // Adding (-1): x1 false, slack 2 − 2 = 0, so x2 and x3 are forced; (-2 -3) conflicts.
        Cnf cnf = cnf(3, new int[] {-1, 2}, new int[] {-1, -2}, new int[] {-2, -3});
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(cnf, List.of(TWO_ONE_ONE), steps(add(-1), add()), format));
        // lemma (3): assign -3: slack 2 − 1 = 1 < 2, so x1 is forced; (-1 2) gives 2, (-1 -2) conflicts: RUP.
        // Adding (3) gives -2 by (-2 -3), slack 2 − 1 = 1, so x1, and the same conflict at top level.
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(cnf, List.of(TWO_ONE_ONE), steps(add(3)), format));
        // without the constraint, (3) is not RUP (nothing propagates from -3), nor RAT on 3: the
        // resolvent with (-2 -3) is (3 -2); assign -3, 2: (-1 -2) gives -1, no conflict
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 1, 0) + ") is neither RUP nor RAT on its first literal 3"),
                check(cnf, List.of(), steps(add(3)), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aLemmaThatIsOnlyRatIsRefusedByName(Format format) {
        // clauses (-1 2)(-1 -2), satisfiable with the constraint (x1 = 0, x2 = x3 = 1).
        // lemma 1 (-1): RUP by the clauses; adding it: slack 0 forces x2, x3.
        // lemma 2 (-3 5): assign 3 (already), -5: nothing conflicts, so not RUP; on the clauses alone it
        // is RAT on -3 (no clause contains 3), but with the constraint RAT is not tried.
        Cnf cnf = cnf(3, new int[] {-1, 2}, new int[] {-1, -2});
        var proof = steps(add(-1), add(-3, 5), add());
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 2, 3) + ") " + NOT_RUP),
                check(cnf, List.of(TWO_ONE_ONE), proof, format));
        // the clauses alone: (-1) RUP, (-3 5) RAT, then the empty clause finds no conflict (top level: -1)
        assertEquals(new ProofCheck.Refuted("lemma 3 (" + at(format, 3, 7)
                        + ") is the empty clause, but propagation finds no conflict"),
                check(cnf, List.of(), proof, format));
        // the constraint with no clause: x1 = 1 leaves everything open, so (-1) is not RUP
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 1, 0) + ") " + NOT_RUP),
                check(cnf(3), List.of(TWO_ONE_ONE), steps(add(-1)), format));
        // an empty lemma that is not RUP keeps its own reason
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 2, 3)
                        + ") is the empty clause, but propagation finds no conflict"),
                check(cnf, List.of(TWO_ONE_ONE), steps(add(-1), add()), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void anUnsatisfiableConstraintNeedsNoLemma(Format format) {
        // x1 + x2 ≥ 3: the coefficients sum to 2 < 3; the proof is not read (even a malformed one)
        List<PbConstraint> pb = List.of(pb(new int[] {1, 2}, new long[] {1, 1}, 3));
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf(2), pb, steps(), format));
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf(2), pb, new byte[] {'x', 'y'}, format));
        // the empty sum ≥ 1
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0),
                check(cnf(0), List.of(pb(new int[0], new long[0], 1)), steps(), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void topLevelPropagationOfTheConstraintsAloneConflicts(Format format) {
        // x1 + x2 ≥ 2 (slack 0: forces x1, x2) and -1 + -2 ≥ 1 (then slack −1): a conflict
        List<PbConstraint> pb = List.of(pb(new int[] {1, 2}, new long[] {1, 1}, 2), pb(new int[] {-1, -2}, new long[] {1, 1}, 1));
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf(2), pb, new byte[] {'x'}, format));
        // 3·x1 + x2 ≥ 2 saturates to 2·x1 + x2 ≥ 2, slack 1 < 2: x1 is forced; the clause (-1) conflicts
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0),
                check(cnf(2, new int[] {-1}), List.of(pb(new int[] {1, 2}, new long[] {3, 1}, 2)), steps(), format));
        // with the clause (-2) instead: x1 forced first, then x2 false leaves slack 0, which 2·x1 meets: no conflict
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (0 lemmas checked)"),
                check(cnf(2, new int[] {-2}), List.of(pb(new int[] {1, 2}, new long[] {3, 1}, 2)), steps(), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void saturationAndHugeCoefficients(Format format) {
        // 3·x1 + x2 + x3 ≥ 2 (saturated: 2·x1 + x2 + x3 ≥ 2, slack 2): nothing forced at first;
        // clauses (-1 4)(-1 -4)(-2 -3). Lemma (2): assign -2: slack 1 < 2 forces x1; (-1 4) gives 4,
        // (-1 -4) conflicts: RUP. Adding (2): (-2 -3) gives -3, slack 1 again, x1, the same conflict.
        Cnf cnf = cnf(4, new int[] {-1, 4}, new int[] {-1, -4}, new int[] {-2, -3});
        PbConstraint three = pb(new int[] {1, 2, 3}, new long[] {3, 1, 1}, 2);
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(cnf, List.of(three), steps(add(2)), format));
        // 2^70·x1 + x2 + x3 ≥ 2 saturates to the same constraint: supported, same outcome
        PbConstraint huge = new PbConstraint(new int[] {1, 2, 3},
                new BigInteger[] {BigInteger.ONE.shiftLeft(70), BigInteger.ONE, BigInteger.ONE}, BigInteger.TWO);
        assertTrue(DratChecker.supports(List.of(huge)));
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(cnf, List.of(huge), steps(add(2)), format));
        // three coefficients 2^61 with degree 2^61 sum to 3·2^61 ≥ 2^62 after saturation: not
        // supported, and check names constraint 1
        BigInteger big = BigInteger.ONE.shiftLeft(61);
        PbConstraint unsupported = new PbConstraint(new int[] {1, 2, 3}, new BigInteger[] {big, big, big}, big);
        assertFalse(DratChecker.supports(List.of(three, unsupported)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> check(cnf, List.of(three, unsupported), steps(add(2)), format));
        assertTrue(e.getMessage().startsWith("pseudo-Boolean constraint 1 "), e.getMessage());
        // exactly at the limit: 2^61 + 2^61 = 2^62 is one too many
        assertFalse(DratChecker.supports(List.of(new PbConstraint(new int[] {1, 2}, new BigInteger[] {big, big}, big))));
        // just below the limit: 2^61 + (2^61 − 1) = 2^62 − 1 in all, degree 2^61
        PbConstraint below = new PbConstraint(new int[] {1, 2}, new BigInteger[] {big, big.subtract(BigInteger.ONE)}, big);
        assertTrue(DratChecker.supports(List.of(below)));
        // slack = 2^62 − 1 − 2^61 = 2^61 − 1 < 2^61 = a1: x1 forced; the clause (-1) conflicts
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf(2, new int[] {-1}), List.of(below), steps(), format));
        // a degree ≤ 0 is trivially true whatever the coefficients: supported, constrains nothing
        PbConstraint trivial = new PbConstraint(new int[] {1, 2}, new BigInteger[] {big.shiftLeft(10), big.shiftLeft(10)},
                BigInteger.ZERO);
        assertTrue(DratChecker.supports(List.of(trivial)));
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 1, 0) + ") " + NOT_RUP),
                check(cnf(2), List.of(trivial), steps(add(1)), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void deletionsApplyToClausesOnly(Format format) {
        // x1 + x2 + x3 ≥ 2 (slack 1) and the clause (1 2 3). Deleting "3 2 1" removes the clause;
        // deleting it again is ignored. Lemma (1 2): assign -1, -2: slack 1 − 2 < 0: RUP by the
        // constraint, which no deletion removes. Adding (1 2): nothing forced.
        // Lemma (1): assign -1: slack 0 forces x2, x3; no conflict: not RUP.
        Cnf cnf = cnf(3, new int[] {1, 2, 3});
        PbConstraint two = pb(new int[] {1, 2, 3}, new long[] {1, 1, 1}, 2);
        var proof = steps(DratCheckerProofs.Step.del(3, 2, 1), DratCheckerProofs.Step.del(1, 2, 3), add(1, 2), add(1));
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 4, 14) + ") " + NOT_RUP), check(cnf, List.of(two), proof, format));
        // with (-1 -2) in the CNF as well, after deleting (1 2 3): lemma (3): assign -3, slack 0 forces
        // x1 and x2, (-1 -2) conflicts: RUP. Adding (3): nothing more at top level (slack 1), so the
        // empty clause finds no conflict (x3, x1 ≠ x2 is a model).
        Cnf withBinary = cnf(3, new int[] {1, 2, 3}, new int[] {-1, -2});
        var proof2 = steps(DratCheckerProofs.Step.del(1, 2, 3), add(3), add());
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 3, 8) + ") is the empty clause, but propagation finds no conflict"),
                check(withBinary, List.of(two), proof2, format));
        // and x1 + x2 + x3 ≥ 3 with (-1 -2): forced x1, x2, x3 at top level, (-1 -2) conflicts
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0),
                check(withBinary, List.of(pb(new int[] {1, 2, 3}, new long[] {1, 1, 1}, 3)), steps(), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aClauseIsNotTakenForTheReasonOfWhatAConstraintForced(Format format) {
        // x7 + x8 ≥ 1 forces nothing; x5 + x6 ≥ 2 (constraint 1) forces x5 and x6 at top level.
        // Clauses (1 2)(-1 3)(-1 -3)(1 -5 4)(1 -6 -4): with x5, x6 the last two are (1 4)(1 -4).
        // Deleting (1 2), the first clause, is carried out: it is no reason of anything.
        // Lemma (-1): assign 1: (-1 3) gives 3, (-1 -3) conflicts: RUP. Adding it: (1 4) gives 4,
        // (1 -4) conflicts at top level.
        Cnf cnf = cnf(8, new int[] {1, 2}, new int[] {-1, 3}, new int[] {-1, -3}, new int[] {1, -5, 4}, new int[] {1, -6, -4});
        List<PbConstraint> pb = List.of(pb(new int[] {7, 8}, new long[] {1, 1}, 1), pb(new int[] {5, 6}, new long[] {1, 1}, 2));
        assertEquals(new ProofCheck.Verified(1, 0, 1, 0), check(cnf, pb, steps(DratCheckerProofs.Step.del(1, 2), add(-1)), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void constraintsMayUseVariablesBeyondTheCnfsAndProofsBeyondBoth(Format format) {
        // the CNF declares 1 variable; the constraint x1 + x7 ≥ 2 forces x1 and x7 at top level.
        // Lemma (7): RUP (7 is true). Lemma (-7 9 -1), 9 beyond both: assign -9 (7 and 1 are already
        // true): no conflict: not RUP.
        List<PbConstraint> pb = List.of(pb(new int[] {1, 7}, new long[] {1, 1}, 2));
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 2, 3) + ") " + NOT_RUP),
                check(cnf(1), pb, steps(add(7), add(-7, 9, -1)), format));
        // the clause (-1) of the CNF conflicts with the forced x1
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf(1, new int[] {-1}), pb, steps(), format));
    }

    @Test
    void limitsThatExpiredStopTheCheck() throws Exception {
        Limits past = new Limits(Optional.of(Instant.EPOCH), new CancelToken());
        assertEquals(new ProofCheck.Stopped("timeout"), DratChecker.check(cnf(2), List.of(TWO_ONE_ONE),
                new ByteArrayInputStream(new byte[0]), Format.TEXT, past));
    }

    @Test
    void valueSemantics() {
        PbConstraint a = pb(new int[] {1, -2}, new long[] {2, 1}, 2);
        assertEquals(a, pb(new int[] {1, -2}, new long[] {2, 1}, 2));
        assertEquals(a.hashCode(), pb(new int[] {1, -2}, new long[] {2, 1}, 2).hashCode());
        assertNotEquals(a, pb(new int[] {1, 2}, new long[] {2, 1}, 2));
        assertNotEquals(a, pb(new int[] {1, -2}, new long[] {1, 1}, 2));
        assertNotEquals(a, pb(new int[] {1, -2}, new long[] {2, 1}, 1));
        assertNotEquals(a.hashCode(), pb(new int[] {1, -2}, new long[] {2, 1}, 1).hashCode());
        // 2·x1 + ¬x2: x1, x2 true gives 2, exactly the degree 2; x1 true, x2 false gives 3; x1 false, x2 true gives 0
        assertTrue(a.isSatisfiedBy(new boolean[] {false, true, true}));
        assertTrue(pb(new int[] {1, -2}, new long[] {2, 1}, 3).isSatisfiedBy(new boolean[] {false, true, false}));
        assertFalse(pb(new int[] {1, -2}, new long[] {2, 1}, 3).isSatisfiedBy(new boolean[] {false, true, true}));
        assertFalse(a.isSatisfiedBy(new boolean[] {false, false, true}));
    }

    @Test
    void theConstructorValidatesAndCopies() {
        BigInteger one = BigInteger.ONE;
        assertEquals("literal 0 (position 1) is not a DIMACS literal", assertThrows(IllegalArgumentException.class,
                () -> pb(new int[] {1, 0}, new long[] {1, 1}, 1)).getMessage());
        assertEquals("variable 2 occurs twice in a pseudo-Boolean constraint", assertThrows(IllegalArgumentException.class,
                () -> pb(new int[] {2, 1, 2}, new long[] {1, 1, 1}, 1)).getMessage());
        assertEquals("variable 3 occurs twice in a pseudo-Boolean constraint", assertThrows(IllegalArgumentException.class,
                () -> pb(new int[] {3, -3}, new long[] {1, 1}, 1)).getMessage());
        assertEquals("coefficient 0 of literal -4 is not positive", assertThrows(IllegalArgumentException.class,
                () -> pb(new int[] {1, -4}, new long[] {1, 0}, 1)).getMessage());
        assertEquals("coefficient -2 of literal 1 is not positive", assertThrows(IllegalArgumentException.class,
                () -> pb(new int[] {1}, new long[] {-2}, 1)).getMessage());
        assertEquals("coefficient null of literal 1 is not positive", assertThrows(IllegalArgumentException.class,
                () -> new PbConstraint(new int[] {1}, new BigInteger[] {null}, one)).getMessage());
        assertEquals("a pseudo-Boolean constraint with 2 literals and 1 coefficients", assertThrows(IllegalArgumentException.class,
                () -> pb(new int[] {1, 2}, new long[] {1}, 1)).getMessage());
        assertThrows(NullPointerException.class, () -> new PbConstraint(new int[] {1}, new BigInteger[] {one}, null));
        // copies in and out
        int[] lits = {1, -2};
        BigInteger[] coefs = {one, BigInteger.TWO};
        PbConstraint p = new PbConstraint(lits, coefs, BigInteger.TWO);
        lits[0] = 5;
        coefs[0] = BigInteger.TEN;
        assertArrayEquals(new int[] {1, -2}, p.literals());
        p.literals()[1] = 7;
        p.coefficients()[1] = BigInteger.TEN;
        assertArrayEquals(new int[] {1, -2}, p.literals());
        assertArrayEquals(new BigInteger[] {one, BigInteger.TWO}, p.coefficients());
        assertEquals(pb(new int[] {1, -2}, new long[] {1, 2}, 2), p);
        assertEquals(pb(new int[] {1, -2}, new long[] {1, 2}, 2).hashCode(), p.hashCode());
        assertEquals("1*1 + 2*-2 >= 2", p.toString());
        // x1 + 2·¬x2 ≥ 2: satisfied by x2 = 0, not by x1 = 1, x2 = 1
        assertTrue(p.isSatisfiedBy(new boolean[] {false, false, false}));
        assertFalse(p.isSatisfiedBy(new boolean[] {false, true, true}));
    }
}
