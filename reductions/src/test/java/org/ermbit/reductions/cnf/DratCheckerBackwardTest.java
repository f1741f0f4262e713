package org.ermbit.reductions.cnf;

import static org.ermbit.reductions.cnf.DratCheckerProofs.Step.add;
import static org.ermbit.reductions.cnf.DratCheckerProofs.Step.del;
import static org.ermbit.reductions.cnf.DratCheckerProofs.cnf;
import static org.ermbit.reductions.cnf.DratCheckerProofs.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.DratChecker.Format;
import org.ermbit.reductions.cnf.DratCheckerPbFormulas.Formula;
import org.ermbit.reductions.cnf.DratCheckerProofs.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backward checking ({@link DratChecker.Order#BACKWARD}): hand-worked proofs whose outcome depends on
 * which lemmas the refutation needs; soundness on every planted (satisfiable) formula and proof kind of
 * {@link DratCheckerSoundnessTest} and {@link DratCheckerPbSoundnessTest}; agreement with forward
 * checking on the DPLL proofs of {@link DratCheckerCompletenessTest} (with RAT definitions and
 * deletions) and on Sat4j's proofs of {@link DratCheckerSat4jTest}; and its limits.
 */
class DratCheckerBackwardTest {

    private static final AtomicInteger SAT4J_RUNS = new AtomicInteger();
    private static final AtomicLong SAT4J_LEMMAS = new AtomicLong();
    private static final AtomicLong SAT4J_CHECKED = new AtomicLong();
    private static final AtomicLong RESTORED = new AtomicLong();

    /** The four clauses over 1 and 2: unsatisfiable, and nothing propagates at top level. */
    private static final int[][] XOR_FREE = {{1, 2}, {-1, 2}, {1, -2}, {-1, -2}};

    static ProofCheck backward(Cnf cnf, List<PbConstraint> pb, List<Step> steps, Format format) {
        return DratCheckerProofs.checkBackward(cnf, pb, DratCheckerProofs.encode(steps, format), format);
    }

    static ProofCheck backward(Cnf cnf, List<Step> steps, Format format) {
        return backward(cnf, List.of(), steps, format);
    }

    /** Forward and backward checking both refute {@code proof} (additions only) naming lemma {@code k} and {@code why}. */
    private static void assertBothRefute(Cnf cnf, List<Step> proof, Format format, int k, String why) {
        ProofCheck expected = new ProofCheck.Refuted("lemma " + k + " (" + DratCheckerProofs.where(proof, format).get(k - 1) + ") " + why);
        assertEquals(expected, DratCheckerProofs.check(cnf, proof, format));
        assertEquals(expected, backward(cnf, proof, format));
    }

    private static Cnf withClause(int variables, int[] extra) {
        List<int[]> clauses = new ArrayList<>(List.of(XOR_FREE));
        clauses.add(extra);
        return new Cnf(variables, clauses);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aLemmaTheRefutationDoesNotNeedIsNotChecked(Format format) {
        // (-3) is neither RUP nor RAT (the clause (3 4) resolves to (-3 4), not RUP); (2) is RUP and refutes
        Cnf cnf = withClause(4, new int[] {3, 4});
        List<Step> proof = steps(add(-3), add(2), add());
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + DratCheckerProofs.where(proof, format).get(0)
                + ") is neither RUP nor RAT on its first literal -3"), DratCheckerProofs.check(cnf, proof, format));
        // the conflict after (2) rests on (2), (1 -2) and (-1 -2): one lemma of two is checked, the empty clause not read
        assertEquals(new ProofCheck.Verified(2, 0, 0, 0, 1), backward(cnf, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aNeededLemmaThatIsNotImpliedRefutes(Format format) {
        // satisfiable (2 true); (-2) is neither RUP nor RAT, and propagating it conflicts
        Cnf cnf = cnf(2, new int[] {1, 2}, new int[] {-1, 2});
        assertBothRefute(cnf, steps(add(1, 2), add(-2), add()), format, 2, "is neither RUP nor RAT on its first literal -2");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void theDependenciesOfTopLevelUnitsAreChecked(Format format) {
        // (3) is not implied (3 occurs only in (-3 -4 5)), but the conflict after (2) uses 3 through
        // the units (4) and (-5), so (3) must be checked, and it fails
        Cnf cnf = withClause(5, new int[] {-3, -4, 5});
        List<Step> proof = steps(add(4), add(-5), add(3), add(-3, 2), add(2), add());
        assertInstanceOf(ProofCheck.Refuted.class, DratCheckerProofs.check(cnf, proof, format));
        ProofCheck r = backward(cnf, proof, format);
        assertEquals(new ProofCheck.Refuted("lemma 3 (" + DratCheckerProofs.where(proof, format).get(2)
                + ") is neither RUP nor RAT on its first literal 3"), r);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aDeletedClauseComesBackForTheChecksBeforeItsDeletion(Format format) {
        // (2) is RUP by (2 3) (2 -3), which are then deleted; (1) is RUP by (1 -2 4) (1 -2 -4) and the unit
        // 2, and refutes with (-1 -2 5) (-1 -2 -5). Checking (2) backward needs the deleted clauses back
        Cnf cnf = cnf(5, new int[] {2, 3}, new int[] {2, -3}, new int[] {1, -2, 4}, new int[] {1, -2, -4},
                new int[] {-1, -2, 5}, new int[] {-1, -2, -5});
        List<Step> proof = steps(add(2), del(3, 2), del(2, -3), add(1), add());
        ProofCheck forward = DratCheckerProofs.check(cnf, proof, format);
        assertEquals(new ProofCheck.Verified(2, 0, 2, 0), forward);
        assertEquals(new ProofCheck.Verified(2, 0, 2, 0, 2), backward(cnf, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aRestoredClauseWatchesItsLatestFalseLiteral(Format format) {
        // D = (3 1 2) is satisfied by 3 (forced by (-4 3) once (4) is added) when it is deleted, with 1
        // false since (-1) and 2 since (4). Going back past (4) unassigns 2 and 3 but not 1; checking (4)
        // then needs D to propagate 3 when 2 becomes false, so D must watch 2 (the later false literal)
        Cnf cnf = cnf(9, new int[] {3, 1, 2}, new int[] {-4, -2}, new int[] {-4, 3}, new int[] {-1, 5},
                new int[] {-1, -5}, new int[] {4, -2}, new int[] {4, -3, 6}, new int[] {4, -3, -6},
                new int[] {-7, -4, 9}, new int[] {-7, -4, -9}, new int[] {7, 8}, new int[] {7, -8});
        List<Step> proof = steps(add(-1), add(4), del(3, 1, 2), add(7), add());
        assertEquals(new ProofCheck.Verified(3, 0, 1, 0), DratCheckerProofs.check(cnf, proof, format));
        assertEquals(new ProofCheck.Verified(3, 0, 1, 0, 3), backward(cnf, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void pseudoBooleanReasonsAreFollowed(Format format) {
        // 1 + 2 + 5 ≥ 1; (-2 4) (-2 -4) make 2 false, (-5 6) (-5 -6) make 5 false, (-1 3) (-1 -3) make 1
        // false. Proof: (7) (not implied, and RAT is not allowed), (-1), (-5): after (-5) the constraint
        // forces 2, which conflicts. The conflict reaches (-1) only as a reason of the constraint's
        // propagation, so (-1) is checked; (7) is not
        PbConstraint atLeastOne = PbConstraint.of(new int[] {1, 2, 5}, new long[] {1, 1, 1}, 1);
        int[][] core = {{-2, 4}, {-2, -4}, {-5, 6}, {-5, -6}};
        List<int[]> clauses = new ArrayList<>(List.of(core));
        clauses.add(new int[] {-1, 3});
        clauses.add(new int[] {-1, -3});
        List<Step> proof = steps(add(7), add(-1), add(-5), add());
        List<String> where = DratCheckerProofs.where(proof, format);
        assertEquals(new ProofCheck.Refuted("lemma 1 (" + where.get(0)
                + ") is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)"),
                DratCheckerProofs.check(new Cnf(7, clauses), List.of(atLeastOne), proof, format));
        assertEquals(new ProofCheck.Verified(3, 0, 0, 0, 2), backward(new Cnf(7, clauses), List.of(atLeastOne), proof, format));
        // without (-1 3) (-1 -3) the formula is satisfiable (1 true) and (-1) is not RUP
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + where.get(1)
                + ") is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)"),
                backward(new Cnf(7, List.of(core)), List.of(atLeastOne), proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void outcomesBeforeAnyConflictMatchForwardChecking(Format format) {
        Cnf cnf = cnf(2, XOR_FREE);
        // no conflict: the counts name the lemmas read
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (1 lemma read)"),
                backward(cnf, steps(add(1, 2)), format));
        assertEquals(new ProofCheck.Refuted("the proof ends without deriving the empty clause (2 lemmas read)"),
                backward(cnf, steps(add(1, 2), add(1, 2, 3)), format));
        // an empty lemma before any conflict
        List<Step> empty = steps(add(1, 2), add());
        assertEquals(new ProofCheck.Refuted("lemma 2 (" + DratCheckerProofs.where(empty, format).get(1)
                + ") is the empty clause, but propagation finds no conflict"), backward(cnf, empty, format));
        assertEquals(DratCheckerProofs.check(cnf, empty, format), backward(cnf, empty, format));
        // malformed input is named as in forward checking
        byte[] cut = format == Format.TEXT ? "1 2 0\n1 -2".getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : new byte[] {'a', 2, 4, 0, 'a', 2, 5};
        ProofCheck forward = DratCheckerProofs.check(cnf, cut, format);
        assertInstanceOf(ProofCheck.Refuted.class, forward);
        assertTrue(((ProofCheck.Refuted) forward).reason().startsWith("truncated proof"), forward.toString());
        assertEquals(forward, DratCheckerProofs.checkBackward(cnf, List.of(), cut, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void deletionsThatDoNothingAreCountedAsIgnored(Format format) {
        // deleting a tautology, a clause not in the formula, and the reason of a top-level unit: all ignored
        Cnf cnf = cnf(2, XOR_FREE);
        List<Step> proof = steps(del(1, -1), del(1, 2, 3), add(2), del(2), add());
        // after (2): (1 -2) and (-1 -2) conflict, so the deletion of (2) is never read
        assertEquals(new ProofCheck.Verified(1, 0, 0, 2, 1), backward(cnf, proof, format));
        assertEquals(new ProofCheck.Verified(1, 0, 0, 2), DratCheckerProofs.check(cnf, proof, format));
        Cnf wider = withClause(3, new int[] {-3, 1, 2});
        List<Step> reason = steps(add(3, 1), add(-1, 3), add(3), del(3), add(-3, 2), add(2));
        ProofCheck f = DratCheckerProofs.check(wider, reason, format);
        assertEquals(f instanceof ProofCheck.Verified v ? v.ignoredDeletions() : -1,
                ((ProofCheck.Verified) backward(wider, reason, format)).ignoredDeletions(), f.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void aRatLemmaTheRefutationUsesIsCheckedAsRat(Format format) {
        // (3) is RAT (nothing contains -3 before (-3 2)), not RUP; after (-3 2), 3 forces 2 and the
        // clauses (1 -2) (-1 -2) conflict: the refutation uses (3)
        Cnf cnf = cnf(2, XOR_FREE);
        List<Step> proof = steps(add(3), add(-3, 2), add());
        assertEquals(new ProofCheck.Verified(2, 1, 0, 0), DratCheckerProofs.check(cnf, proof, format));
        assertEquals(new ProofCheck.Verified(2, 1, 0, 0, 2), backward(cnf, proof, format));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void theRatPivotIsTheFirstLiteralAsWritten(Format format) {
        // 5 is false at top level, so (5 3) is stored with 3 first, and it propagates 3, which conflicts
        // with (-3 4) (-3 -4). (5 3) is not RAT on 5 (its resolvent with (-5) is (3), not RUP), though it
        // would be on 3 (the resolvents (5 4), (5 -4) are RUP by (4 6) (4 -6) and (-4 7) (-4 -7))
        Cnf cnf = cnf(7, new int[] {-5}, new int[] {-3, 4}, new int[] {-3, -4}, new int[] {4, 6}, new int[] {4, -6},
                new int[] {-4, 7}, new int[] {-4, -7});
        assertBothRefute(cnf, steps(add(5, 3), add()), format, 1, "is neither RUP nor RAT on its first literal 5");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void cancellingWhileTheProofIsReadStopsIt(Format format) throws IOException {
        // 5000 copies of (1 2) and no conflict: the stream cancels after a fifth of the proof
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 5000; i++) steps.add(add(1, 2));
        byte[] proof = DratCheckerProofs.encode(steps, format);
        CancelToken token = new CancelToken();
        InputStream stream = new InputStream() {
            int served;

            @Override
            public int read() {
                if (served == proof.length / 5) token.cancel();
                return served < proof.length ? proof[served++] & 0xff : -1;
            }
        };
        assertEquals(new ProofCheck.Stopped("cancelled"), DratChecker.check(cnf(2, XOR_FREE), List.of(), stream, format,
                DratChecker.Order.BACKWARD, new Limits(Optional.empty(), token)));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"TEXT", "BINARY"})
    void limitsStopTheBackwardPass(Format format) throws IOException {
        // 5000 copies of the RUP lemma (1 2), then (2): the stream cancels once it has handed out its
        // last byte, so the conflict is reached and the backward pass must stop
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 5000; i++) steps.add(add(1, 2));
        steps.add(add(2));
        byte[] proof = DratCheckerProofs.encode(steps, format);
        Cnf cnf = cnf(2, XOR_FREE);
        // (2) is RUP by the CNF's (1 2) or by one copy of the lemma, whichever propagation meets first
        ProofCheck.Verified v = assertInstanceOf(ProofCheck.Verified.class,
                DratCheckerProofs.checkBackward(cnf, List.of(), proof, format));
        assertEquals(5001, v.lemmas());
        assertTrue(v.checkedLemmas() == 1 || v.checkedLemmas() == 2, v.toString());
        CancelToken token = new CancelToken();
        InputStream stream = new InputStream() {
            int served;

            @Override
            public int read() {
                if (served == proof.length) {
                    token.cancel();
                    return -1;
                }
                if (served == proof.length - 1) token.cancel();
                return proof[served++] & 0xff;
            }
        };
        ProofCheck r = DratChecker.check(cnf, List.of(), stream, format, DratChecker.Order.BACKWARD,
                new Limits(Optional.empty(), token));
        assertEquals(new ProofCheck.Stopped("cancelled"), r);
    }

    @ParameterizedTest
    @MethodSource("org.ermbit.reductions.cnf.DratCheckerSoundnessTest#seeds")
    void nothingVerifiesASatisfiableCnf(long seed) {
        Random rnd = new Random(seed);
        DratCheckerSoundnessTest.Planted p = DratCheckerSoundnessTest.planted(rnd);
        List<Step> dpll = new ArrayList<>();
        Cnf weaker = DratCheckerSoundnessTest.strengthened(rnd, p, dpll);
        List<Step> random = DratCheckerSoundnessTest.randomProof(rnd, p.cnf());
        List<Step> resolvents = DratCheckerSoundnessTest.resolventProof(rnd, p.cnf());
        List<Step> unitGames = DratCheckerSoundnessTest.unitProof(rnd, p.cnf());
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            for (List<Step> proof : List.of(random, resolvents, unitGames)) {
                ProofCheck r = backward(p.cnf(), proof, format);
                assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " " + format + " " + proof + ": " + r);
            }
            ProofCheck r = backward(weaker, dpll, format);
            assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " DPLL proof of a stronger CNF " + format + ": " + r);
        }
    }

    @ParameterizedTest
    @MethodSource("org.ermbit.reductions.cnf.DratCheckerPbSoundnessTest#seeds")
    void nothingVerifiesASatisfiableFormulaWithConstraints(long seed) {
        Random rnd = new Random(seed);
        Formula f = DratCheckerPbSoundnessTest.planted(rnd, DratCheckerPbSoundnessTest.randomModel(rnd));
        List<Step> random = DratCheckerSoundnessTest.randomProof(rnd, f.cnf());
        List<Step> implied = new ArrayList<>(DratCheckerPbFormulas.proof(f, rnd));
        implied.add(add());
        List<Step> stronger = DratCheckerPbSoundnessTest.strongerProof(rnd, f);
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            for (List<Step> proof : List.of(random, implied, stronger)) {
                ProofCheck r = backward(f.cnf(), f.pb(), proof, format);
                assertFalse(r instanceof ProofCheck.Verified, "seed " + seed + " " + format + " " + f + " " + proof + ": " + r);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.ermbit.reductions.cnf.DratCheckerCompletenessTest#seeds")
    void agreesWithForwardCheckingOnDpllProofs(long seed) {
        Random rnd = new Random(seed);
        Cnf cnf = DratCheckerCompletenessTest.randomCnf(rnd);
        boolean sat = DratCheckerDpll.bruteForceSatisfiable(cnf);
        DratCheckerDpll.Search search = DratCheckerDpll.search(cnf, rnd, seed % 3 != 0, seed % 4 < 2);
        List<Step> proof = seed % 2 == 0
                ? DratCheckerCompletenessTest.withDefinitions(search.proof(), cnf.variables(), rnd) : search.proof();
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck forward = DratCheckerProofs.check(cnf, proof, format);
            ProofCheck r = backward(cnf, proof, format);
            if (sat) {
                assertFalse(r instanceof ProofCheck.Verified, "satisfiable CNF verified, seed " + seed + " " + format);
                continue;
            }
            ProofCheck.Verified f = assertInstanceOf(ProofCheck.Verified.class, forward, "seed " + seed);
            ProofCheck.Verified b = assertInstanceOf(ProofCheck.Verified.class, r, "seed " + seed + " " + format);
            assertEquals(f.lemmas(), b.lemmas(), "seed " + seed + ": the same conflict");
            assertEquals(f.deletions() + f.ignoredDeletions(), b.deletions() + b.ignoredDeletions(), "seed " + seed);
            assertTrue(b.checkedLemmas() <= b.lemmas() && b.ratLemmas() <= b.checkedLemmas(), "seed " + seed + ": " + b);
            if (format == Format.TEXT) RESTORED.addAndGet(b.deletions());
        }
    }

    @ParameterizedTest
    @MethodSource("org.ermbit.reductions.cnf.DratCheckerSat4jTest#seeds")
    void checksSat4jsProofs(long seed) {
        List<List<Step>> proof = new ArrayList<>();
        Formula f = DratCheckerSat4jTest.unsatisfiable(new Random(seed), proof);
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck.Verified forward = assertInstanceOf(ProofCheck.Verified.class,
                    DratCheckerProofs.check(f.cnf(), f.pb(), proof.get(0), format), "seed " + seed);
            ProofCheck.Verified b = assertInstanceOf(ProofCheck.Verified.class,
                    backward(f.cnf(), f.pb(), proof.get(0), format), "seed " + seed + " " + format);
            assertEquals(forward.lemmas(), b.lemmas(), "seed " + seed + ": the same conflict");
            assertTrue(b.checkedLemmas() <= b.lemmas(), b.toString());
            if (format == Format.TEXT) {
                SAT4J_LEMMAS.addAndGet(b.lemmas());
                SAT4J_CHECKED.addAndGet(b.checkedLemmas());
            }
        }
        SAT4J_RUNS.incrementAndGet();
    }

    @ParameterizedTest
    @MethodSource("org.ermbit.reductions.cnf.DratCheckerSat4jTest#holes")
    void checksSat4jsPigeonholeProofs(int p) {
        Formula f = DratCheckerSat4jTest.pigeonhole(p);
        List<Step> proof = DratCheckerSat4jTest.sat4jProof(f);
        for (Format format : DratCheckerProofs.DRAT_FORMATS) {
            ProofCheck.Verified b = assertInstanceOf(ProofCheck.Verified.class, backward(f.cnf(), f.pb(), proof, format),
                    "pigeonhole " + p + " " + format);
            assertTrue(b.checkedLemmas() <= b.lemmas(), b.toString());
        }
    }

    /**
     * Over a full run: deleted clauses were brought back in verified proofs, and backward checking
     * skipped lemmas of Sat4j's proofs (its point).
     */
    @AfterAll
    static void theSeedsExercisedIt() {
        if (SAT4J_RUNS.get() < DratCheckerSat4jTest.SEEDS) return;
        assertTrue(RESTORED.get() >= 100, "deletions undone in verified proofs: " + RESTORED.get());
        assertTrue(SAT4J_CHECKED.get() < SAT4J_LEMMAS.get(), SAT4J_CHECKED + " of " + SAT4J_LEMMAS + " lemmas checked");
    }
}
