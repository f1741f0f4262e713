package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.ermbit.core.spi.Limits;

/**
 * Checks a DRAT proof that a CNF is unsatisfiable, as an external SAT solver such as CaDiCaL writes it
 * next to an UNSAT answer, so that the answer is certified rather than trusted.
 *
 * <h2>What is checked (forward checking, like drat-trim's forward mode)</h2>
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
 * <h2>Why a {@code Verified} answer is sound</h2>
 * Every step keeps F satisfiable if it was: a RUP lemma is implied by F (the trail is implied by F,
 * because the reason of a top-level assignment is never deleted); a RAT lemma C on p keeps F
 * satisfiable (a model of F that falsifies C becomes a model of F ∧ C when p is flipped); a deletion
 * only removes clauses. Each addition is checked against F as it is at that moment; an ignored
 * deletion only means that F keeps a clause, and later steps are checked against that F, so the
 * argument holds whatever deletions were ignored. So when F propagates to a conflict, F is
 * unsatisfiable, and so is the CNF.
 *
 * <h2>Outcomes</h2>
 * {@link ProofCheck.Verified}; {@link ProofCheck.Refuted} with one line naming the first failing lemma
 * and where it is (line for text, byte offset of its step for binary), or what is malformed and where,
 * or that the proof ends without a conflict; {@link ProofCheck.Stopped} when {@link Limits#expired()}
 * (looked at before starting, every 256 steps and every ~100k clause visits of propagation). Only a
 * failure of the stream itself is an {@link IOException}.
 *
 * <h2>Cost</h2>
 * The proof is streamed (one buffer and one clause in memory). Clauses live in one int arena with two
 * watched literals each; memory grows with the live clauses (deleted ones are compacted away), with
 * the largest CNF variable clauses use, and with the number of variables the proof adds beyond the
 * CNF's (they get dense indices: a proof's variable 2^28 costs no more than the next free one). Lemmas
 * that are not RUP need the clauses containing the negated pivot: occurrence lists are built at the
 * first such lemma and kept up to date from then on, so proofs without RAT lemmas (most solver
 * proofs) pay nothing for them.
 */
public final class DratChecker {

    /**
     * Proof encodings: DRAT text ({@code 1 -2 0} adds a clause, {@code d 1 -2 0} deletes one, lines
     * starting with {@code c} are comments) and binary DRAT (a byte {@code 'a'} or {@code 'd'}, then the
     * literals as variable-length unsigned integers {@code 2*var + (negative ? 1 : 0)}, 7 bits per byte,
     * low bits first, high bit set when more bytes follow, then a 0).
     */
    public enum Format { TEXT, BINARY }

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
        return check(cnf, proof, format, limits, DratClauseDatabase.COMPACT_ABOVE);
    }

    /** {@link #check(Cnf, InputStream, Format, Limits)} compacting deleted clauses away above {@code compactAbove} ints (after every deletion when negative). */
    static ProofCheck check(Cnf cnf, InputStream proof, Format format, Limits limits, int compactAbove) throws IOException {
        Objects.requireNonNull(cnf, "cnf");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        if (cnf.variables() > DratProofReader.MAX_VARIABLE) {
            throw new IllegalArgumentException("a CNF of more than 2^28 variables: " + cnf.variables());
        }
        if (limits.expired()) return new ProofCheck.Stopped(limits.stopReason());
        DratClauseDatabase db = new DratClauseDatabase(cnf.variables(), cnf.clauses().size(), limits, compactAbove);
        int loaded = 0;
        for (int[] c : cnf.clauses()) {
            if (++loaded % 4096 == 0 && limits.expired()) return new ProofCheck.Stopped(limits.stopReason());
            if (db.prepare(c, c.length) < 0) continue; // a tautology constrains nothing
            int r = db.add();
            if (r == DratClauseDatabase.CONFLICT) return new ProofCheck.Verified(0, 0, 0, 0);
            if (r == DratClauseDatabase.STOPPED) return new ProofCheck.Stopped(limits.stopReason());
        }
        return new Run(db, DratProofReader.of(proof, format), limits).run();
    }

    /** One pass over the proof, with its counters. */
    private static final class Run {
        private final DratClauseDatabase db;
        private final DratProofReader reader;
        private final Limits limits;
        private long lemmas;
        private long ratLemmas;
        private long deletions;
        private long ignoredDeletions;

        Run(DratClauseDatabase db, DratProofReader reader, Limits limits) {
            this.db = db;
            this.reader = reader;
            this.limits = limits;
        }

        ProofCheck run() throws IOException {
            long steps = 0;
            try {
                while (true) {
                    if (++steps % LIMITS_EVERY == 0 && limits.expired()) return stopped();
                    if (!reader.next()) {
                        return new ProofCheck.Refuted("the proof ends without deriving the empty clause ("
                                + lemmas + (lemmas == 1 ? " lemma" : " lemmas") + " checked)");
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
                            return new ProofCheck.Refuted("lemma " + lemmas + " (" + reader.where()
                                    + ") is the empty clause, but propagation finds no conflict");
                        }
                        r = db.rat();
                        if (r == DratClauseDatabase.FAILED) {
                            db.backtrack();
                            return new ProofCheck.Refuted("lemma " + lemmas + " (" + reader.where()
                                    + ") is neither RUP nor RAT on its first literal " + db.firstLiteral());
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
