package org.ermbit.solvers.backend;

import org.ermbit.core.spi.UnsatCertificate;
import org.ermbit.reductions.cnf.ProofCheck;

/**
 * How a backend that refutes a CNF with a DRAT proof reports the check of that proof
 * ({@link org.ermbit.reductions.cnf.DratChecker}): the certificate of a verified proof, and the
 * reasons for a proof that does not check (an error, never an answer) or whose check the limits stopped.
 */
public final class DratCertificates {
    private DratCertificates() {
    }

    /** The certificate of a verified proof of the CNF the backend was given. */
    public static UnsatCertificate of(ProofCheck.Verified v) {
        return new UnsatCertificate("DRAT", "DRAT proof of its CNF checked: " + v.lemmas() + (v.lemmas() == 1 ? " lemma" : " lemmas"));
    }

    /** The error reason when {@code backend}'s proof does not check. */
    public static String refuted(String backend, ProofCheck.Refuted r) {
        return backend + " answered UNSAT, but its DRAT proof does not check: " + r.reason();
    }

    /** The UNKNOWN reason when the limits stopped the check of {@code backend}'s proof. */
    public static String stopped(String backend, ProofCheck.Stopped s) {
        return s.reason() + " while checking " + backend + "'s DRAT proof";
    }
}
