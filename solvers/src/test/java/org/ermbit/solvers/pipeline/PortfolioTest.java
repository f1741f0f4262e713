package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;

/**
 * A failing race member (an exception or an error thrown by its backend) is that member's reason,
 * not the race's end; a race where every member failed is an internal error listing why.
 * Instance: point (1, 1), w, b in {−2..2}: loss 0 at w + b = 1 (hand).
 */
class PortfolioTest {

    private static final ErmInstance NEAR = LossDescentTest.line(-2, 2, Aggregate.SUM, 1);

    private static StubBackend throwing(String id, RuntimeException e) {
        return StubBackend.answering(id, m -> {
            throw e;
        });
    }

    private static ErmSolver solver(List<String> ids, SolverProvider... stubs) {
        List<SolverProvider> all = new java.util.ArrayList<>(List.of(stubs));
        all.add(SolverRegistry.load().byId("sat4j"));
        return new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(ids), SolverRegistry.of(all));
    }

    @Test
    void aFailingMemberDoesNotStopTheOthers() {
        ErmResult r = solver(List.of("boom", "sat4j"), throwing("boom", new IllegalStateException("kaput"))).decide(NEAR);
        assertEquals(Outcome.SAT, r.outcome());
        assertEquals(Rational.ZERO, r.loss().orElseThrow());
        assertTrue(r.backend().startsWith("sat4j"), r.backend());
    }

    @Test
    void aFailureIsTheMembersReasonWhenNobodyAnswers() {
        ErmResult r = solver(List.of("boom", "tired"), throwing("boom", new IllegalStateException("kaput")),
                StubBackend.answering("tired", m -> SolveResult.unknown("too tired", "tired", "", Duration.ZERO))).decide(NEAR);
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertTrue(r.reason().contains("boom: failed: java.lang.IllegalStateException: kaput"), r.reason());
        assertTrue(r.reason().contains("tired: UNKNOWN (too tired)"), r.reason());
    }

    @Test
    void everyMemberFailingIsAnInternalError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> solver(List.of("boom", "bang"), throwing("boom", new IllegalStateException("kaput")), new StubBackend("bang",
                        StubBackend.PSEUDO_BOOLEAN, (m, l) -> {
                            throw new OutOfMemoryError("test");
                        })).decide(NEAR));
        assertTrue(e.getMessage().startsWith("every backend failed: "), e.getMessage());
        assertTrue(e.getMessage().contains("boom: failed: java.lang.IllegalStateException: kaput"), e.getMessage());
        assertTrue(e.getMessage().contains("bang: failed: java.lang.OutOfMemoryError: test"), e.getMessage());
    }

    @Test
    void aBackendSlowerThanTheStopGraceStillAnswers() {
        // the 3 s grace applies only to runs cancelled by an interrupt: an uninterrupted race waits for its members
        StubBackend slow = StubBackend.answering("slow", m -> {
            try {
                Thread.sleep(3_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SolveResult.unsat("slow", "", Duration.ZERO, java.util.Map.of());
        });
        ErmResult r = solver(List.of("slow"), slow).decide(NEAR); // slow lies (NEAR is SAT); the race has no way to know
        assertEquals(Outcome.UNSAT, r.outcome(), r.reason());
        assertEquals(List.of("slow"), r.provenance());
    }

    /**
     * Bug fixed (session 24): an interrupted race whose only member ignored the cancellation for longer
     * than the grace (logicng while adding clauses) threw "every backend failed: interrupted: …" — an
     * internal error on the command line (exit 130 plus an error line) and an exception for an embedding
     * caller. Now UNKNOWN "cancelled", naming the run that did not stop, with the interrupt flag kept.
     */
    @Test
    void anInterruptedRaceWhoseMemberDoesNotStopIsUnknown() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        StubBackend deaf = StubBackend.answering("deaf", m -> {
            started.countDown();
            long until = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < until) Thread.onSpinWait(); // ignores its cancel token and interrupts
            return SolveResult.unknown("done", "deaf", "", Duration.ZERO);
        });
        ErmResult[] result = new ErmResult[1];
        boolean[] flag = new boolean[1];
        Thread caller = new Thread(() -> {
            result[0] = solver(List.of("deaf"), deaf).decide(NEAR);
            flag[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        started.await();
        caller.interrupt();
        caller.join();
        assertEquals(Outcome.UNKNOWN, result[0].outcome());
        assertTrue(result[0].reason().startsWith("cancelled; interrupted: deaf did not stop within 3000 ms and was left behind"), result[0].reason());
        assertTrue(flag[0], "the caller's interrupt flag is set again");
    }

    /**
     * Bug fixed (session 24): nothing bounded a backend that ignores its deadline — Sat4j propagating
     * constraints with thousand-bit coefficients checks its timeout only at conflicts, and a
     * `--timeout 10` run took 200 s. The race now leaves such a run behind 3 s after the deadline.
     */
    @Test
    void aMemberThatIgnoresTheDeadlineIsLeftBehind() {
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        ErmResult one = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("deaf"))
                .withTimeout(Duration.ofSeconds(1)), SolverRegistry.of(List.of(deaf("deaf", finished)))).decide(NEAR);
        assertEquals(Outcome.UNKNOWN, one.outcome());
        assertTrue(one.reason().startsWith("timeout; timeout: deaf did not stop within 3000 ms and was left behind"), one.reason());
        ErmResult two = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("deaf", "mute"))
                .withTimeout(Duration.ofSeconds(1)), SolverRegistry.of(List.of(deaf("deaf", finished), deaf("mute", finished)))).decide(NEAR);
        assertTrue(two.reason().startsWith("timeout; timeout: deaf, mute did not stop within 3000 ms and were left behind"), two.reason());
        assertEquals(0, finished.get(), "the calls returned while the runs were still going");
    }

    /**
     * A backend that answers only after 30 s (sleeping, so it costs no processor), ignoring its deadline,
     * cancel token and interrupts, as a busy native search does.
     */
    private static StubBackend deaf(String id, java.util.concurrent.atomic.AtomicInteger finished) {
        return StubBackend.answering(id, m -> {
            long until = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < until) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    // not looked at
                }
            }
            finished.incrementAndGet();
            return SolveResult.unknown("done", id, "", Duration.ZERO);
        });
    }
}
