package org.ermbit.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.external.CadicalProvider;
import org.ermbit.solvers.external.MinisatProvider;
import org.ermbit.solvers.external.PicosatProvider;
import org.ermbit.solvers.logicng.LogicNgProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backends that solve the adder CNF of a pseudo-Boolean model ({@code logicng} in-process;
 * {@code ext-cadical}, {@code ext-minisat}, {@code ext-picosat} as external binaries) against brute
 * force on random pseudo-Boolean models, with coefficients beyond 64 bits, refusal of integer
 * variables, deadline and cancellation. An external backend's cases are skipped when its binary is absent.
 */
class CnfSatSolversTest {

    static Stream<SolverProvider> providers() {
        return Stream.of(new LogicNgProvider(), new CadicalProvider(), new MinisatProvider(), new PicosatProvider());
    }

    private static void requireAvailable(SolverProvider p) {
        Availability a = p.probe();
        assumeTrue(a.available(), p.id() + " unavailable: " + a.reason());
    }

    @ParameterizedTest
    @MethodSource("providers")
    void agreesWithBruteForceOnRandomPbModels(SolverProvider p) {
        requireAvailable(p);
        try (Solver s = p.create()) {
            for (long seed = 0; seed < 60; seed++) {
                SolveResult r = Differential.check(p, s, RandomModels.generate(seed, RandomModels.Shape.PSEUDO_BOOLEAN, true), p.id() + " seed " + seed);
                assertEquals(p.id(), r.backend());
            }
        }
    }

    /**
     * CaDiCaL's UNSAT answers are reported only with its DRAT proof checked: on pigeonhole formulas
     * (unsatisfiable by the pigeonhole principle) and on every random model brute force shows unsatisfiable.
     */
    @Test
    void cadicalsUnsatAnswersCarryACheckedDratProof() {
        SolverProvider p = new CadicalProvider();
        requireAvailable(p);
        try (Solver s = p.create()) {
            CertifiedRefutations.pigeonholesUpTo(s, 8, CertifiedRefutations.Kind.DRAT);
            CertifiedRefutations.randomModels(p, s, 60, 5, CertifiedRefutations.Kind.DRAT, true);
        }
    }

    /**
     * PicoSAT's UNSAT answers are reported only with its RUP proof ({@code picosat -R}) checked: on
     * pigeonhole formulas and on every random model brute force shows unsatisfiable.
     */
    @Test
    void picosatsUnsatAnswersCarryACheckedRupProof() {
        SolverProvider p = new PicosatProvider();
        requireAvailable(p);
        try (Solver s = p.create()) {
            CertifiedRefutations.pigeonholesUpTo(s, 7, CertifiedRefutations.Kind.RUP);
            CertifiedRefutations.randomModels(p, s, 60, 5, CertifiedRefutations.Kind.RUP, true);
        }
    }

    static Stream<Arguments> proofProperties() {
        return Stream.of(Arguments.of(CadicalProvider.PROOF_PROPERTY, (Supplier<SolverProvider>) CadicalProvider::new),
                Arguments.of(PicosatProvider.PROOF_PROPERTY, (Supplier<SolverProvider>) PicosatProvider::new));
    }

    /** With {@code -Dermbit.cadical.proof=off} ({@code picosat} likewise) the binary writes no proof, and its UNSAT is its claim alone. */
    @ParameterizedTest
    @MethodSource("proofProperties")
    void withProofsOffTheUnsatHasNoCertificate(String property, Supplier<SolverProvider> provider) {
        String old = System.getProperty(property);
        System.setProperty(property, "off");
        SolverProvider p;
        try {
            p = provider.get();
        } finally {
            if (old == null) System.clearProperty(property);
            else System.setProperty(property, old);
        }
        requireAvailable(p);
        try (Solver s = p.create()) {
            SolveResult r = s.solve(HardModels.pigeonholeClauses(6), Limits.none());
            assertEquals(Status.UNSAT, r.status(), r.toString());
            assertTrue(r.certificate().isEmpty(), r.toString());
            assertTrue(!r.stats().containsKey("proof.lemmas checked"), r.stats().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void coefficientsBeyond64Bits(SolverProvider p) {
        requireAvailable(p);
        // 2^80·x − 2^80·y ≥ 2^80 forces x = 1, y = 0 (hand-checked)
        BigInteger big = BigInteger.TWO.pow(80);
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x"), y = b.newBool("y");
        b.addLinear(LinearExpr.builder().add(big, x).add(big.negate(), y).build(), Relation.GE, big);
        try (Solver s = p.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.SAT, r.status(), r.toString());
            assertEquals(BigInteger.ONE, r.model().get().value(x));
            assertEquals(BigInteger.ZERO, r.model().get().value(y));
        }
        // (2^80+1)·x ≤ 2^80 with x forced: unsatisfiable only because of the +1
        ModelBuilder u = new ModelBuilder();
        Var z = u.newBool("z");
        u.addClause(z.lit());
        u.addLinear(LinearExpr.builder().add(big.add(BigInteger.ONE), z).build(), Relation.LE, big);
        try (Solver s = p.create()) {
            SolveResult no = s.solve(u.build(), Limits.none());
            assertEquals(Status.UNSAT, no.status(), no.toString());
            // logicng, ext-cadical and ext-picosat (proofs on by default) refute with a checked proof, ext-minisat without
            assertEquals(!(p instanceof MinisatProvider), no.certificate().isPresent(), no.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void integerVariablesAreRefused(SolverProvider p) {
        requireAvailable(p);
        ModelBuilder b = new ModelBuilder();
        b.newInt("k", BigInteger.ZERO, BigInteger.TEN);
        assertTrue(p.refusal(b.build()).startsWith("not supported: "));
        try (Solver s = p.create()) {
            SolveResult r = s.solve(b.build(), Limits.none());
            assertEquals(Status.ERROR, r.status());
            assertTrue(r.reason().startsWith("not supported: "), r.reason());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void deadlineKillsTheSolver(SolverProvider p) {
        requireAvailable(p);
        try (Solver s = p.create()) {
            SolveResult r = HardModels.solveWithTimeout(s, HardModels.pigeonholeClauses(13), Duration.ofSeconds(1));
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertEquals("timeout", r.reason());
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void cancelKillsTheSolver(SolverProvider p) throws Exception {
        requireAvailable(p);
        try (Solver s = p.create()) {
            SolveResult r = HardModels.solveAndCancel(s, HardModels.pigeonholeClauses(13), Duration.ofMillis(300));
            assertEquals(Status.UNKNOWN, r.status(), r.toString());
            assertEquals("cancelled", r.reason());
        }
    }
}
