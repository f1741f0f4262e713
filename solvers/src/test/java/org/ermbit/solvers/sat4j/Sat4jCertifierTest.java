package org.ermbit.solvers.sat4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
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
import org.ermbit.solvers.HardModels;
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
        IPBSolver solver = SolverFactory.newDefault();
        solver.newVar(3);
        Sat4jAxioms a = axioms(solver);
        Sat4jProofRecorder proof = new Sat4jProofRecorder(1 << 20);
        proof.learnUnit(learned);
        return Sat4jCertifier.unsat(proof, a, new LinkedHashMap<>(), limits, new ResultFactory("sat4j", "test"));
    }

    @Test
    void aProofThatDoesNotCheckIsAnError() throws Exception {
        SolveResult r = certified(3, Limits.none()); // z is not implied: not RUP
        assertEquals(Status.ERROR, r.status(), r.toString());
        assertEquals("sat4j answered UNSAT, but its DRUP proof does not check: lemma 1 (byte 0) is not RUP"
                + " (RAT is not checked when the formula has pseudo-Boolean constraints)", r.reason());
    }

    @Test
    void aRecordedProofOfTheSameAxiomsChecks() throws Exception {
        SolveResult r = certified(1, Limits.none()); // RUP: ¬x propagates y and ¬y
        assertEquals(Status.UNSAT, r.status(), r.toString());
        assertEquals("DRUP proof of its PB constraints checked: 1 lemma", r.certificate().orElseThrow().summary());
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
        try (Solver s = new Sat4jSolver(Sat4jConfig.DEFAULT, "test", true, 64)) {
            SolveResult r = s.solve(HardModels.pigeonholeCardinalities(6), Limits.none());
            assertEquals(Status.UNSAT, r.status(), r.toString());
            assertTrue(r.certificate().isEmpty());
            assertEquals("DRUP proof not checked: the proof outgrew its memory budget of 64 bytes", r.reason());
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
