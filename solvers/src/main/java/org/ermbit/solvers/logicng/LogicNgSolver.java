package org.ermbit.solvers.logicng;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.reductions.cnf.ProofCheck;
import org.ermbit.reductions.export.CnfEncoding;
import org.ermbit.reductions.export.PseudoBooleanToCnf;
import org.ermbit.solvers.backend.ProofCertificates;
import org.ermbit.solvers.backend.ModelShape;
import org.ermbit.solvers.backend.ResultFactory;
import org.logicng.collections.LNGBooleanVector;
import org.logicng.collections.LNGIntVector;
import org.logicng.datastructures.Tristate;
import org.logicng.handlers.SATHandler;
import org.logicng.solvers.sat.MiniSat2Solver;
import org.logicng.solvers.sat.MiniSatConfig;

/**
 * One {@code logicng} solve: the model's exact adder CNF ({@link PseudoBooleanToCnf}; CNF variable v
 * is MiniSat variable v − 1) goes to a fresh {@link MiniSat2Solver} with proof generation on. A model
 * is decoded and checked against the constraint model; an UNSAT is reported only after
 * {@link DratChecker} has verified the solver's proof against the CNF, built here from the encoding
 * and not from what the solver recorded. The limits are looked at on every conflict.
 */
final class LogicNgSolver implements Solver {
    private static final Set<Capability> CAPS = Set.of(Capability.PSEUDO_BOOLEAN);
    private static final String ID = "logicng";

    private final String version;
    /** Clauses added to MiniSat between two looks at the limits. */
    private static final int LIMITS_POLL = 1024;

    LogicNgSolver(String version) {
        this.version = version;
    }

    @Override
    public SolveResult solve(Model model, Limits limits) {
        ResultFactory results = new ResultFactory(ID, version);
        Optional<String> refusal = ModelShape.unsupported(model, CAPS);
        if (refusal.isPresent()) return results.error(refusal.get());
        String cnfRefusal = PseudoBooleanToCnf.refusal(model);
        if (cnfRefusal != null) return results.error(cnfRefusal);
        if (limits.expired()) return results.unknown(limits.stopReason());
        try {
            return run(model, limits, results);
        } catch (RuntimeException e) {
            return results.error(ID + " failed: " + e);
        }
    }

    private SolveResult run(Model model, Limits limits, ResultFactory results) {
        Optional<CnfEncoding> translated = PseudoBooleanToCnf.encode(model, limits);
        if (translated.isEmpty()) return results.unknown(limits.stopReason());
        CnfEncoding enc = translated.get();
        Cnf cnf = enc.cnf();
        MiniSat2Solver solver = new MiniSat2Solver(MiniSatConfig.builder().proofGeneration(true).incremental(false).build());
        for (int v = 0; v < cnf.variables(); v++) solver.newVar(true, true);
        int added = 0;
        for (int[] clause : cnf.clauses()) {
            // adding a large CNF takes seconds: the deadline and cancellation are honoured here too
            if (++added % LIMITS_POLL == 0 && limits.expired()) return results.unknown(limits.stopReason());
            LNGIntVector lits = new LNGIntVector(clause.length);
            for (int lit : clause) lits.push(2 * (Math.abs(lit) - 1) + (lit < 0 ? 1 : 0));
            solver.addClause(lits, null);
        }
        Tristate answer = solver.solve(new SATHandler() {
            @Override
            public boolean detectedConflict() {
                return !limits.expired();
            }
        });
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("cnf.variables", Integer.toString(cnf.variables()));
        stats.put("cnf.clauses", Integer.toString(cnf.clauses().size()));
        if (answer == Tristate.UNDEF) return results.unknown(limits.stopReason());
        if (answer == Tristate.TRUE) {
            LNGBooleanVector m = solver.model();
            boolean[] bits = new boolean[cnf.variables() + 1];
            for (int v = 1; v <= cnf.variables(); v++) bits[v] = m.get(v - 1);
            return results.sat(model, enc.decode(bits), Optional.empty(), stats);
        }
        ProofCheck check;
        try {
            check = DratChecker.check(cnf, new DrupProofStream(solver.pgProof()), DratChecker.Format.BINARY, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        if (check instanceof ProofCheck.Verified v) {
            stats.put("proof.lemmas checked", Long.toString(v.lemmas()));
            stats.put("proof.rat lemmas", Long.toString(v.ratLemmas()));
            return results.unsat(stats, ProofCertificates.ofCnf(v));
        }
        if (check instanceof ProofCheck.Refuted r) return results.error(ProofCertificates.refuted(ID, ProofCertificates.DRAT, r));
        return results.unknown(ProofCertificates.stopped(ID, ProofCertificates.DRAT, (ProofCheck.Stopped) check));
    }

    @Override
    public void close() {
        // nothing to release: every solve builds its own MiniSat
    }
}
