package org.ermbit.reductions.cnf;

import static org.ermbit.reductions.cnf.DratCheckerProofs.Step.add;
import static org.ermbit.reductions.cnf.DratCheckerProofs.Step.del;
import static org.ermbit.reductions.cnf.DratCheckerProofs.check;
import static org.ermbit.reductions.cnf.DratCheckerProofs.cnf;
import static org.ermbit.reductions.cnf.DratCheckerProofs.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-worked DRAT proofs, each in both encodings: the expected outcome and counters are worked out
 * by hand in the comments (unit propagation on a few clauses), not taken from the checker.
 */
class DratCheckerTest {

    /** (1 2)(1 -2)(-1 2)(-1 -2): unsatisfiable, but no clause is unit, so propagation alone does not conflict. */
    static final Cnf FOUR = cnf(2, new int[] {1, 2}, new int[] {1, -2}, new int[] {-1, 2}, new int[] {-1, -2});

    /** All eight sign patterns over variables 1, 2, 3: unsatisfiable, no unit clause. */
    static final Cnf EIGHT = cnf(3,
            new int[] {1, 2, 3}, new int[] {1, 2, -3}, new int[] {1, -2, 3}, new int[] {1, -2, -3},
            new int[] {-1, 2, 3}, new int[] {-1, 2, -3}, new int[] {-1, -2, 3}, new int[] {-1, -2, -3});

    static String at(Format format, int line, int offset) {
        return format == Format.TEXT ? "line " + line : "byte " + offset;
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void complementaryUnitsNeedNoLemma(Format format) {
        Cnf cnf = cnf(1, new int[] {1}, new int[] {-1});
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf, steps(), format));
        // the CNF is refuted before the proof is read: even a malformed proof does not matter
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf, new byte[] {'x', 'y'}, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void emptyClauseInTheCnfNeedsNoLemma(Format format) {
        Cnf cnf = cnf(2, new int[] {1, 2}, new int[] {});
        assertEquals(new ProofCheck.Verified(0, 0, 0, 0), check(cnf, steps(), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void unitLemmaRefutesFourClauses(Format format) {
        // lemma (1): assign -1, then (1 2) gives 2 and (1 -2) conflicts: RUP. Adding (1) propagates
        // 2 by (-1 2), and (-1 -2) conflicts: refuted at lemma 1, the empty clause is not needed.
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(FOUR, steps(add(1), add()), format));
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(FOUR, steps(add(1)), format));
        // whatever follows the refutation is not read
        byte[] proof = DratCheckerProofs.encode(steps(add(1)), format);
        byte[] withJunk = Arrays.copyOf(proof, proof.length + 3);
        withJunk[proof.length] = 'q';
        assertEquals(new ProofCheck.Verified(1, 0, 0, 0), check(FOUR, withJunk, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void emptyLemmaMustBeRup(Format format) {
        // nothing is unit in FOUR: the empty clause is not RUP
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 1, 0)
                + ") is the empty clause, but propagation finds no conflict"), check(FOUR, steps(add()), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void nonImpliedFirstLemma(Format format) {
        // Every clause is implied by the unsatisfiable FOUR (and lemmas over fresh variables are RAT),
        // so a satisfiable variant: (1 2)(-1 2)(1 -2), model 1 = 2 = true. Lemma (-2): assign 2,
        // nothing propagates: not RUP. RAT on -2: D = (-1 2) gives the resolvent (-2 -1); assign 2, 1:
        // no conflict. Adding (-2) would make the formula unsatisfiable, so it must be refused.
        Cnf cnf = cnf(2, new int[] {1, 2}, new int[] {-1, 2}, new int[] {1, -2});
        assertTrue(cnf.isSatisfiedBy(new boolean[] {false, true, true}));
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 1, 0)
                + ") is neither RUP nor RAT on its first literal -2"), check(cnf, steps(add(-2), add()), format));
    }

    /**
     * Extended resolution: x6 := 1 ∨ 2 in a CNF where (1 2), 1 → 3, 2 → 3, and 3 is refuted by the
     * four clauses (-3 ±4 ±5). Variable 6 is beyond the CNF's 5.
     */
    static final Cnf ER = cnf(5, new int[] {1, 2}, new int[] {-1, 3}, new int[] {-2, 3},
            new int[] {-3, 4, 5}, new int[] {-3, 4, -5}, new int[] {-3, -4, 5}, new int[] {-3, -4, -5});

    static Stream<Arguments> formatsAndFreshVariables() {
        return DratCheckerProofs.DRAT_FORMATS.stream().flatMap(f -> Stream.of(
                Arguments.of(f, 6),
                Arguments.of(f, 1 << 28)));
    }

    @ParameterizedTest
    @MethodSource("formatsAndFreshVariables")
    void extendedResolutionIsRat(Format format, int x) {
        List<Step> proof = steps(
                // (x -1): assign -x, 1: 3 by (-1 3), then (-3 ±4 ±5) are binary, no conflict: not RUP.
                //         RAT on x: no clause contains -x. RAT lemma 1.
                add(x, -1),
                // (x -2): assign -x, 2: -1 by (x -1), 3 by (-2 3), no conflict: not RUP. RAT on x: no
                //         clause contains -x yet. RAT lemma 2.
                add(x, -2),
                // (-x 1 2): assign x, -1, -2: (1 2) conflicts. RUP.
                add(-x, 1, 2),
                // (x): assign -x: -1, -2 by the definitions, (1 2) conflicts. RUP; propagates nothing more.
                add(x),
                // (-x 3): assign -3: -1, -2 by (-1 3), (-2 3); (-x 1 2) conflicts. RUP, uses the definition.
                //         Adding it propagates 3 (x is true).
                add(-x, 3),
                // (4): assign -4: (-3 4 5) gives 5, (-3 4 -5) conflicts. RUP. Adding it: (-3 -4 ±5) conflict.
                add(4),
                add());
        assertEquals(new ProofCheck.Verified(6, 2, 0, 0), check(ER, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void ratPivotIsTheFirstLiteralAsWritten(Format format) {
        // (-1 2), and 3 refuted by (3 ±4 ±5), (-3 4), (-3 -4). The lemma (7 1) / (1 7): assign -7, -1:
        // nothing propagates, not RUP. RAT on 7 holds (no clause contains -7). RAT on 1 does not: the
        // resolvent with (-1 2) is (1 7 2), and assigning -1, -7, -2 propagates nothing.
        Cnf cnf = cnf(5, new int[] {-1, 2}, new int[] {3, 4, 5}, new int[] {3, 4, -5}, new int[] {3, -4, 5},
                new int[] {3, -4, -5}, new int[] {-3, 4}, new int[] {-3, -4});
        // the rest refutes the CNF: (3 4): assign -3, -4: 5 and -5 by (3 4 ±5), RUP. (3): assign -3: 4 by
        // (3 4), then (3 -4 ±5) conflict, RUP; adding (3): 4 by (-3 4), (-3 -4) conflicts.
        List<Step> rest = List.of(add(3, 4), add(3), add());
        List<Step> good = new ArrayList<>(List.of(add(7, 1)));
        good.addAll(rest);
        assertEquals(new ProofCheck.Verified(3, 1, 0, 0), check(cnf, good, format));
        List<Step> bad = new ArrayList<>(List.of(add(1, 7)));
        bad.addAll(rest);
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 1, 0)
                + ") is neither RUP nor RAT on its first literal 1"), check(cnf, bad, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void deletingAReasonIsIgnored(Format format) {
        List<Step> proof = steps(
                add(1, 2),   // assign -1, -2: (1 2 ±3) conflict. RUP.
                add(1),      // assign -1: 2 by (1 2), (1 -2 ±3) conflict. RUP. Propagates 1 (reason: this clause).
                del(1),      // the reason of 1: ignored
                del(2, 1),   // satisfied, not a reason: deleted
                add(-2),     // assign 2: with 1 true, (-1 -2 ±3) conflict. RUP (needs 1 still assigned).
                             // Adding it: (-1 2 ±3) conflict.
                add());
        assertEquals(new ProofCheck.Verified(3, 0, 1, 1), check(EIGHT, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aReasonKeepsItsLiteralAndItsClause(Format format) {
        // (-1 2) is satisfiable. (3) is RAT (3 occurs nowhere) and propagates 3. Were its deletion
        // carried out while 3 stays assigned, (-3) would be RAT (no clause contains 3 any more), and
        // adding it would conflict with the trail: a satisfiable CNF "refuted". The deletion is ignored,
        // so (-3) is not RUP (assign 3: nothing new) nor RAT (the resolvent with (3) is (-3): not RUP).
        Cnf cnf = cnf(2, new int[] {-1, 2});
        // binary: 'a' 6 0, 'd' 6 0: lemma 2 at byte 6
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 3, 6)
                + ") is neither RUP nor RAT on its first literal -3"), check(cnf, steps(add(3), del(3), add(-3), add()), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void deletedClauseIsNoLongerThere(Format format) {
        // without (1 2 3), all-false satisfies the rest: (1 2) must not be derivable. Assign -1, -2:
        // -3 by (1 2 -3), no conflict; RAT on 1: resolvent with (-1 2 3) is (1 2 3): assign -1, -2, -3:
        // no conflict.
        List<Step> proof = steps(del(1, 2, 3), add(1, 2), add(1), add());
        // binary: the deletion is 'd' + three one-byte literals + 0 = 5 bytes
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + at(format, 2, 5)
                + ") is neither RUP nor RAT on its first literal 1"), check(EIGHT, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void deletionsAreBySetAndOneCopyAtATime(Format format) {
        List<int[]> clauses = new ArrayList<>(EIGHT.clauses());
        clauses.add(new int[] {3, 1, 2, 1}); // a second copy of (1 2 3), with a repeated literal
        Cnf cnf = new Cnf(3, clauses);
        List<Step> prefix = steps(
                del(1, 2, 3),       // one copy goes
                add(1, 2),          // RUP thanks to the other copy (assign -1, -2: (1 2 ±3)); lemma 1
                del(3, 2, 1, 3),    // the other copy goes (order and repetition do not matter)
                del(1, 2, 3),       // no copy left: ignored
                del(1, 1, -1));     // a tautology is never stored: ignored
        // With (1 2): (1): assign -1: 2 by (1 2), (1 -2 ±3) conflict, RUP; adding it makes (-1 ±2 ±3)
        // binary. (-2): assign 2: (-1 -2 ±3) conflict, RUP; adding it: (-1 2 ±3) conflict.
        List<Step> refutation = new ArrayList<>(prefix);
        refutation.addAll(steps(add(1), add(-2), add()));
        assertEquals(new ProofCheck.Verified(3, 0, 2, 2), check(cnf, refutation, format));
        // Without (1 2) too, all-false satisfies what is left: as in deletedClauseIsNoLongerThere, (1 2)
        // is neither RUP nor RAT any more.
        List<Step> without = new ArrayList<>(prefix);
        without.addAll(steps(del(2, 1), add(1, 2), add()));
        // binary offsets: d(3 lits)=5, a(2)=4, d(4)=6, d(3)=5, d(3)=5, d(2)=4: lemma 2 at byte 29
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + at(format, 7, 29)
                + ") is neither RUP nor RAT on its first literal 1"), check(cnf, without, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void repeatedAndTautologicalLemmas(Format format) {
        // (1 1) is (1): RUP in FOUR and refutes it. A tautology (2 -2) first is trivially accepted.
        assertEquals(new ProofCheck.Verified(2, 0, 0, 0), check(FOUR, steps(add(2, -2), add(1, 1)), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void proofEndingEarly(Format format) {
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (1 lemma checked)"),
                check(EIGHT, steps(add(1, 2)), format));
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (0 lemmas checked)"),
                check(EIGHT, steps(), format));
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (2 lemmas checked)"),
                check(EIGHT, steps(add(1, 2), del(1, 2), add(1, 2)), format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void largestVariableIsAccepted(Format format) {
        // (2^28 -1) against (1 2): assign -2^28, 1: nothing propagates; RAT on 2^28, which occurs nowhere
        Cnf sat = cnf(2, new int[] {1, 2});
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (1 lemma checked)"),
                check(sat, steps(add(1 << 28, -1)), format));
    }

    @Test
    void textCommentsLineEndsAndLayout() {
        // comments anywhere, CRLF and CR line ends, a clause over two lines, two clauses on one line
        String proof = "c a comment\r\n\r\nc another\r 2 \t-2 0 1\n1 0\nc after\n";
        assertEquals(new ProofCheck.Verified(2, 0, 0, 0), check(FOUR, proof));
        // (1 2)(-2 3)(-3 1): (1 3) is RUP (assign -1, -3: 2 by (1 2), (-2 3) conflicts). After deleting
        // (1 2), (2) is not RUP (assign -2: nothing) nor RAT on 2 (the resolvent (2 3) with (-2 3):
        // assign -2, -3: 1 by (1 3), no conflict). Lines: "c x" CRLF, "c y" CR, then three LF lines.
        assertEquals(new ProofCheck.Refuted("lemma 2 (line 5) is neither RUP nor RAT on its first literal 2"),
                check(cnf(3, new int[] {1, 2}, new int[] {-2, 3}, new int[] {-3, 1}), "c x\r\nc y\r1 3 0\nd 1 2 0\n2 0\n"));
    }
}
