package org.ermbit.solvers.hardness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.UnsatCertificate;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.reductions.cnf.ProofCheck;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.solvers.backend.ProofCertificates;
import org.ermbit.solvers.sat4j.Sat4jProofRecorder;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * Decides a CNF directly with Sat4j's default CDCL solver, in-process: the "source side" of
 * {@code ermbit check 3sat-relu}. A SAT answer carries a model that is re-checked against the clauses;
 * an UNSAT answer carries the DRAT proof of the clauses Sat4j learned, checked by {@link DratChecker}
 * (unless the proof outgrew its memory budget or the limits stopped the check: then it is Sat4j's
 * claim). A model or a proof that does not check is an {@link IllegalStateException}, never an answer.
 */
public final class CnfSat4j {

    /**
     * The answer: {@code satisfiable} is empty when unknown (time limit); {@code model} is set iff SAT;
     * {@code certificate} is set for an UNSAT whose proof was checked.
     */
    public record Answer(Optional<Boolean> satisfiable, Optional<boolean[]> model, Duration time, Optional<UnsatCertificate> certificate) {
    }

    private CnfSat4j() {
    }

    /** Solves {@code cnf} within {@code limits}: its deadline and its cancel token (an unanswered solve is empty). */
    public static Answer solve(Cnf cnf, Limits limits) {
        long start = System.nanoTime();
        ISolver solver = SolverFactory.newDefault();
        Sat4jProofRecorder proof = new Sat4jProofRecorder(Sat4jProofRecorder.defaultBudget());
        solver.setSearchListener(proof);
        solver.newVar(cnf.variables());
        solver.setExpectedNumberOfClauses(cnf.clauses().size());
        limits.remaining().ifPresent(d -> solver.setTimeoutMs(Math.max(1, d.toMillis())));
        try (LimitWatcher watch = LimitWatcher.start(limits, solver::expireTimeout)) {
            for (int[] clause : cnf.clauses()) {
                if (clause.length == 0) return unsat(start, cnf, proof, limits);
                solver.addClause(new VecInt(clause));
            }
            if (!solver.isSatisfiable()) return unsat(start, cnf, proof, limits);
            boolean[] model = new boolean[cnf.variables() + 1];
            for (int v = 1; v <= cnf.variables(); v++) model[v] = solver.model(v);
            if (!cnf.isSatisfiedBy(model)) {
                throw new IllegalStateException("Sat4j returned a model that does not satisfy the formula");
            }
            return new Answer(Optional.of(true), Optional.of(model), since(start), Optional.empty());
        } catch (ContradictionException e) {
            return unsat(start, cnf, proof, limits);
        } catch (TimeoutException e) {
            return new Answer(Optional.empty(), Optional.empty(), since(start), Optional.empty());
        } finally {
            solver.reset();
        }
    }

    /** Sat4j's UNSAT, with the certificate when its recorded proof checks. */
    private static Answer unsat(long start, Cnf cnf, Sat4jProofRecorder proof, Limits limits) {
        Optional<UnsatCertificate> certificate = Optional.empty();
        if (proof.dropped().isEmpty()) {
            ProofCheck check;
            try (InputStream in = proof.proof()) {
                check = DratChecker.check(cnf, in, DratChecker.Format.BINARY, limits);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // an in-memory stream does not fail
            }
            if (check instanceof ProofCheck.Refuted r) {
                throw new IllegalStateException(ProofCertificates.refuted("Sat4j", ProofCertificates.DRAT, r));
            }
            if (check instanceof ProofCheck.Verified v) certificate = Optional.of(ProofCertificates.ofCnf(v));
        }
        return new Answer(Optional.of(false), Optional.empty(), since(start), certificate);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
