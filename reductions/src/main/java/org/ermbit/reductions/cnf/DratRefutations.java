package org.ermbit.reductions.cnf;

/**
 * The reasons a {@link DratChecker} gives when a proof is not a refutation, shared by forward and
 * backward checking so that both name a failure in the same words.
 */
final class DratRefutations {

    private DratRefutations() {
    }

    /** The proof ended before propagation conflicted; {@code counted} says which lemmas: "checked" or "read". */
    static ProofCheck.Refuted endsWithoutConflict(long lemmas, String counted) {
        return new ProofCheck.Refuted("the proof ends without deriving the empty clause (" + lemmas
                + (lemmas == 1 ? " lemma " : " lemmas ") + counted + ")");
    }

    /** Lemma {@code number} (at {@code where}) is the empty clause, but the formula propagates without conflict. */
    static ProofCheck.Refuted emptyNotRup(long number, String where) {
        return new ProofCheck.Refuted("lemma " + number + " (" + where + ") is the empty clause, but propagation finds no conflict");
    }

    /** Lemma {@code number} is not RUP, and RAT is not allowed next to pseudo-Boolean constraints. */
    static ProofCheck.Refuted notRup(long number, String where) {
        return new ProofCheck.Refuted("lemma " + number + " (" + where
                + ") is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)");
    }

    /** Lemma {@code number} is neither RUP nor RAT on its first literal {@code pivot} (DIMACS). */
    static ProofCheck.Refuted neitherRupNorRat(long number, String where, int pivot) {
        return new ProofCheck.Refuted("lemma " + number + " (" + where + ") is neither RUP nor RAT on its first literal " + pivot);
    }
}
