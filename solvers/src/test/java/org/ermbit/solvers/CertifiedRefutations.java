package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;

/**
 * Checks shared by the backends that refute with a DRAT proof ermbit checks ({@code logicng},
 * {@code ext-cadical}): pigeonhole formulas (unsatisfiable by the pigeonhole principle) refuted with
 * a certificate whose summary counts the checked lemmas, and random models where every answer agrees
 * with brute force and exactly the UNSAT ones carry a certificate.
 */
final class CertifiedRefutations {
    private CertifiedRefutations() {
    }

    static void pigeonholesUpTo(Solver s, int maxPigeons) {
        for (int pigeons = 2; pigeons <= maxPigeons; pigeons++) {
            SolveResult r = s.solve(HardModels.pigeonholeClauses(pigeons), Limits.none());
            assertEquals(Status.UNSAT, r.status(), pigeons + " pigeons: " + r);
            assertEquals("DRAT", r.certificate().orElseThrow().format(), pigeons + " pigeons");
            long lemmas = Long.parseLong(r.stats().get("proof.lemmas checked"));
            assertEquals("DRAT proof of its CNF checked: " + lemmas + (lemmas == 1 ? " lemma" : " lemmas"),
                    r.certificate().orElseThrow().summary(), pigeons + " pigeons");
        }
    }

    /** Seeds 0 … seeds − 1 of the random pseudo-Boolean models; at least {@code minUnsat} of them must be UNSAT. */
    static void randomModels(SolverProvider p, Solver s, int seeds, int minUnsat) {
        int unsat = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SolveResult r = Differential.check(p, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, true), p.id() + " seed " + seed);
            if (r.status() == Status.UNSAT) {
                unsat++;
                assertEquals("DRAT", r.certificate().orElseThrow().format(), "seed " + seed);
            } else {
                assertTrue(r.certificate().isEmpty(), "seed " + seed);
            }
        }
        assertTrue(unsat >= minUnsat, "too few unsatisfiable random models to mean anything: " + unsat);
    }
}
