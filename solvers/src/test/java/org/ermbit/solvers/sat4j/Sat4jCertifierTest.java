package org.ermbit.solvers.sat4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.Status;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.solvers.HardModels;
import org.ermbit.solvers.backend.ProofCheckOrder;
import org.ermbit.solvers.backend.ResultFactory;
import org.junit.jupiter.api.Test;
import org.sat4j.pb.IPBSolver;
import org.sat4j.pb.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.TimeoutException;

/**
 * What becomes of Sat4j's UNSAT when its proof cannot certify it: a proof that does not check is an
 * error (never an answer); a proof over its memory budget, a check the limits stop, and an engine
 * that learns PB constraints leave the UNSAT as Sat4j's claim, with the reason in the stats.
 */
class Sat4jCertifierTest {

    /**
     * x ∨ y, x ∨ ¬y, ¬x ∨ y, ¬x ∨ ¬y as clauses (unsatisfiable, but not by propagation alone: the proof
     * needs a lemma) and x + y + z ≥ 1 as a PB constraint (with PB axioms every lemma must be RUP).
     */
    private static Sat4jAxioms axioms(IPBSolver solver) throws ContradictionException {
        Sat4jAxioms a = new Sat4jAxioms(3);
        a.clause(solver, 1, 2);
        a.clause(solver, 1, -2);
        a.clause(solver, -1, 2);
        a.clause(solver, -1, -2);
        ModelBuilder b = new ModelBuilder();
        LinearExpr.Builder sum = LinearExpr.builder();
        for (String name : new String[] {"x", "y", "z"}) sum.add(1, b.newBool(name));
        a.linear(solver, sum.build(), false, BigInteger.ONE);
        return a;
    }

    /** Sat4j's UNSAT of {@link #axioms} with a recorded proof of the one unit lemma {@code learned}, certified within {@code limits}. */
    private static SolveResult certified(int learned, Limits limits) throws ContradictionException {
        return certified(Sat4jProofs.CHECK, limits, learned);
    }

    /** Sat4j's UNSAT of {@link #axioms} with a recorded proof of the unit lemmas {@code learned}, certified as {@code proofs} says. */
    private static SolveResult certified(Sat4jProofs proofs, Limits limits, int... learned) throws ContradictionException {
        IPBSolver solver = SolverFactory.newDefault();
        solver.newVar(3);
        Sat4jAxioms a = axioms(solver);
        Sat4jProofRecorder proof = new Sat4jProofRecorder(1 << 20);
        for (int unit : learned) proof.learnUnit(unit);
        return Sat4jCertifier.unsat(proof, proofs, a, new LinkedHashMap<>(), limits, new ResultFactory("sat4j", "test"));
    }

    @Test
    void aProofThatDoesNotCheckIsAnError() throws Exception {
        // z is not implied: forward, the lemma is not RUP; backward, adding it does not refute the axioms
        SolveResult r = certified(Sat4jProofs.FORWARD, Limits.none(), 3);
        assertEquals(Status.ERROR, r.status(), r.toString());
        assertEquals("sat4j answered UNSAT, but its DRUP proof does not check: lemma 1 (byte 0) is not RUP"
                + " (RAT is not checked when the formula has pseudo-Boolean constraints)", r.reason());
        r = certified(3, Limits.none());
        assertEquals(Status.ERROR, r.status(), r.toString());
        assertEquals("sat4j answered UNSAT, but its DRUP proof does not check: the proof ends without deriving the"
                + " empty clause (1 lemma read)", r.reason());
    }

    @Test
    void aRecordedProofOfTheSameAxiomsChecks() throws Exception {
        SolveResult r = certified(1, Limits.none()); // RUP: ¬x propagates y and ¬y
        assertEquals(Status.UNSAT, r.status(), r.toString());
        assertEquals("DRUP proof of its PB constraints checked: 1 lemma", r.certificate().orElseThrow().summary());
    }

    @Test
    void backwardCheckingSkipsALemmaTheRefutationDoesNotUse() throws Exception {
        // z is not implied, but the refutation after x needs only x: checked backward, the proof
        // certifies the UNSAT; checked forward, the unimplied first lemma is an error
        SolveResult r = certified(Sat4jProofs.CHECK, Limits.none(), 3, 1);
        assertEquals(Status.UNSAT, r.status(), r.toString());
        assertEquals("DRUP proof of its PB constraints checked: the 1 of 2 lemmas the refutation uses",
                r.certificate().orElseThrow().summary());
        assertEquals("backward", r.stats().get("proof.check"));
        assertEquals("2", r.stats().get("proof.lemmas"));
        assertEquals("1", r.stats().get("proof.lemmas checked"));
        SolveResult f = certified(Sat4jProofs.FORWARD, Limits.none(), 3, 1);
        assertEquals(Status.ERROR, f.status(), f.toString());
        assertTrue(f.reason().endsWith("lemma 1 (byte 0) is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)"),
                f.reason());
        // a lemma that is used and not implied is an error either way: after z, ¬z conflicts
        SolveResult used = certified(Sat4jProofs.CHECK, Limits.none(), 3, -3);
        assertEquals(Status.ERROR, used.status(), used.toString());
        assertTrue(used.reason().endsWith("lemma 2 (byte 3) is not RUP (RAT is not checked when the formula has pseudo-Boolean constraints)"),
                used.reason());
    }

    @Test
    void proofsAreCheckedBackwardWhenTheyFitInAThirtySecondOfTheHeap() {
        long heap = 32L << 20;
        assertEquals(DratChecker.Order.BACKWARD, ProofCheckOrder.forSize(1 << 20, heap));
        assertEquals(DratChecker.Order.FORWARD, ProofCheckOrder.forSize((1 << 20) + 1, heap));
    }

    @Test
    void aCheckTheLimitsStopLeavesSat4jsClaim() throws Exception {
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        SolveResult r = certified(1, new Limits(Optional.empty(), cancel));
        assertEquals(Status.UNSAT, r.status(), r.toString());
        assertTrue(r.certificate().isEmpty());
        assertEquals("DRUP proof not checked: cancelled while checking sat4j's DRUP proof", r.reason());
    }

    @Test
    void aProofOverItsBudgetIsDroppedAndTheUnsatIsSat4jsClaim() {
        try (Solver s = new Sat4jSolver(Sat4jConfig.DEFAULT, "test", Sat4jProofs.CHECK, 64, null, 0)) {
            SolveResult r = s.solve(HardModels.pigeonholeCardinalities(6), Limits.none());
            assertEquals(Status.UNSAT, r.status(), r.toString());
            assertTrue(r.certificate().isEmpty());
            assertEquals("DRUP proof not checked: the proof outgrew its memory budget of 64 bytes", r.reason());
        }
    }

    @Test
    void aProofThatOutgrowsMemoryIsCheckedFromItsFile(@TempDir Path dir) throws IOException {
        try (Solver s = new Sat4jSolver(Sat4jConfig.DEFAULT, "test", Sat4jProofs.CHECK, 64, dir, 1L << 30)) {
            SolveResult r = s.solve(HardModels.pigeonholeCardinalities(6), Limits.none());
            assertEquals(Status.UNSAT, r.status(), r.toString());
            assertEquals("DRUP", r.certificate().orElseThrow().format());
            assertEquals("yes", r.stats().get("proof.on disk"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "the file is gone after the solve");
        }
    }

    @Test
    void aCuttingPlanesEngineLearnsNoClausesSoItsProofIsDropped() throws Exception {
        IPBSolver solver = SolverFactory.newCuttingPlanes();
        Sat4jProofRecorder recorder = new Sat4jProofRecorder(1 << 20);
        solver.setSearchListener(recorder);
        solver.newVar(42);
        Sat4jAxioms a = new Sat4jAxioms(42);
        Model m = HardModels.pigeonholeCardinalities(7);
        for (var c : m.constraints()) {
            if (c instanceof org.ermbit.core.ir.Constraint.Linear l) {
                a.linear(solver, l.expr(), l.relation() == Relation.LE, l.rhs());
            }
        }
        boolean sat;
        try {
            sat = solver.isSatisfiable();
        } catch (TimeoutException e) {
            throw new AssertionError(e);
        }
        assertTrue(!sat);
        assertTrue(recorder.dropped().orElseThrow().startsWith("sat4j learned a "), recorder.dropped().toString());
    }
}
