package org.ermbit.core.spi;

import java.util.Objects;

/**
 * A proof of unsatisfiability that a backend produced and that ermbit checked itself before the
 * backend reported UNSAT — for example CaDiCaL's DRAT proof of the CNF it was given. A backend
 * attaches one only after the check succeeded; an unchecked or failed proof is never attached.
 *
 * @param format  the proof system, e.g. {@code "DRAT"}
 * @param summary what was checked, for people, e.g. {@code "DRAT proof of its CNF checked: 1234 lemmas"}
 */
public record UnsatCertificate(String format, String summary) {
    public UnsatCertificate {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(summary, "summary");
    }
}
