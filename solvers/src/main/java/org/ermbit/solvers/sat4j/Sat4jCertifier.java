package org.ermbit.solvers.sat4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.reductions.cnf.PbConstraint;
import org.ermbit.reductions.cnf.ProofCheck;
import org.ermbit.solvers.backend.ProofCertificates;
import org.ermbit.solvers.backend.ProofCheckOrder;
import org.ermbit.solvers.backend.ResultFactory;

/**
 * Turns Sat4j's UNSAT into an answer: certified when a proof was recorded and {@link DratChecker}
 * verifies it as a DRUP proof of the axioms Sat4j was given; an error naming the failing lemma when it
 * does not check (never an answer); Sat4j's claim, as with proofs off, when no proof was recorded, the
 * recorder dropped it, the coefficients are beyond the checker, its spill file cannot be read back, or
 * the limits stop the check — its reason then says why ({@code DRUP proof not checked: …}).
 */
final class Sat4jCertifier {
    private static final String ID = "sat4j";
    private static final String NOT_CHECKED = "DRUP proof not checked: ";

    private Sat4jCertifier() {
    }

    /** The UNSAT result; {@code recorder} is null when no proof was recorded. */
    static SolveResult unsat(Sat4jProofRecorder recorder, Sat4jProofs proofs, Sat4jAxioms axioms, Map<String, String> stats,
            Limits limits, ResultFactory results) {
        if (recorder == null) return results.unsat(stats);
        if (recorder.dropped().isPresent()) return results.unsatUnchecked(stats, NOT_CHECKED + recorder.dropped().get());
        List<PbConstraint> pb = axioms.pseudoBoolean();
        if (!DratChecker.supports(pb)) {
            return results.unsatUnchecked(stats, NOT_CHECKED + "a PB constraint's coefficients are too large for the checker");
        }
        DratChecker.Order order = proofs == Sat4jProofs.FORWARD ? DratChecker.Order.FORWARD : ProofCheckOrder.forSize(recorder.bytes());
        long start = System.nanoTime();
        ProofCheck check;
        try (InputStream proof = recorder.proof()) {
            check = DratChecker.check(axioms.cnf(), pb, proof, DratChecker.Format.BINARY, order, limits);
        } catch (IOException | UncheckedIOException e) { // only a spill file can fail
            return results.unsatUnchecked(stats, NOT_CHECKED + "could not read it back: " + e.getMessage());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        stats.put("proof.bytes", Long.toString(recorder.bytes()));
        if (recorder.spilled()) stats.put("proof.on disk", "yes");
        stats.put("proof.check", ProofCheckOrder.name(order));
        stats.put("proof.check time", String.format("%d.%03d s", took.toSeconds(), took.toMillisPart()));
        if (check instanceof ProofCheck.Verified v) {
            stats.put("proof.lemmas", Long.toString(v.lemmas()));
            stats.put("proof.lemmas checked", Long.toString(v.checkedLemmas()));
            return results.unsat(stats, ProofCertificates.ofPseudoBoolean(v));
        }
        if (check instanceof ProofCheck.Refuted r) return results.error(ProofCertificates.refuted(ID, ProofCertificates.DRUP, r));
        return results.unsatUnchecked(stats, NOT_CHECKED + ProofCertificates.stopped(ID, ProofCertificates.DRUP, (ProofCheck.Stopped) check));
    }
}
