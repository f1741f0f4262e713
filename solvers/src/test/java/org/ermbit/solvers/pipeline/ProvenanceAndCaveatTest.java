package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Status;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;

/**
 * Who is named for an answer and what the answer says about its proof (docs/EMBEDDING.md "What you
 * get back"): UNSAT and OPTIMUM name the prover and the cross-checkers with what they said; a proof
 * that rests on a floating-point backend alone is no proof (UNKNOWN for a decision, an unproved SAT
 * for an optimisation, with the reason); an optimum of 0 needs no backend's proof; a stopped
 * optimisation is SAT with the best verified vector, not an optimum.
 */
class ProvenanceAndCaveatTest {

    /** Point (1, 5), w, b in {−2..2}: w + b ≤ 4, so loss 0 is impossible and the optimum is 1 at w = b = 2 (hand). */
    private static final ErmInstance FAR = LossDescentTest.line(-2, 2, Aggregate.SUM, 5);
    /** Point (1, 1): loss 0 at w + b = 1. */
    private static final ErmInstance NEAR = LossDescentTest.line(-2, 2, Aggregate.SUM, 1);

    private static final Set<Capability> FLOATING = Set.of(Capability.PSEUDO_BOOLEAN, Capability.BIGINT_COEFFS, Capability.FLOATING_POINT);

    private static StubBackend floatingUnsat(String id) {
        return new StubBackend(id, FLOATING, (m, l) -> SolveResult.unsat(id, "", Duration.ZERO, Map.of()));
    }

    private static StubBackend tired(String id) {
        return StubBackend.answering(id, m -> SolveResult.unknown("too tired", id, "", Duration.ZERO));
    }

    private static ErmSolver solver(List<String> solvers, List<String> crossCheck, SolverProvider... stubs) {
        List<SolverProvider> all = new java.util.ArrayList<>(List.of(stubs));
        all.add(SolverRegistry.load().byId("sat4j"));
        return new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(solvers).withCrossCheck(crossCheck), SolverRegistry.of(all));
    }

    private static final String FLOATING_CLAIM = " it decides in floating point and its infeasibility verdicts are not re-checked exactly"
            + " (CBC calls feasible instances with 33-bit data infeasible)";
    private static final String HINT = " (confirm it with --cross-check sat4j or another exact backend)";

    private static String caveat(String prover) {
        return prover + " answered UNSAT, but" + FLOATING_CLAIM + "; it is not reported as UNSAT" + HINT;
    }

    /**
     * A backend that records proofs but could not check this one (sat4j when its proof was dropped or
     * its check stopped) answers UNSAT with a note; the prover entry shows it, for decide and optimize.
     */
    @Test
    void anUncheckedProofIsNamedWithTheProver() {
        String note = "DRUP proof not checked: timeout while checking unchecked's DRUP proof";
        StubBackend unchecked = StubBackend.answering("unchecked", m -> new SolveResult(Status.UNSAT, Optional.empty(), Optional.empty(),
                Optional.empty(), note, Map.of(), "unchecked", "", Duration.ZERO));
        ErmResult r = solver(List.of("unchecked"), List.of(), unchecked).decide(FAR);
        assertEquals(Outcome.UNSAT, r.outcome());
        assertEquals(List.of("unchecked (" + note + ")"), r.provenance());
        assertTrue(r.certificate().isEmpty());
        assertEquals("", r.reason());
    }

    @Test
    void anUnsatOfAFloatingPointBackendAloneIsNoAnswer() {
        ErmResult r = solver(List.of("fp"), List.of(), floatingUnsat("fp")).decide(FAR);
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertEquals(caveat("fp"), r.reason());
    }

    @Test
    void anExactConfirmationRemovesTheCaveatAndIsNamed() {
        ErmResult r = solver(List.of("fp"), List.of("sat4j"), floatingUnsat("fp")).decide(FAR);
        assertEquals(Outcome.UNSAT, r.outcome());
        assertEquals(2, r.provenance().size(), r.provenance().toString());
        assertEquals("fp", r.provenance().get(0));
        assertTrue(r.provenance().get(1).startsWith("sat4j") && r.provenance().get(1).endsWith(" (confirmed)"), r.provenance().toString());
        assertEquals("", r.reason());
    }

    @Test
    void aFloatingPointConfirmationOrNoAnswerLeavesTheCaveat() {
        ErmResult fp = solver(List.of("fp"), List.of("fp2"), floatingUnsat("fp"), floatingUnsat("fp2")).decide(FAR);
        assertEquals(Outcome.UNKNOWN, fp.outcome());
        assertEquals(caveat("fp"), fp.reason());
        ErmResult none = solver(List.of("fp"), List.of("tired"), floatingUnsat("fp"), tired("tired")).decide(FAR);
        assertEquals(Outcome.UNKNOWN, none.outcome());
        assertEquals(caveat("fp"), none.reason());
    }

    @Test
    void anExactProverNeedsNoCaveatAndEveryCrossCheckIsListedOnce() {
        ErmResult r = solver(List.of("sat4j"), List.of("fp", "tired", "fp"), floatingUnsat("fp"), tired("tired")).decide(FAR);
        assertEquals(Outcome.UNSAT, r.outcome());
        assertEquals(3, r.provenance().size(), r.provenance().toString());
        assertTrue(r.provenance().get(0).startsWith("sat4j"), r.provenance().toString());
        assertEquals(List.of("fp (confirmed)", "tired (no answer: too tired)"), r.provenance().subList(1, 3));
        assertEquals("", r.reason());
    }

    @Test
    void anOptimumProvedByAFloatingPointBackendAloneIsNotProved() {
        // fp's UNSAT of "loss ≤ 4" would make the start point (w = b = 0, loss 5) its optimum: a claim only, so the
        // answer is the verified vector, unproved (the true optimum is 1)
        ErmResult r = solver(List.of("fp"), List.of(), floatingUnsat("fp")).optimize(FAR, l -> { });
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(Rational.of(5), r.loss().orElseThrow());
        assertTrue(r.certificate().isEmpty());
        assertEquals("fp answered that no smaller loss exists, but" + FLOATING_CLAIM + HINT, r.reason());
    }

    /** The real sat4j, answering only after {@code millis} ms: the floating-point claim comes first. */
    private static StubBackend slowSat4j(String id, long millis) {
        return new StubBackend(id, StubBackend.PSEUDO_BOOLEAN, (m, l) -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return SolveResult.unknown("cancelled", id, "", Duration.ZERO);
            }
            try (org.ermbit.core.spi.Solver s = org.ermbit.solvers.registry.SolverRegistry.load().byId("sat4j").create()) {
                return s.solve(m, l);
            }
        });
    }

    /**
     * Bug fixed (session 24): in a race, a floating-point backend's UNSAT ended the race, so
     * {@code --solver ext-cbc,sat4j} answered UNKNOWN ("ext-cbc answered UNSAT, but …") on instances sat4j
     * solves, and an optimum "proved" by it stopped sat4j's exact proof. It is a claim now: the race
     * goes on, and the claim is used only when nobody decides.
     */
    @Test
    void aFloatingPointClaimDoesNotEndARace() {
        ErmResult decided = solver(List.of("fp", "slow"), List.of(), floatingUnsat("fp"), slowSat4j("slow", 300)).decide(NEAR);
        assertEquals(Outcome.SAT, decided.outcome(), decided.reason());
        assertEquals(Rational.ZERO, decided.loss().orElseThrow());
        ErmResult optimum = solver(List.of("fp", "slow"), List.of(), floatingUnsat("fp"), slowSat4j("slow", 300)).optimize(FAR, l -> { });
        assertEquals(Outcome.OPTIMUM, optimum.outcome(), optimum.reason());
        assertEquals(Rational.ONE, optimum.loss().orElseThrow(), "the true optimum (hand, above)");
        // nobody decides: the claim is reported with its caveat, as when fp runs alone
        ErmResult claimOnly = solver(List.of("fp", "tired"), List.of(), floatingUnsat("fp"), tired("tired")).decide(FAR);
        assertEquals(Outcome.UNKNOWN, claimOnly.outcome());
        assertEquals(caveat("fp"), claimOnly.reason());
    }

    @Test
    void anOptimumIsCrossCheckedJustBelowItAndConfirmed() {
        // sat4j proves the optimum 1 (hand, above); the cross-check asks "loss ≤ 0", which is UNSAT
        List<Rational> heard = new java.util.ArrayList<>();
        ErmResult r = solver(List.of("sat4j"), List.of("sat4j"), floatingUnsat("unused")).optimize(FAR, heard::add);
        assertEquals(Outcome.OPTIMUM, r.outcome(), r.reason());
        assertEquals(Rational.ONE, r.loss().orElseThrow());
        assertEquals("", r.reason());
        assertEquals(2, r.provenance().size(), r.provenance().toString());
        assertTrue(r.provenance().get(1).endsWith(" (confirmed)"), r.provenance().toString());
        assertEquals(r.provenance(), r.proof(), "sat4j found the witness and proved it; the cross-check confirmed it");
        assertEquals(Rational.of(5), heard.get(0), "the start point is heard first");
        assertEquals(Rational.ONE, heard.get(heard.size() - 1));
        for (int k = 1; k < heard.size(); k++) assertTrue(heard.get(k).compareTo(heard.get(k - 1)) < 0, heard.toString());
    }

    @Test
    void anOptimumOfZeroIsNotCrossChecked() {
        // sat4j answers "loss ≤ 0" (start loss 1) with loss 0, which needs no further proof and no cross-check
        ErmResult r = solver(List.of("sat4j"), List.of("fp"), floatingUnsat("fp")).optimize(NEAR, l -> { });
        assertEquals(Outcome.OPTIMUM, r.outcome());
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
        assertEquals(2, r.provenance().size(), r.provenance().toString());
        assertTrue(r.provenance().get(0).startsWith("sat4j"), r.provenance().toString());
        assertEquals("every loss is non-negative", r.provenance().get(1));
        assertEquals(List.of("every loss is non-negative"), r.proof(), "sat4j found the witness; the bound proves it");
        assertEquals("", r.reason());
    }

    /**
     * The start point needs no encoding: an optimisation whose encoding is stopped reports it, verified and
     * heard once, as an unproved best (it was UNKNOWN without an improvement).
     */
    @Test
    void anOptimisationStoppedWhileEncodingReportsTheStartPoint() {
        List<Rational> heard = new java.util.ArrayList<>();
        ErmSolver zero = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withTimeout(Duration.ZERO), SolverRegistry.load());
        ErmResult r = zero.optimize(FAR, heard::add);
        assertEquals(Outcome.SAT, r.outcome(), r.reason());
        assertEquals(Rational.of(5), r.loss().orElseThrow(), "w = b = 0 on the point (1, 5): |0 - 5|");
        assertEquals(List.of(StartPoint.SOURCE), r.provenance());
        assertEquals("timeout while encoding", r.reason());
        assertEquals(List.of(Rational.of(5)), heard);
        assertEquals(Outcome.UNKNOWN, zero.decide(FAR).outcome(), "decide has no use for it: its loss is above the threshold");
    }

    @Test
    void theProofStartsInsideTheProvenance() {
        ErmResult zero = solver(List.of("sat4j"), List.of()).optimize(NEAR, l -> { });
        assertEquals(List.of(), new ErmResult(Outcome.SAT, zero.witness(), zero.loss(), zero.pattern(), zero.route(),
                zero.provenance(), "unproved", "", Duration.ZERO, Optional.empty(), 1).proof(), "a SAT proves nothing");
        for (int start : new int[] {-1, 2}) {
            assertThrows(IllegalArgumentException.class, () -> new ErmResult(Outcome.OPTIMUM, zero.witness(), zero.loss(),
                    zero.pattern(), zero.route(), zero.provenance(), "", "", Duration.ZERO, Optional.empty(), start));
        }
    }

    @Test
    void anOptimumContradictedByACrossCheckerNamesTheProver() {
        // fp claims "loss ≤ 4" is UNSAT; sat4j finds w = b = 2 (loss 1) when asked "loss ≤ 4"
        ExactnessViolation e = assertThrows(ExactnessViolation.class,
                () -> solver(List.of("fp"), List.of("sat4j"), floatingUnsat("fp")).optimize(FAR, l -> { }));
        assertTrue(e.getMessage().startsWith("fp answered UNSAT but sat4j"), e.getMessage());
    }

    @Test
    void aStoppedOptimisationIsTheVerifiedBestUnprovedWithTheReason() {
        ErmResult r = solver(List.of("tired"), List.of(), tired("tired")).optimize(FAR, l -> { });
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(Rational.of(5), r.loss().orElseThrow());
        assertEquals(LossDescentTest.wb(FAR, 0, 0), r.witness().orElseThrow());
        assertEquals(List.of(StartPoint.SOURCE), r.provenance());
        assertEquals("tired: UNKNOWN (too tired)", r.reason());
    }

    @Test
    void theDefaultPortfolioIsTheAvailableBackendsOfItsListOnce() {
        // a registry without cpsat and z3: "portfolio" is sat4j alone
        ErmResult r = solver(List.of("portfolio", "sat4j"), List.of(), tired("tired")).decide(NEAR);
        assertEquals(Outcome.SAT, r.outcome());
        assertTrue(r.backend().startsWith("sat4j"), r.backend());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ErmSolver(
                ErmOptions.defaults().withSolvers(List.of("portfolio")), SolverRegistry.of(List.of(tired("tired")))));
        assertEquals("no solver of the portfolio is available here", e.getMessage());
    }

    @Test
    void crossChecksTakeRegistryIdsOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> solver(List.of("sat4j"), List.of("portfolio"), tired("tired")));
        assertTrue(e.getMessage().startsWith("unknown cross-check backend 'portfolio'"), e.getMessage());
        SolverProvider gone = new SolverProvider() {
            public String id() { return "gone"; }
            public String description() { return "unavailable test backend"; }
            public Set<Capability> capabilities() { return StubBackend.PSEUDO_BOOLEAN; }
            public org.ermbit.core.spi.Availability probe() { return org.ermbit.core.spi.Availability.missing("no natives"); }
            public org.ermbit.core.spi.Solver create() { throw new AssertionError("unavailable"); }
        };
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> solver(List.of("sat4j"), List.of("gone"), gone));
        assertEquals("solver 'gone' is not available here: no natives", u.getMessage());
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> solver(List.of("gone"), List.of(), gone));
        assertEquals("solver 'gone' is not available here: no natives", v.getMessage());
    }
}
