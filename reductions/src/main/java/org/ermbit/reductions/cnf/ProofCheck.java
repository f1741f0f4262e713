package org.ermbit.reductions.cnf;

/**
 * The outcome of checking a DRAT proof of unsatisfiability against a CNF, with pseudo-Boolean
 * constraints or not ({@link DratChecker}):
 * the proof is a refutation, it is not one (with the first reason), or the check was stopped by its
 * limits before it could tell.
 */
public sealed interface ProofCheck {
    /**
     * The formula with the proof's lemmas propagates to a conflict, and every lemma that conflict
     * depends on was checked (RUP, or RAT on its first literal when there are no pseudo-Boolean
     * constraints): the CNF (with its pseudo-Boolean constraints) is unsatisfiable.
     *
     * @param lemmas     the additions up to and including the one after which propagation conflicts
     *                   (that is the empty clause only when no earlier lemma already made propagation
     *                   conflict; the rest of the proof is not read)
     * @param ratLemmas  of the checked lemmas, those that needed the RAT check (0 with pseudo-Boolean
     *                   constraints)
     * @param deletions  deletions carried out
     * @param ignoredDeletions deletions not carried out: of a clause that is not in the formula, or of a
     *                   clause that is the reason of a top-level assignment (keeping a clause is always sound)
     * @param checkedLemmas lemmas checked: all of {@code lemmas} (forward checking), or those the
     *                   conflict depends on (backward checking, {@link DratChecker.Order#BACKWARD})
     */
    record Verified(long lemmas, long ratLemmas, long deletions, long ignoredDeletions, long checkedLemmas)
            implements ProofCheck {
        /** A forward check's outcome: every lemma was checked. */
        public Verified(long lemmas, long ratLemmas, long deletions, long ignoredDeletions) {
            this(lemmas, ratLemmas, deletions, ignoredDeletions, lemmas);
        }
    }

    /** The proof does not show unsatisfiability: {@code reason} names the first failing lemma or the malformed input. */
    record Refuted(String reason) implements ProofCheck {
    }

    /** The limits stopped the check before it ended; {@code reason} is "timeout" or "cancelled". */
    record Stopped(String reason) implements ProofCheck {
    }
}
