package org.ermbit.reductions.cnf;

import java.io.IOException;
import java.util.Arrays;
import org.ermbit.core.spi.Limits;

/**
 * Backward checking of a proof ({@link DratChecker.Order#BACKWARD}, like drat-trim's default mode), on a
 * {@link DratClauseDatabase} with history. First the proof is read up to the addition after which
 * propagation conflicts, adding lemmas and carrying out deletions without checking anything, and
 * that conflict is analysed: the clauses it depends on are marked. Then the steps are undone from
 * the last to the first; a marked lemma is checked against the formula as it was before its addition,
 * and the clauses that check depends on are marked in turn. Lemmas nothing marked are never checked.
 *
 * <p>Why a {@code Verified} outcome is sound: let F* be the CNF (and pseudo-Boolean axioms) with the
 * marked lemmas, in proof order. Each marked lemma was checked against the formula before it, which
 * may hold unmarked lemmas too, but the check's conflicts were analysed, so it rests on clauses of F*
 * only: it is RUP in F* before it (a RAT check looks at more clauses than F* has, which only makes it
 * stricter). By induction each marked lemma keeps F* satisfiable if it was, and the final conflict
 * rests on F* alone, so the CNF is unsatisfiable.
 */
final class DratBackwardCheck {

    private static final int LIMITS_EVERY = 256;

    private final DratClauseDatabase db;
    private final DratProofReader reader;
    private final Limits limits;
    private final boolean ratAllowed;

    /** The steps that changed the formula: lemma index + 1 for an addition, -ref for a deletion. */
    private int[] steps = new int[1024];
    private int stepCount;
    /** Per stored lemma: its clause, the trail length before it, its number, where it is, its first literal. */
    private int[] refs = new int[256];
    private int[] trailBefore = new int[256];
    private long[] numbers = new long[256];
    private long[] positions = new long[256];
    private int[] pivots = new int[256];
    private int stored;

    private long lemmas;
    private long checked;
    private long ratLemmas;
    private long deletions;
    private long ignoredDeletions;

    DratBackwardCheck(DratClauseDatabase db, DratProofReader reader, Limits limits, boolean ratAllowed) {
        this.db = db;
        this.reader = reader;
        this.limits = limits;
        this.ratAllowed = ratAllowed;
    }

    ProofCheck run() throws IOException {
        try {
            ProofCheck forward = readToConflict();
            return forward != null ? forward : checkBackward();
        } catch (MalformedProofException e) {
            return new ProofCheck.Refuted(e.getMessage());
        }
    }

    /** Reads and applies the proof up to the conflict (then null, with the conflict analysed), or the outcome. */
    private ProofCheck readToConflict() throws IOException, MalformedProofException {
        long read = 0;
        while (true) {
            if (++read % LIMITS_EVERY == 0 && limits.expired()) return stopped();
            if (!reader.next()) {
                return DratRefutations.endsWithoutConflict(lemmas, "read");
            }
            int size = db.prepare(reader.literals(), reader.size());
            if (reader.deletion()) {
                if (size >= 0 && db.delete() == DratClauseDatabase.REMOVED) {
                    deletions++;
                    step(-db.lastRef());
                } else {
                    ignoredDeletions++; // tautologies are not stored
                }
                continue;
            }
            lemmas++;
            if (size < 0) continue; // a tautology: RUP, and constrains nothing
            if (size == 0) { // the formula propagates without conflict: the empty clause is not RUP
                return DratRefutations.emptyNotRup(lemmas, reader.where());
            }
            int mark = db.trailSize();
            int pivot = ratAllowed ? db.firstLiteral() : 0;
            int r = db.add();
            int ref = db.lastRef();
            store(ref, mark, pivot);
            if (r == DratClauseDatabase.STOPPED) return stopped();
            if (r == DratClauseDatabase.CONFLICT) {
                db.mark(ref); // the analysis reaches it too (the conflict is new with it); marked here regardless
                db.analyze();
                return null;
            }
        }
    }

    /** Undoes the steps from the last, checking the marked lemmas. */
    private ProofCheck checkBackward() {
        db.preferMarked(true);
        for (int k = stepCount - 1; k >= 0; k--) {
            if (k % LIMITS_EVERY == 0 && limits.expired()) return stopped();
            int step = steps[k];
            if (step < 0) {
                db.restore(-step);
                continue;
            }
            int i = step - 1;
            db.retract(refs[i]);
            db.undoTo(trailBefore[i]);
            if (!db.marked(refs[i])) continue;
            checked++;
            db.load(refs[i], pivots[i]);
            int r = db.rup();
            if (r == DratClauseDatabase.CONFLICT) {
                db.analyze();
                db.backtrack();
                continue;
            }
            if (r == DratClauseDatabase.STOPPED) {
                db.backtrack();
                return stopped();
            }
            if (!ratAllowed) {
                db.backtrack();
                return DratRefutations.notRup(numbers[i], reader.where(positions[i]));
            }
            r = db.rat();
            db.backtrack();
            if (r == DratClauseDatabase.FAILED) {
                return DratRefutations.neitherRupNorRat(numbers[i], reader.where(positions[i]), pivots[i]);
            }
            if (r == DratClauseDatabase.STOPPED) return stopped();
            ratLemmas++;
        }
        return new ProofCheck.Verified(lemmas, ratLemmas, deletions, ignoredDeletions, checked);
    }

    private void step(int value) {
        if (stepCount == steps.length) steps = Arrays.copyOf(steps, 2 * stepCount);
        steps[stepCount++] = value;
    }

    private void store(int ref, int mark, int pivot) {
        if (stored == refs.length) {
            int n = 2 * stored;
            refs = Arrays.copyOf(refs, n);
            trailBefore = Arrays.copyOf(trailBefore, n);
            numbers = Arrays.copyOf(numbers, n);
            positions = Arrays.copyOf(positions, n);
            pivots = Arrays.copyOf(pivots, n);
        }
        refs[stored] = ref;
        trailBefore[stored] = mark;
        numbers[stored] = lemmas;
        positions[stored] = reader.stepPosition();
        pivots[stored] = pivot;
        stored++;
        step(stored);
    }

    private ProofCheck stopped() {
        return new ProofCheck.Stopped(limits.stopReason());
    }
}
