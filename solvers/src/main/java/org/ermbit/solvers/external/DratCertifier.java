package org.ermbit.solvers.external;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.reductions.cnf.ProofCheck;
import org.ermbit.solvers.backend.ProofCertificates;
import org.ermbit.solvers.backend.ProofCheckOrder;

/**
 * Turns a SAT solver's UNSAT claim and the proof it wrote (binary DRAT, or PicoSAT's RUP; {@link ProofOutput})
 * into an answer: UNSAT with the
 * certificate when {@link DratChecker} verifies the proof against the CNF the solver was given, an
 * error naming the first failing step when it does not, and UNKNOWN when the limits stop the check.
 * The proof certifies that CNF; the CNF's faithfulness to the instance rests on the encoding.
 */
final class DratCertifier {
    private final String backend;
    private final ProofOutput output;

    /** {@code output}: how {@code backend} wrote its proof (not {@link ProofOutput#NONE}). */
    DratCertifier(String backend, ProofOutput output) {
        if (output == ProofOutput.NONE) throw new IllegalArgumentException("no proof to certify with");
        this.backend = backend;
        this.output = output;
    }

    Answer certify(Cnf cnf, Path proof, Map<String, String> solverStats, Limits limits) throws IOException {
        if (!Files.isRegularFile(proof)) return new Answer.Error(backend + " answered UNSAT but wrote no " + output.label + " proof");
        long bytes = Files.size(proof);
        DratChecker.Order order = ProofCheckOrder.forSize(bytes);
        long start = System.nanoTime();
        ProofCheck check;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(proof), 1 << 16)) {
            check = DratChecker.check(cnf, List.of(), in, output.format, order, limits);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (check instanceof ProofCheck.Verified v) {
            Map<String, String> stats = new HashMap<>(solverStats);
            stats.put("proof.bytes", Long.toString(bytes));
            stats.put("proof.check", ProofCheckOrder.name(order));
            stats.put("proof.lemmas", Long.toString(v.lemmas()));
            stats.put("proof.lemmas checked", Long.toString(v.checkedLemmas()));
            stats.put("proof.rat lemmas", Long.toString(v.ratLemmas()));
            stats.put("proof.check time", String.format("%d.%03d s", took.toSeconds(), took.toMillisPart()));
            return new Answer.Unsat(stats, Optional.of(ProofCertificates.ofCnf(output.label, v)));
        }
        if (check instanceof ProofCheck.Refuted r) return new Answer.Error(ProofCertificates.refuted(backend, output.label, r));
        return new Answer.Unknown(ProofCertificates.stopped(backend, output.label, (ProofCheck.Stopped) check));
    }
}
