package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;

/**
 * Checks shared by the backends that refute with a proof ermbit checks ({@code logicng},
 * {@code ext-cadical}: DRAT proofs of their CNF; {@code sat4j}: DRUP proofs of its PB constraints):
 * pigeonhole formulas (unsatisfiable by the pigeonhole principle) refuted with a certificate whose
 * summary counts the checked lemmas, and random models where every answer agrees with brute force and
 * exactly the UNSAT ones carry a certificate.
 */
final class CertifiedRefutations {
    /** The kinds of certificate, with their format and the start of their summary. */
    enum Kind {
        DRAT("DRAT", "DRAT proof of its CNF checked: "),
        RUP("RUP", "RUP proof of its CNF checked: "),
        DRUP("DRUP", "DRUP proof of its PB constraints checked: ");

        final String format;
        final String summary;

        Kind(String format, String summary) {
            this.format = format;
            this.summary = summary;
        }
    }

    private CertifiedRefutations() {
    }

    /** Pigeonholes in clause form, 2 … {@code maxPigeons} pigeons, refuted with a {@code kind} certificate. */
    static void pigeonholesUpTo(Solver s, int maxPigeons, Kind kind) {
        for (int pigeons = 2; pigeons <= maxPigeons; pigeons++) refuted(s, HardModels.pigeonholeClauses(pigeons), kind, pigeons + " pigeons");
    }

    /** Asserts that {@code s} refutes {@code m} with a certificate of {@code kind} that counts the checked lemmas; returns the result. */
    static SolveResult refuted(Solver s, org.ermbit.core.ir.Model m, Kind kind, String label) {
        SolveResult r = s.solve(m, Limits.none());
        assertEquals(Status.UNSAT, r.status(), label + ": " + r);
        assertEquals(kind.format, r.certificate().orElseThrow().format(), label);
        long checked = Long.parseLong(r.stats().get("proof.lemmas checked"));
        long all = Long.parseLong(r.stats().getOrDefault("proof.lemmas", Long.toString(checked))); // backward: read
        assertTrue(checked <= all, label + ": " + r.stats());
        String lemmas = all + (all == 1 ? " lemma" : " lemmas");
        assertEquals(kind.summary + (checked == all ? lemmas : "the " + checked + " of " + lemmas + " the refutation uses"),
                r.certificate().orElseThrow().summary(), label);
        return r;
    }

    /**
     * Seeds 0 … seeds − 1 of the random pseudo-Boolean models (with or without an objective); at least
     * {@code minUnsat} of them must be UNSAT, each with a {@code kind} certificate.
     */
    static void randomModels(SolverProvider p, Solver s, int seeds, int minUnsat, Kind kind, boolean withObjective) {
        int unsat = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SolveResult r = Differential.check(p, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, withObjective), p.id() + " seed " + seed);
            if (r.status() == Status.UNSAT) {
                unsat++;
                assertEquals(kind.format, r.certificate().orElseThrow().format(), "seed " + seed);
            } else {
                assertTrue(r.certificate().isEmpty(), "seed " + seed);
            }
        }
        assertTrue(unsat >= minUnsat, "too few unsatisfiable random models to mean anything: " + unsat);
    }
}
