package org.ermbit.solvers.sat4j;

import java.util.Locale;

/**
 * Whether the {@code sat4j} backend records the clauses its engine learns and checks them as a DRUP
 * proof before it reports UNSAT, and in which order ({@code -Dermbit.sat4j.proof}, {@link Sat4jProvider#PROOF_PROPERTY}).
 */
public enum Sat4jProofs {
    /** No proof is recorded; an UNSAT is Sat4j's claim. */
    OFF,
    /**
     * The default: the proof is checked backward (only the lemmas the refutation uses) when it fits in
     * a 32nd of the heap, since the checker then keeps every clause, and forward otherwise
     * ({@link org.ermbit.solvers.backend.ProofCheckOrder}).
     */
    CHECK,
    /** The proof is checked forward, every lemma in order, with the least memory. */
    FORWARD;

    /** The value of {@code -Dermbit.sat4j.proof} that selects this setting. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting named {@code name} ({@code off}, {@code check}, {@code forward}). */
    public static Sat4jProofs parse(String name) {
        for (Sat4jProofs p : values()) {
            if (p.optionName().equals(name)) return p;
        }
        throw new IllegalArgumentException("expected check, forward or off");
    }
}
