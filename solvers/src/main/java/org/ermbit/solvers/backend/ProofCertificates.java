package org.ermbit.solvers.backend;

import org.ermbit.core.spi.UnsatCertificate;
import org.ermbit.reductions.cnf.ProofCheck;

/**
 * How a backend that refutes its formula with a clausal proof reports the check of that proof
 * ({@link org.ermbit.reductions.cnf.DratChecker}): the certificate of a verified proof, and the
 * reasons for a proof that does not check (an error, never an answer) or whose check the limits stopped.
 * Two kinds exist: a DRAT (or, from PicoSAT, RUP) proof of the CNF a SAT solver was given, and a DRUP
 * proof over the pseudo-Boolean constraints Sat4j was given.
 */
public final class ProofCertificates {
    /** Proof format of a CNF refutation. */
    public static final String DRAT = "DRAT";
    /** Proof format of a CNF refutation by PicoSAT (reverse unit propagation, no deletions). */
    public static final String RUP = "RUP";
    /** Proof format of a refutation of pseudo-Boolean constraints by learned clauses. */
    public static final String DRUP = "DRUP";

    private ProofCertificates() {
    }

    /** The certificate of a verified DRAT proof of the CNF the backend was given. */
    public static UnsatCertificate ofCnf(ProofCheck.Verified v) {
        return ofCnf(DRAT, v);
    }

    /** The certificate of a verified proof in {@code format} ({@link #DRAT} or {@link #RUP}) of the CNF the backend was given. */
    public static UnsatCertificate ofCnf(String format, ProofCheck.Verified v) {
        return new UnsatCertificate(format, format + " proof of its CNF checked: " + lemmas(v));
    }

    /** The certificate of a verified DRUP proof of the pseudo-Boolean (PB) constraints the backend was given. */
    public static UnsatCertificate ofPseudoBoolean(ProofCheck.Verified v) {
        return new UnsatCertificate(DRUP, DRUP + " proof of its PB constraints checked: " + lemmas(v));
    }

    /** The error reason when {@code backend}'s proof in {@code format} does not check. */
    public static String refuted(String backend, String format, ProofCheck.Refuted r) {
        return backend + " answered UNSAT, but its " + format + " proof does not check: " + r.reason();
    }

    /** Why the limits stopped the check of {@code backend}'s proof in {@code format}. */
    public static String stopped(String backend, String format, ProofCheck.Stopped s) {
        return s.reason() + " while checking " + backend + "'s " + format + " proof";
    }

    /** "N lemmas" when all were checked, else "the K of N lemmas the refutation uses" (backward checking). */
    private static String lemmas(ProofCheck.Verified v) {
        String all = v.lemmas() + (v.lemmas() == 1 ? " lemma" : " lemmas");
        return v.checkedLemmas() == v.lemmas() ? all : "the " + v.checkedLemmas() + " of " + all + " the refutation uses";
    }
}
