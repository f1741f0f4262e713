package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.sat4j.Sat4jConfig;
import org.ermbit.solvers.sat4j.Sat4jProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Sat4jSolverTest {
    private final Sat4jProvider provider = new Sat4jProvider();

    @Test
    void probeSaysAvailable() {
        assertTrue(provider.probe().available(), provider.probe().reason());
    }

    @Test
    void agreesWithBruteForceOnRandomPbModels() {
        try (Solver s = provider.create()) {
            for (long seed = 0; seed < 400; seed++) {
                Differential.check(provider, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, true), "seed " + seed);
            }
        }
    }

    /** Every UNSAT of the default engine on decision models carries a checked DRUP proof of its PB constraints. */
    @Test
    void unsatAnswersCarryACheckedProof() {
        try (Solver s = provider.create()) {
            CertifiedRefutations.randomModels(provider, s, 400, 20, CertifiedRefutations.Kind.DRUP, false);
        }
    }

    /** Pigeonholes in clause form and with PB constraints (Σ_h x_ph ≥ 1, Σ_p x_ph ≤ 1): refuted with checked proofs. */
    @Test
    void pigeonholeRefutationsComeWithCheckedProofs() {
        try (Solver s = provider.create()) {
            CertifiedRefutations.pigeonholesUpTo(s, 8, CertifiedRefutations.Kind.DRUP);
            for (int pigeons = 2; pigeons <= 8; pigeons++) {
                CertifiedRefutations.refuted(s, HardModels.pigeonholeCardinalities(pigeons), CertifiedRefutations.Kind.DRUP, pigeons + " pigeons (PB)");
            }
        }
    }

    /** With proofs off, and on an engine that learns PB constraints, UNSAT is Sat4j's claim, without a certificate. */
    @ParameterizedTest
    @EnumSource(Sat4jConfig.class)
    void withoutProofsUnsatHasNoCertificate(Sat4jConfig config) {
        for (boolean proofs : new boolean[] {false, true}) {
            try (Solver s = new Sat4jProvider(config, proofs).create()) {
                SolveResult r = s.solve(HardModels.pigeonholeCardinalities(5), Limits.none());
                assertEquals(Status.UNSAT, r.status(), r.toString());
                assertEquals(proofs && config.learnsClauses(), r.certificate().isPresent(), config + " proofs " + proofs + ": " + r);
            }
        }
    }

    /** An objective: the final UNSAT proves optimality inside Sat4j's own search; no certificate is claimed for it. */
    @Test
    void optimaCarryNoCertificate() {
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(HardModels.pigeonholeOptimisation(4), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.toString());
            assertTrue(r.certificate().isEmpty());
        }
    }

    @Test
    void edgeCaseModelsAgreeWithBruteForce() {
        try (Solver s = provider.create()) {
            EdgeModels.pseudoBoolean().forEach((name, m) -> Differential.check(provider, s, m, name));
        }
    }

    @ParameterizedTest
    @EnumSource(Sat4jConfig.class)
    void everyConfigAgreesWithBruteForce(Sat4jConfig config) {
        Sat4jProvider p = new Sat4jProvider(config);
        try (Solver s = p.create()) {
            for (long seed = 1000; seed < 1060; seed++) {
                Differential.check(p, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, true), config + " seed " + seed);
            }
        }
    }

    @Test
    void coefficientsBeyond64Bits() {
        // 2^80·x − 2^80·y ≥ 2^80 forces x = 1, y = 0; minimise 2^90·x + 2^70·z with x ∨ z ... z free → z = 0
        BigInteger big = BigInteger.TWO.pow(80);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        Var z = b.newBool("z");
        b.addLinear(LinearExpr.builder().add(big, x).add(big.negate(), y).build(), Relation.GE, big);
        b.minimize(LinearExpr.builder().add(BigInteger.TWO.pow(90), x).add(BigInteger.TWO.pow(70), z).build());
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.toString());
            assertEquals(BigInteger.ONE, r.model().get().value(x));
            assertEquals(BigInteger.ZERO, r.model().get().value(y));
            assertEquals(BigInteger.ZERO, r.model().get().value(z));
            assertEquals(BigInteger.TWO.pow(90), r.objective().get());
        }
    }

    @Test
    void bigCoefficientsCanProveUnsat() {
        // (2^80+1)·x ≤ 2^80 with x forced true: unsatisfiable only because of the +1
        BigInteger big = BigInteger.TWO.pow(80);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        b.addClause(x.lit());
        b.addLinear(LinearExpr.builder().add(big.add(BigInteger.ONE), x).build(), Relation.LE, big);
        try (Solver s = provider.create()) {
            // the checker saturates (2^80+1)·¬x ≥ 1 to ¬x ≥ 1: the refutation needs no lemma
            SolveResult r = CertifiedRefutations.refuted(s, b.build(), CertifiedRefutations.Kind.DRUP, "2^80");
            assertEquals("0", r.stats().get("proof.lemmas checked"));
        }
    }

    @Test
    void integerVariablesAreNotSupported() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newInt("x", BigInteger.ZERO, BigInteger.TEN);
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.TWO);
        assertNotSupported(b.build());
    }

    @Test
    void enforcedLinearConstraintsAreNotSupported() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        b.addLinear(LinearExpr.of(x), Relation.GE, BigInteger.ONE, List.of(y.lit()));
        assertNotSupported(b.build());
    }

    @Test
    void productsAreNotSupported() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        Var z = b.newBool("z");
        b.addProduct(z, x, y);
        assertNotSupported(b.build());
    }

    private void assertNotSupported(Model m) {
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(m, Limits.none());
            assertEquals(Status.ERROR, r.status());
            assertTrue(r.reason().startsWith("not supported: "), r.reason());
        }
    }

    @Test
    void deadlineStopsAHardModel() {
        try (Solver s = provider.create()) {
            SolveResult r = HardModels.solveWithTimeout(s, HardModels.pigeonholeClauses(11), Duration.ofSeconds(1));
            assertEquals(Status.UNKNOWN, r.status());
            assertEquals("timeout", r.reason());
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheSolve() throws Exception {
        try (Solver s = provider.create()) {
            SolveResult r = HardModels.solveAndCancel(s, HardModels.pigeonholeClauses(11), Duration.ofMillis(300));
            assertEquals(Status.UNKNOWN, r.status());
            assertEquals("cancelled", r.reason());
        }
    }

    @Test
    void aTimeoutDuringTheLinearSearchReportsTheBestModelAsSat() {
        // optimum 1, but proving it is pigeonhole for 12 pigeons (exponential for Sat4j's resolution)
        Model m = HardModels.pigeonholeOptimisation(12);
        try (Solver s = provider.create()) {
            SolveResult r = HardModels.solveWithTimeout(s, m, Duration.ofSeconds(2));
            assertEquals(Status.SAT, r.status(), r.toString());
            assertEquals("timeout", r.stats().get("stopped"));
            assertTrue(m.isSatisfiedBy(r.model().orElseThrow()));
            assertTrue(r.objective().orElseThrow().compareTo(BigInteger.ONE) >= 0, r.toString());
        }
    }

    @Test
    void anOptimumReportsItsEngineAndItsImprovingModels() {
        // minimise x + y + z subject to x + y + z ≥ 2: at least one improving model, optimum 2
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        Var z = b.newBool("z");
        LinearExpr sum = LinearExpr.builder().add(1, x).add(1, y).add(1, z).build();
        b.addLinear(sum, Relation.GE, BigInteger.TWO);
        b.minimize(sum);
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status());
            assertEquals(BigInteger.TWO, r.objective().orElseThrow());
            assertTrue(Integer.parseInt(r.stats().get("improvements")) >= 1, r.stats().toString());
            assertEquals("default", r.stats().get("config"));
        }
    }

    @Test
    void configurationsParseByOptionOrEnumName() {
        assertEquals(Sat4jConfig.CUTTING_PLANES, Sat4jConfig.parse("cutting-planes"));
        assertEquals(Sat4jConfig.CUTTING_PLANES, Sat4jConfig.parse("CUTTING_PLANES"));
        assertEquals(Sat4jConfig.PARTIAL_ROUNDING_SAT, Sat4jConfig.parse("Partial-Rounding-Sat"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Sat4jConfig.parse("cutting planes"));
        assertTrue(e.getMessage().contains("known: default, resolution, cutting-planes, rounding-sat, partial-rounding-sat, both"), e.getMessage());
        assertEquals("sat4j", provider.id());
    }

    @Test
    void alreadyExpiredLimitsGiveUnknownAtOnce() {
        Limits l = Limits.none();
        l.cancel().cancel();
        try (Solver s = provider.create()) {
            SolveResult r = s.solve(HardModels.pigeonholeClauses(5), l);
            assertEquals(Status.UNKNOWN, r.status());
            assertEquals("cancelled", r.reason());
        }
    }
}
