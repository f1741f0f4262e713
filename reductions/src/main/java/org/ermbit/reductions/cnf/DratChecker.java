package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.ermbit.core.spi.Limits;

/**
 * Checks a DRAT proof that a CNF is unsatisfiable, as an external SAT solver such as CaDiCaL writes it
 * next to an UNSAT answer, so that the answer is certified rather than trusted; or a clausal DRUP proof
 * that a CNF together with pseudo-Boolean constraints ({@link PbConstraint}) is unsatisfiable, as a
 * resolution-based pseudo-Boolean solver (Sat4j's default one) learns it.
 *
 * <h2>What is checked (forward checking, like drat-trim's forward mode; the default)</h2>
 * The checker keeps a formula F, initially the CNF, and the top-level trail: every literal unit
 * propagation of F forces. If the CNF contains the empty clause or its propagation conflicts, it is
 * refuted without lemmas ({@code Verified(0, …)}, the proof is not read). Then every step of the proof,
 * in order:
 * <ul>
 *   <li><b>Addition</b> of a lemma C (lemma numbers count additions from 1). C must be <b>RUP</b>:
 *       assigning the negation of each literal of C on top of the trail, unit propagation conflicts.
 *       Otherwise C must be <b>RAT</b> on its first literal p <em>as written in the proof</em>: for every
 *       clause D of F that contains -p, the resolvent C ∪ (D \ {-p}) is RUP (a tautological resolvent
 *       counts as RUP). The empty lemma has no first literal and must be RUP. Then C joins F and is
 *       propagated at top level; when that conflicts (C is empty, or all its literals are false, or it
 *       is unit and its propagation conflicts), the CNF is refuted: {@link ProofCheck.Verified}, and
 *       the rest of the proof is not read.</li>
 *   <li><b>Deletion</b> of a clause: one clause of F with the same set of literals is removed (order and
 *       repeated literals do not matter; when F holds the clause several times, one copy goes). A
 *       deletion of a clause not in F, or of a clause that is the reason of a top-level assignment
 *       (like drat-trim, which ignores deletions of unit clauses), is not carried out and counts in
 *       {@code ignoredDeletions}. Clauses of the CNF may be deleted.</li>
 * </ul>
 * Repeated literals in a clause count once; a tautological clause (with a literal and its negation) is
 * trivially RUP, counts as a lemma, and is not stored (deleting it later counts as ignored). Lemmas may use variables
 * beyond the CNF's (extended resolution), up to 2^28; a larger variable, or a literal that
 * does not fit in an int, is malformed.
 *
 * <h2>Pseudo-Boolean axioms</h2>
 * With constraints Σ aᵢ·ℓᵢ ≥ d ({@link #check(Cnf, List, InputStream, Format, Limits)}), F also holds
 * them, for good: deletions apply to clauses only. Each is first saturated (aᵢ := min(aᵢ, d), which
 * keeps its solutions); those with d ≤ 0 are dropped. Unit propagation then also propagates every
 * constraint by its slack Σ{aᵢ : ℓᵢ not false} − d: a negative slack is a conflict, and an unassigned
 * ℓᵢ with aᵢ greater than the slack is forced true (this is generalised arc consistency for one
 * constraint). This holds at top level — the constraints are propagated before the clauses are
 * loaded, and one that cannot be satisfied, or a conflict of their propagation, refutes the formula
 * with {@code Verified(0, …)} — and in every RUP check. Lemmas must be RUP: RAT is not defined against
 * pseudo-Boolean constraints, so a lemma that is not RUP is refuted (with the reason "RAT is not
 * checked when the formula has pseudo-Boolean constraints") and {@code ratLemmas} stays 0. Checking
 * computes in long, so a constraint with d &gt; 0 and Σ min(aᵢ, d) ≥ 2^62 cannot be checked:
 * {@link #supports} tells beforehand, and the check throws {@link IllegalArgumentException} naming it.
 * With an empty list of constraints everything is as for a CNF alone.
 *
 * <h2>Why a {@code Verified} answer is sound</h2>
 * Every step keeps F satisfiable if it was: a RUP lemma is implied by F (the trail is implied by F,
 * because the reason of a top-level assignment is never deleted); a RAT lemma C on p keeps F
 * satisfiable (a model of F that falsifies C becomes a model of F ∧ C when p is flipped); a deletion
 * only removes clauses. Each addition is checked against F as it is at that moment; an ignored
 * deletion only means that F keeps a clause, and later steps are checked against that F, so the
 * argument holds whatever deletions were ignored. So when F propagates to a conflict, F is
 * unsatisfiable, and so is the CNF. With pseudo-Boolean axioms the same argument holds with RUP alone:
 * slack propagation only derives literals every model of the constraint (under the current
 * assignment) has — a literal whose coefficient exceeds the slack cannot be false, as the rest sum to
 * less than d — and a negative slack means that no assignment extending the current one satisfies the
 * constraint; the constraints are never deleted, so every RUP lemma is implied by the CNF and the
 * constraints.
 *
 * <h2>Backward checking</h2>
 * With {@link Order#BACKWARD} (drat-trim's default mode) the same formula F goes through the same steps,
 * but in two passes. First the proof is read up to the addition after which F propagates to a
 * conflict, adding every lemma without a check (a tautology is skipped as above; an empty lemma
 * before any conflict is refuted at once, as it could not be RUP), and the conflict is analysed:
 * the lemma and every clause the conflict depends on through the reasons of the assignments
 * involved (back through top-level units and pseudo-Boolean propagations) are marked. Then the steps
 * are undone from the last to the first — a lemma leaves F, the top-level trail goes back to what it
 * was before it, a deleted clause comes back — and each <em>marked</em> lemma is checked as above
 * (RUP, or RAT on its first literal as written) against F as it was before the lemma, propagating
 * marked clauses first (core-first); the conflicts of that check are analysed in turn, marking what
 * they depend on. A lemma nothing marks is never checked, so a proof with an unneeded lemma that is
 * not implied still verifies, and a failing lemma is the latest marked one that fails. It is sound
 * for the same reason as forward checking, applied to F* = the CNF and constraints with the marked
 * lemmas only: each marked lemma was checked against a formula holding F*'s clauses before it, and its
 * check rests on clauses of F* alone (conflict analysis marked them), so it is RUP (or RAT: the check
 * looked at more clauses with the negated pivot than F* has) in F*; the final conflict rests on F*.
 * The cost is memory: every clause the proof ever adds stays until the end (no compaction). The
 * outcome counts both: {@code lemmas} read up to the conflict, {@code checkedLemmas} checked.
 *
 * <h2>Outcomes</h2>
 * {@link ProofCheck.Verified}; {@link ProofCheck.Refuted} with one line naming the first failing lemma
 * and where it is (line for text, byte offset of its step for binary), or what is malformed and where,
 * or that the proof ends without a conflict; {@link ProofCheck.Stopped} when {@link Limits#expired()}
 * (looked at before starting, every 256 steps and every ~100k clause or constraint visits of
 * propagation). Only a failure of the stream itself is an {@link IOException}.
 *
 * <h2>Cost</h2>
 * The proof is streamed (one buffer and one clause in memory). Clauses live in one int arena with two
 * watched literals each; memory grows with the live clauses (deleted ones are compacted away), with
 * the largest CNF variable clauses use, and with the number of variables the proof adds beyond the
 * CNF's (they get dense indices: a proof's variable 2^28 costs no more than the next free one). Lemmas
 * that are not RUP need the clauses containing the negated pivot: occurrence lists are built at the
 * first such lemma and kept up to date from then on, so proofs without RAT lemmas (most solver
 * proofs) pay nothing for them. Pseudo-Boolean constraints are stored once, literals by decreasing
 * coefficient, with an occurrence list per literal and a slack per constraint kept up to date as
 * literals are assigned and unassigned: each assignment costs one visit per occurrence of the newly
 * false literal, and a constraint propagates by scanning only its literals with coefficients above
 * the slack.
 */
public final class DratChecker {

    /**
     * Proof encodings: DRAT text ({@code 1 -2 0} adds a clause, {@code d 1 -2 0} deletes one, lines
     * starting with {@code c} are comments) and binary DRAT (a byte {@code 'a'} or {@code 'd'}, then the
     * literals as variable-length unsigned integers {@code 2*var + (negative ? 1 : 0)}, 7 bits per byte,
     * low bits first, high bit set when more bytes follow, then a 0), and PicoSAT's RUP proofs
     * ({@code picosat -R FILE}: a first line {@code %RUPD32 VARIABLES CLAUSES}, then lemmas as in DRAT
     * text, without deletions).
     */
    public enum Format { TEXT, BINARY, RUP }

    /**
     * In which order lemmas are checked. {@link #FORWARD}: every lemma as it is read, streaming the
     * proof (memory grows with the live clauses only). {@link #BACKWARD} (like drat-trim's default
     * mode): the proof is first read up to the conflict without checking anything, keeping every
     * clause it ever adds, then the lemmas are checked from the last to the first, and only those the
     * conflict depends on, through conflict analysis of each check (see "Backward checking" in the
     * class description).
     */
    public enum Order { FORWARD, BACKWARD }

    private static final int LIMITS_EVERY = 256;

    private DratChecker() {}

    /**
     * Checks that {@code proof}, in {@code format}, refutes {@code cnf} (see the class description).
     * The stream is read, not closed; it needs no buffering of its own.
     *
     * @throws IOException only when reading the stream fails
     * @throws IllegalArgumentException when the CNF declares more than 2^28 variables
     */
    public static ProofCheck check(Cnf cnf, InputStream proof, Format format, Limits limits) throws IOException {
        return check(cnf, List.of(), proof, format, limits);
    }

    /**
     * Checks that {@code proof}, in {@code format}, refutes the formula of the clauses of {@code cnf}
     * and the pseudo-Boolean constraints {@code pb} (see the class description; with no constraints,
     * the same as {@link #check(Cnf, InputStream, Format, Limits)}). The stream is read, not closed.
     *
     * @throws IOException only when reading the stream fails
     * @throws IllegalArgumentException when the CNF or a constraint has a variable beyond 2^28, or a
     *                                  constraint is not {@link #supports supported} (it is named)
     */
    public static ProofCheck check(Cnf cnf, List<PbConstraint> pb, InputStream proof, Format format, Limits limits)
            throws IOException {
        return check(cnf, pb, proof, format, Order.FORWARD, limits);
    }

    /**
     * As {@link #check(Cnf, List, InputStream, Format, Limits)}, checking the lemmas in {@code order}.
     *
     * @throws IOException only when reading the stream fails
     * @throws IllegalArgumentException when the CNF or a constraint has a variable beyond 2^28, or a
     *                                  constraint is not {@link #supports supported} (it is named)
     */
    public static ProofCheck check(Cnf cnf, List<PbConstraint> pb, InputStream proof, Format format, Order order,
            Limits limits) throws IOException {
        return check(cnf, pb, proof, format, order, limits, DratClauseDatabase.COMPACT_ABOVE);
    }

    /**
     * Whether {@link #check(Cnf, List, InputStream, Format, Limits)} can check against {@code pb}: every
     * constraint with a positive degree d has a saturated coefficient sum Σ min(aᵢ, d) below 2^62 (the
     * check computes in long).
     */
    public static boolean supports(List<PbConstraint> pb) {
        for (PbConstraint p : pb) if (!DratPbConstraints.fits(p)) return false;
        return true;
    }

    /** The check compacting deleted clauses away above {@code compactAbove} ints (after every deletion when negative). */
    static ProofCheck check(Cnf cnf, List<PbConstraint> pb, InputStream proof, Format format, Order order,
            Limits limits, int compactAbove) throws IOException {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(cnf, "cnf");
        Objects.requireNonNull(pb, "pb");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        int variables = Math.max(cnf.variables(), DratPbConstraints.maxVariable(pb));
        if (variables > DratProofReader.MAX_VARIABLE) {
            throw new IllegalArgumentException("a formula of more than 2^28 variables: " + variables);
        }
        DratPbConstraints constraints = pb.isEmpty() ? null : new DratPbConstraints(pb, limits);
        if (limits.expired()) return new ProofCheck.Stopped(limits.stopReason());
        boolean backward = order == Order.BACKWARD;
        DratClauseDatabase db = new DratClauseDatabase(variables, cnf.clauses().size(), limits, compactAbove, constraints,
                backward);
        if (constraints != null) {
            int r = db.propagatePb();
            if (r == DratClauseDatabase.CONFLICT) return new ProofCheck.Verified(0, 0, 0, 0);
            if (r == DratClauseDatabase.STOPPED) return new ProofCheck.Stopped(limits.stopReason());
        }
        int loaded = 0;
        for (int[] c : cnf.clauses()) {
            if (++loaded % 4096 == 0 && limits.expired()) return new ProofCheck.Stopped(limits.stopReason());
            if (db.prepare(c, c.length) < 0) continue; // a tautology constrains nothing
            int r = db.add();
            if (r == DratClauseDatabase.CONFLICT) return new ProofCheck.Verified(0, 0, 0, 0);
            if (r == DratClauseDatabase.STOPPED) return new ProofCheck.Stopped(limits.stopReason());
        }
        DratProofReader reader = DratProofReader.of(proof, format);
        if (backward) return new DratBackwardCheck(db, reader, limits, constraints == null).run();
        return new Run(db, reader, limits, constraints == null).run();
    }

    /** One pass over the proof, with its counters. */
    private static final class Run {
        private final DratClauseDatabase db;
        private final DratProofReader reader;
        private final Limits limits;
        /** False when the formula has pseudo-Boolean constraints: lemmas must then be RUP. */
        private final boolean ratAllowed;
        private long lemmas;
        private long ratLemmas;
        private long deletions;
        private long ignoredDeletions;

        Run(DratClauseDatabase db, DratProofReader reader, Limits limits, boolean ratAllowed) {
            this.db = db;
            this.reader = reader;
            this.limits = limits;
            this.ratAllowed = ratAllowed;
        }

        ProofCheck run() throws IOException {
            long steps = 0;
            try {
                while (true) {
                    if (++steps % LIMITS_EVERY == 0 && limits.expired()) return stopped();
                    if (!reader.next()) {
                        return DratRefutations.endsWithoutConflict(lemmas, "checked");
                    }
                    int size = db.prepare(reader.literals(), reader.size());
                    if (reader.deletion()) {
                        delete(size);
                        continue;
                    }
                    lemmas++;
                    if (size < 0) continue; // a tautology: RUP, and constrains nothing
                    int r = db.rup();
                    if (r == DratClauseDatabase.OK) {
                        if (size == 0) {
                            db.backtrack();
                            return DratRefutations.emptyNotRup(lemmas, reader.where());
                        }
                        if (!ratAllowed) {
                            db.backtrack();
                            return DratRefutations.notRup(lemmas, reader.where());
                        }
                        r = db.rat();
                        if (r == DratClauseDatabase.FAILED) {
                            db.backtrack();
                            return DratRefutations.neitherRupNorRat(lemmas, reader.where(), db.firstLiteral());
                        }
                        if (r == DratClauseDatabase.OK) ratLemmas++;
                    }
                    db.backtrack();
                    if (r == DratClauseDatabase.STOPPED) return stopped();
                    r = db.add();
                    if (r == DratClauseDatabase.CONFLICT) {
                        return new ProofCheck.Verified(lemmas, ratLemmas, deletions, ignoredDeletions);
                    }
                    if (r == DratClauseDatabase.STOPPED) return stopped();
                }
            } catch (MalformedProofException e) {
                return new ProofCheck.Refuted(e.getMessage());
            }
        }

        private void delete(int size) {
            if (size < 0) { // tautologies are not stored
                ignoredDeletions++;
                return;
            }
            if (db.delete() == DratClauseDatabase.REMOVED) {
                deletions++;
            } else {
                ignoredDeletions++;
            }
        }

        private ProofCheck stopped() {
            return new ProofCheck.Stopped(limits.stopReason());
        }
    }
}
