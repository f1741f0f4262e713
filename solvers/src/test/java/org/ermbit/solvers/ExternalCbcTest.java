package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.external.CbcProvider;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ext-cbc} against brute force (SAT/UNSAT and optimum), its 2^53 refusal and deadline; skipped without cbc. */
class ExternalCbcTest {
    private final CbcProvider provider = new CbcProvider();

    @BeforeEach
    void requireAvailable() {
        Availability a = provider.probe();
        assumeTrue(a.available(), "ext-cbc unavailable: " + a.reason());
    }

    @Test
    void agreesWithBruteForceOnRandomLinearModels() {
        try (Solver s = provider.create()) {
            for (long seed = 0; seed < 40; seed++) {
                Differential.check(provider, s, RandomModels.generate(seed, RandomModels.Shape.LIA, true), "ext-cbc LIA seed " + seed);
            }
            for (long seed = 0; seed < 20; seed++) {
                Differential.check(provider, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, true), "ext-cbc PB seed " + seed);
            }
        }
    }

    /**
     * Regression: CBC 2.10.8's default MIP preprocessing declared this reduced 3-SAT instance (a satisfiable
     * 10-variable formula, see instances/MANIFEST) infeasible; GLPK and Sat4j find solutions. ext-cbc runs with
     * {@code -preprocess off} and must answer SAT (verified) here.
     */
    @Test
    void cbcPreprocessingDoesNotTurnASatisfiableReductionIntoUnsat() throws Exception {
        Path file = Path.of(getClass().getResource("/cbc/3sat-relu-v10-c43-s1.json").toURI());
        ErmInstance inst = InstanceReader.read(file);
        ErmResult cbc = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("ext-cbc"))).decide(inst);
        ErmResult sat4j = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("sat4j"))).decide(inst);
        assertEquals(ErmResult.Outcome.SAT, sat4j.outcome(), "independent answer");
        assertEquals(ErmResult.Outcome.SAT, cbc.outcome(), cbc.toString());
    }

    @Test
    void anUnsatOfCbcAloneIsNoAnswer() {
        ErmInstance xor = XorInstances.xor(1, new Domain.FixedPoint(3, 0));
        ErmOptions cbcOnly = ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("ext-cbc"));
        ErmResult alone = new ErmSolver(cbcOnly).decide(xor);
        assertEquals(ErmResult.Outcome.UNKNOWN, alone.outcome(), alone.toString());
        assertTrue(alone.reason().startsWith("ext-cbc answered UNSAT, but it decides in floating point"), alone.reason());
        // an exact backend's confirmation makes it an answer
        ErmResult confirmed = new ErmSolver(cbcOnly.withCrossCheck(List.of("sat4j"))).decide(xor);
        assertEquals(ErmResult.Outcome.UNSAT, confirmed.outcome(), confirmed.toString());
        assertEquals("", confirmed.reason());
        assertTrue(confirmed.provenance().get(1).startsWith("sat4j") && confirmed.provenance().get(1).endsWith("(confirmed)"),
                confirmed.provenance().toString());
        // an exact prover needs no caveat, whoever confirms it
        ErmResult exact = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("sat4j"))
                .withCrossCheck(List.of("ext-cbc"))).decide(xor);
        assertEquals(ErmResult.Outcome.UNSAT, exact.outcome(), exact.toString());
        assertEquals("", exact.reason());
    }

    @Test
    void anOptimumProvedByCbcAloneIsNotProved() {
        // XOR with one unit: the optimum is positive, so "nothing smaller" is cbc's infeasibility claim
        ErmInstance xor = XorInstances.xor(1, new Domain.FixedPoint(3, 0));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("ext-cbc"))).optimize(xor, l -> { });
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.toString());
        assertTrue(r.reason().startsWith("ext-cbc answered that no smaller loss exists, but it decides in floating point"),
                r.reason());
    }

    /**
     * Bug fixed (session 23): CBC calls this feasible instance infeasible (w = 1, b = 1 fits both points
     * exactly, by hand; 33-bit inputs, far below the 2^53 the LP export allows), and ermbit printed
     * s UNSATISFIABLE (exit 20) and, for optimize, a wrong "proved" optimum 17179869187. A floating-point
     * infeasibility verdict alone is now no answer.
     */
    @Test
    void cbcsWrongInfeasibilityOn33BitDataIsNotReported() throws Exception {
        Path file = Path.of(getClass().getResource("/cbc/g33.json").toURI());
        ErmInstance inst = InstanceReader.read(file);
        ErmOptions cbcOnly = ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("ext-cbc"));
        ErmResult decided = new ErmSolver(cbcOnly).decide(inst);
        assertTrue(decided.outcome() != ErmResult.Outcome.UNSAT, decided.toString());
        ErmResult optimum = new ErmSolver(cbcOnly).optimize(inst, l -> { });
        assertTrue(optimum.outcome() != ErmResult.Outcome.OPTIMUM || optimum.loss().orElseThrow().signum() == 0, optimum.toString());
        ErmResult sat4j = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("sat4j"))).optimize(inst, l -> { });
        assertEquals(ErmResult.Outcome.OPTIMUM, sat4j.outcome());
        assertEquals(Rational.ZERO, sat4j.loss().orElseThrow(), "independent answer");
    }

    /**
     * Bug fixed (session 24): CBC's text solution has 8 significant digits, so every value above about
     * 10^8 came back rounded (1.2345679e+08), the exact check rejected the assignment and ext-cbc
     * answered ERROR on satisfiable models with 27- to 52-bit values. The values now come from CBC's
     * binary solution file. By hand: x + y = 2^40 + 3 with y in [0, 1] forces x = 2^40 + 2 or 2^40 + 3;
     * minimising y gives x = 2^40 + 3 exactly (at 2^52 + 3 CBC 2.10.8 fails an assertion in its probing cuts).
     */
    @Test
    void valuesBeyondEightDigitsAreReadExactly() {
        BigInteger target = BigInteger.TWO.pow(40).add(BigInteger.valueOf(3));
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, target);
        Var y = b.newInt("y", BigInteger.ZERO, BigInteger.ONE);
        b.addLinear(LinearExpr.builder().add(1, x).add(1, y).build(), Relation.EQ, target);
        b.minimize(LinearExpr.of(y));
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.toString());
            assertEquals(target, r.model().get().value(x));
            assertEquals(BigInteger.ZERO, r.model().get().value(y));
        }
        // through the pipeline: one identity unit, target 123456789, weight and bias in [-1, 1]: loss 123456787
        ErmInstance big = InstanceReader.parse("""
                {"format":"ermbit/1","name":"bigt","network":{"inputs":1,"layers":[{"units":1,"activation":"identity"}]},
                 "parameters":{"domain":"grid","min":-1,"max":1},"loss":{"type":"absolute"},"threshold":"123456787",
                 "data":{"inputs":[[1]],"targets":[["123456789"]]}}""", "bigt", Path.of("."));
        ErmResult r = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("ext-cbc"))).decide(big);
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.toString());
        assertEquals(Rational.of(123456787), r.loss().orElseThrow());
    }

    @Test
    void enforcementLiteralsAreImplications() {
        // a → x ≥ 3, ¬a → x ≤ -3, x = 4 forces a; minimise -x - 10a... optimum -14 (hand-checked)
        ModelBuilder b = new ModelBuilder();
        Var a = b.newBool("a");
        Var x = b.newInt("x", BigInteger.valueOf(-5), BigInteger.valueOf(5));
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.valueOf(3), List.of(a.lit()));
        b.addLinear(LinearExpr.of(x), Relation.LE, BigInteger.valueOf(-3), List.of(a.not()));
        b.addLinear(LinearExpr.of(x), Relation.EQ, BigInteger.valueOf(4));
        b.minimize(LinearExpr.builder().add(-1, x).add(-10, a).build());
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.toString());
            assertEquals(BigInteger.ONE, r.model().get().value(a));
            assertEquals(BigInteger.valueOf(-14), r.objective().get());
        }
    }

    @Test
    void numbersBeyondTwoToThe53AreRefused() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        b.addLinear(LinearExpr.builder().add(BigInteger.TWO.pow(53).add(BigInteger.ONE), x).build(), Relation.GE, BigInteger.ONE);
        Model m = b.build();
        String why = provider.refusal(m);
        assertTrue(why != null && why.startsWith("not supported: ") && why.contains("2^53"), why);
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(m, Limits.none());
            assertEquals(Status.ERROR, r.status());
            assertTrue(r.reason().startsWith("not supported: "), r.reason());
        }
        // exactly 2^53 is still exact in doubles and accepted
        ModelBuilder ok = new ModelBuilder();
        Var y = ok.newBool("y");
        ok.addLinear(LinearExpr.builder().add(BigInteger.TWO.pow(53), y).build(), Relation.GE, BigInteger.ONE);
        assertEquals(null, provider.refusal(ok.build()));
    }

    @Test
    void deadlineKillsTheSolver() {
        try (Solver s = provider.create()) {
            SolveResult r = HardModels.solveWithTimeout(s, HardModels.pigeonholeInts(12), Duration.ofSeconds(1));
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertEquals("timeout", r.reason());
        }
    }
}
