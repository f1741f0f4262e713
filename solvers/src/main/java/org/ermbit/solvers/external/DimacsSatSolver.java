package org.ermbit.solvers.external;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.export.CnfEncoding;
import org.ermbit.reductions.export.CnfWriter;
import org.ermbit.reductions.export.PseudoBooleanToCnf;

/**
 * A SAT solver binary on DIMACS CNF: the model is translated with {@link PseudoBooleanToCnf}
 * (exact adder encoding), written with {@link CnfWriter}, solved, and the witness is decoded back.
 * Two output conventions are understood: the SAT-competition one ({@code s SATISFIABLE},
 * {@code v …} lines, exit codes 10 / 20; CaDiCaL, PicoSAT) and MiniSat's result file
 * ({@code SAT} + literals, or {@code UNSAT}). A binary that writes DRAT proofs (CaDiCaL) is given a
 * proof file, and its UNSAT is reported only with that proof checked ({@link DratCertifier}).
 */
final class DimacsSatSolver extends ExternalSolver {
    /** How the binary is called and answers. */
    enum Style { COMPETITION, MINISAT_RESULT_FILE }

    private final Style style;
    private final List<String> options;
    private final ProofOutput proofs;

    /** {@code proofs}: whether and how the binary is asked for a proof of UNSAT. */
    DimacsSatSolver(String id, String version, Path binary, Style style, List<String> options, ProofOutput proofs,
                    OwnTimeLimit ownLimit) {
        super(id, version, binary, ownLimit);
        this.style = style;
        this.options = options;
        this.proofs = proofs;
    }

    @Override
    String refusal(Model model) {
        return PseudoBooleanToCnf.refusal(model);
    }

    @Override
    Answer run(Model model, Path dir, Limits limits) throws IOException {
        // translating and writing a large model takes seconds: the deadline and cancellation are honoured there too
        Optional<CnfEncoding> translated = PseudoBooleanToCnf.encode(model, limits);
        if (translated.isEmpty()) return new Answer.Unknown(limits.stopReason());
        CnfEncoding enc = translated.get();
        Path in = dir.resolve("model.cnf");
        try (Writer w = Files.newBufferedWriter(in, StandardCharsets.US_ASCII)) {
            if (!new CnfWriter().dimacs(enc, w, limits)) return new Answer.Unknown(limits.stopReason());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(ownLimit.options(limits));
        cmd.addAll(options);
        Path proof = dir.resolve(proofs.fileName);
        cmd.addAll(proofs.beforeInput(proof));
        cmd.add(in.toString());
        Path result = dir.resolve("result.txt");
        if (style == Style.MINISAT_RESULT_FILE) cmd.add(result.toString());
        cmd.addAll(proofs.afterInput(proof));
        ProcessOutcome o = ProcessRunner.run(cmd, dir, limits);
        Answer killed = Answer.ofKilled(o);
        if (killed != null) return killed;
        Map<String, String> stats = Map.of("cnf.variables", Integer.toString(enc.cnf().variables()),
                "cnf.clauses", Integer.toString(enc.cnf().clauses().size()), "exit code", Integer.toString(o.exitCode()));
        String text = style == Style.MINISAT_RESULT_FILE ? (Files.exists(result) ? Files.readString(result) : "") : o.stdout();
        String verdict = verdict(text);
        if (o.exitCode() == 20 && "UNSAT".equals(verdict)) {
            return proofs == ProofOutput.NONE ? new Answer.Unsat(stats) : new DratCertifier(id, proofs).certify(enc.cnf(), proof, stats, limits);
        }
        if (o.exitCode() == 10 && "SAT".equals(verdict)) {
            boolean[] bits = witness(text, enc.cnf().variables(), style);
            return new Answer.Sat(enc.decode(bits), false, stats);
        }
        if ("UNKNOWN".equals(verdict)) return new Answer.Unknown(id + " answered UNKNOWN");
        return new Answer.Error(id + " exited with code " + o.exitCode() + ": " + o.firstErrorLine());
    }

    private String verdict(String text) {
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (style == Style.COMPETITION) {
                if (l.equals("s SATISFIABLE")) return "SAT";
                if (l.equals("s UNSATISFIABLE")) return "UNSAT";
                if (l.equals("s UNKNOWN")) return "UNKNOWN";
            } else {
                if (l.equals("SAT")) return "SAT";
                if (l.equals("UNSAT")) return "UNSAT";
                if (l.equals("INDET")) return "UNKNOWN";
            }
        }
        return "";
    }

    /** Literal values from {@code v} lines (or MiniSat's literal line); unmentioned variables are false. */
    static boolean[] witness(String text, int vars, Style style) {
        boolean[] bits = new boolean[vars + 1];
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (style == Style.COMPETITION) {
                if (!l.startsWith("v")) continue;
                l = l.substring(1);
            } else if (l.equals("SAT") || l.isEmpty()) {
                continue;
            }
            for (String tok : l.trim().split("\\s+")) {
                if (tok.isEmpty()) continue;
                int lit = Integer.parseInt(tok);
                if (lit != 0 && lit >= -vars && lit <= vars) bits[Math.abs(lit)] = lit > 0;
            }
        }
        return bits;
    }
}
