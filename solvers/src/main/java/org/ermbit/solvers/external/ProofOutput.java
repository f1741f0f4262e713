package org.ermbit.solvers.external;

import java.nio.file.Path;
import java.util.List;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.solvers.backend.ProofCertificates;

/**
 * Whether and how a SAT binary is asked for a clausal proof of unsatisfiability, and the format
 * ermbit checks it in ({@link DratCertifier}).
 */
enum ProofOutput {
    /** No proof: the binary's UNSAT is its claim. */
    NONE(null, null, "none"),
    /** Binary DRAT to the file named after the CNF ({@code cadical model.cnf proof.drat}). */
    DRAT_AFTER_INPUT(DratChecker.Format.BINARY, ProofCertificates.DRAT, "proof.drat"),
    /** RUP text to the file of the option {@code -R} before the CNF ({@code picosat -R proof.rup model.cnf}). */
    RUP_OPTION(DratChecker.Format.RUP, ProofCertificates.RUP, "proof.rup");

    /** How the proof is read; null for {@link #NONE}. */
    final DratChecker.Format format;
    /** The proof format's name in certificates and messages; null for {@link #NONE}. */
    final String label;
    /** The proof file's name in the run's directory. */
    final String fileName;

    ProofOutput(DratChecker.Format format, String label, String fileName) {
        this.format = format;
        this.label = label;
        this.fileName = fileName;
    }

    /** Arguments before the CNF file. */
    List<String> beforeInput(Path proof) {
        return this == RUP_OPTION ? List.of("-R", proof.toString()) : List.of();
    }

    /** Arguments after the CNF file (and after MiniSat's result file). */
    List<String> afterInput(Path proof) {
        return this == DRAT_AFTER_INPUT ? List.of(proof.toString()) : List.of();
    }
}
