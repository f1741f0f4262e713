package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every LIA backend must meet, checked against brute force and hand-made models.
 * Subclasses name the provider, how many random models to try, and a model that is hard for it.
 * Tests are skipped (not failed) when the backend's probe says it is unavailable here.
 */
abstract class LiaBackendContract {
    abstract SolverProvider provider();

    /** Random models per shape (LIA and, with NIA, products). */
    int randomModels() {
        return 300;
    }

    /** An unsatisfiable model this backend cannot finish in a second. */
    Model hardModel() {
        return HardModels.pigeonholeClauses(12);
    }

    @BeforeEach
    void requireAvailable() {
        Availability a = provider().probe();
        assumeTrue(a.available(), provider().id() + " unavailable: " + a.reason());
    }

    @Test
    void agreesWithBruteForceOnRandomLiaModels() {
        SolverProvider p = provider();
        try (Solver s = p.create()) {
            for (long seed = 0; seed < randomModels(); seed++) {
                Differential.check(p, s, RandomModels.generate(seed, RandomModels.Shape.LIA, true), p.id() + " LIA seed " + seed);
            }
        }
    }

    @Test
    void agreesWithBruteForceOnRandomNiaModelsOrRefusesThem() {
        SolverProvider p = provider();
        boolean nia = p.capabilities().contains(Capability.NIA);
        try (Solver s = p.create()) {
            for (long seed = 5000; seed < 5000 + randomModels(); seed++) {
                Model m = RandomModels.generate(seed, RandomModels.Shape.NIA, true);
                if (nia || !m.hasProducts()) {
                    Differential.check(p, s, m, p.id() + " NIA seed " + seed);
                } else {
                    SolveResult r = s.solve(m, Limits.none());
                    assertEquals(Status.ERROR, r.status());
                    assertTrue(r.reason().startsWith("not supported: "), r.reason());
                }
            }
        }
    }

    @Test
    void edgeCaseModelsAgreeWithBruteForce() {
        SolverProvider p = provider();
        boolean nia = p.capabilities().contains(Capability.NIA);
        try (Solver s = p.create()) {
            EdgeModels.upTo(nia).forEach((name, m) -> Differential.check(p, s, m, p.id() + " " + name));
        }
    }

    @Test
    void randomPbModelsToo() {
        SolverProvider p = provider();
        try (Solver s = p.create()) {
            for (long seed = 0; seed < randomModels() / 3; seed++) {
                Differential.check(p, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, true), p.id() + " PB seed " + seed);
            }
        }
    }

    @Test
    void coefficientsAndBoundsBeyond64Bits() {
        BigInteger big = BigInteger.TWO.pow(80);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.ONE);
        Var y = b.newInt("y", BigInteger.ZERO, BigInteger.TWO.pow(100));
        Var f = b.newBool("f");
        b.addLinear(LinearExpr.builder().add(big, x).build(), Relation.GE, big);
        // f → y ≥ 2^99 + 3, and f is forced
        b.addLinear(LinearExpr.of(y), Relation.GE, BigInteger.TWO.pow(99).add(BigInteger.valueOf(3)), List.of(f.lit()));
        b.addClause(f.lit());
        b.minimize(LinearExpr.builder().add(big, x).add(BigInteger.ONE, y).build());
        try (Solver s = provider().create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            boolean optimizes = provider().capabilities().contains(Capability.OPTIMIZE);
            assertEquals(optimizes ? Status.OPTIMAL : Status.SAT, r.status(), r.toString());
            assertEquals(BigInteger.ONE, r.model().get().value(x));
            if (optimizes) {
                assertEquals(BigInteger.TWO.pow(99).add(BigInteger.valueOf(3)), r.model().get().value(y));
                assertEquals(big.add(BigInteger.TWO.pow(99)).add(BigInteger.valueOf(3)), r.objective().get());
            }
        }
    }

    @Test
    void enforcementLiteralsAreImplications() {
        // a → x ≥ 3, ¬a → x ≤ -3, x ∈ [-5, 5], x = 4 forces a; hand-checked
        ModelBuilder b = new ModelBuilder();
        Var a = b.newBool("a");
        Var x = b.newInt("x", BigInteger.valueOf(-5), BigInteger.valueOf(5));
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.valueOf(3), List.of(a.lit()));
        b.addLinear(LinearExpr.of(x), Relation.LE, BigInteger.valueOf(-3), List.of(a.not()));
        b.addLinear(LinearExpr.of(x), Relation.EQ, BigInteger.valueOf(4));
        try (Solver s = provider().create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.SAT, r.status(), r.toString());
            assertEquals(BigInteger.ONE, r.model().get().value(a));
        }
    }

    @Test
    void alreadyExpiredLimitsGiveUnknownAtOnce() {
        Limits l = Limits.none();
        l.cancel().cancel();
        try (Solver s = provider().create()) {
            SolveResult r = s.solve(HardModels.pigeonholeClauses(5), l);
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertEquals("cancelled", r.reason());
        }
    }

    @Test
    void deadlineStopsAHardModel() {
        try (Solver s = provider().create()) {
            SolveResult r = HardModels.solveWithTimeout(s, hardModel(), Duration.ofSeconds(1));
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertEquals("timeout", r.reason());
        }
    }

    /**
     * Optimum 1, whose proof is the pigeonhole principle: at the deadline a backend may have proved it,
     * report its best model as SAT (an optimiser says it stopped), or know nothing — never claim less.
     */
    @Test
    void aDeadlineDuringOptimisationNeverGivesAWrongOptimum() {
        Model m = HardModels.pigeonholeOptimisation(12, true);
        try (Solver s = provider().create()) {
            SolveResult r = HardModels.solveWithTimeout(s, m, Duration.ofSeconds(2));
            switch (r.status()) {
                case OPTIMAL -> assertEquals(BigInteger.ONE, r.objective().orElseThrow(), r.toString());
                case SAT -> {
                    assertTrue(m.isSatisfiedBy(r.model().orElseThrow()), r.toString());
                    assertEquals(m.objective().get().expr().evaluate(r.model().get()::value), r.objective().orElseThrow());
                    assertTrue(r.objective().get().signum() > 0, r.toString());
                    if (provider().capabilities().contains(Capability.OPTIMIZE)) assertTrue(r.stats().containsKey("stopped"), r.toString());
                }
                case UNKNOWN -> assertEquals("timeout", r.reason(), r.toString());
                default -> throw new AssertionError(r.toString());
            }
        }
    }

    /** Models at once, an optimum far out of reach: at the deadline the best model (SAT) or nothing (UNKNOWN). */
    @Test
    void aDeadlineDuringALongOptimisationGivesTheBestModelOrNothing() {
        Model m = HardModels.randomMaxThreeSat(400, 2000, 1);
        try (Solver s = provider().create()) {
            SolveResult r = HardModels.solveWithTimeout(s, m, Duration.ofSeconds(2));
            if (r.status() == Status.UNKNOWN) {
                assertEquals("timeout", r.reason(), r.toString());
                return;
            }
            assertEquals(Status.SAT, r.status(), r.toString());
            assertTrue(m.isSatisfiedBy(r.model().orElseThrow()), r.toString());
            assertEquals(m.objective().get().expr().evaluate(r.model().get()::value), r.objective().orElseThrow());
            if (provider().capabilities().contains(Capability.OPTIMIZE)) assertTrue(r.stats().containsKey("stopped"), r.toString());
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheSolve() throws Exception {
        try (Solver s = provider().create()) {
            SolveResult r = HardModels.solveAndCancel(s, hardModel(), Duration.ofMillis(300));
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertEquals("cancelled", r.reason());
            // the session is still usable afterwards
            SolveResult again = s.solve(RandomModels.generate(7, RandomModels.Shape.LIA, false), Limits.none());
            assertTrue(again.status() == Status.SAT || again.status() == Status.UNSAT, again.toString());
        }
    }
}
