package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every available backend against brute-force enumeration on random tiny instances (mixed losses,
 * domains, depths, outputs, fixed parameters): the same SAT/UNSAT answer at thresholds just at and
 * just below the true optimum, and the same optimum; the UNSAT answers and optima of {@code ext-cadical} and
 * {@code logicng} come with their checked DRAT proofs, those of {@code sat4j} with its checked DRUP proofs.
 */
class DifferentialTest {

    /** Instances per backend; fast backends get the most. */
    private static int count(String id) {
        return switch (id) {
            case "sat4j" -> 500;
            case "z3", "cpsat" -> 200;
            default -> id.startsWith("ext-") ? 15 : 40; // external backends start a process per solve
        };
    }

    /** Optional comma-separated backend ids to restrict the run to (e.g. {@code -Dermbit.differential.only=cpsat}). */
    static final String ONLY_PROPERTY = "ermbit.differential.only";

    private static final Map<String, Availability> AVAILABILITY = new ConcurrentHashMap<>();

    static Stream<Arguments> cases() {
        return cases(DifferentialTest::count);
    }

    /**
     * (backend id, seed) for every registered backend (or those of {@link #ONLY_PROPERTY}), {@code count(id)}
     * seeds each; the cases of a backend that is unavailable here are reported as skipped.
     */
    static Stream<Arguments> cases(ToIntFunction<String> count) {
        SolverRegistry reg = SolverRegistry.load();
        String only = System.getProperty(ONLY_PROPERTY, "").trim();
        List<String> ids = only.isEmpty() ? List.of() : List.of(only.split("\\s*,\\s*"));
        return reg.all().stream().filter(p -> ids.isEmpty() || ids.contains(p.id()))
                .flatMap(p -> LongStream.range(0, count.applyAsInt(p.id())).mapToObj(seed -> Arguments.of(p.id(), seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void agreesWithBruteForce(String backend, long seed) {
        agreeWithBruteForce(backend, seed, RandomInstances.piecewiseLinear(seed, Rational.ZERO));
    }

    /**
     * {@code backend} alone (no local search; symmetry breaking on for even seeds) on {@code probe}:
     * SAT with a verified in-domain witness at the brute-force optimum, UNSAT just below it, and
     * that optimum from {@code optimize}.
     */
    static void agreeWithBruteForce(String backend, long seed, ErmInstance probe) {
        agreeWithBruteForce(backend, seed, probe, UnaryOperator.identity());
    }

    /** {@link #agreeWithBruteForce(String, long, ErmInstance)} with the solver's options changed by {@code configure}. */
    static void agreeWithBruteForce(String backend, long seed, ErmInstance probe, UnaryOperator<ErmOptions> configure) {
        Availability availability = AVAILABILITY.computeIfAbsent(backend, id -> SolverRegistry.load().byId(id).probe());
        assumeTrue(availability.available(), () -> backend + " is not available here: " + availability.reason());
        Rational optimum = BruteForce.minimumLoss(probe);
        ErmSolver solver = new ErmSolver(configure.apply(
                ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of(backend)).withSymmetryBreaking(seed % 2 == 0)));
        String where = backend + " seed " + seed + " optimum " + optimum;

        ErmInstance atOptimum = withThreshold(probe, optimum);
        ErmResult at = solver.decide(atOptimum);
        assertEquals(ErmResult.Outcome.SAT, at.outcome(), where + ": " + at.reason());
        assertTrue(Verifier.verify(atOptimum, at.witness().orElseThrow()).accepted(), where);
        assertTrue(Verifier.domainProblems(atOptimum, at.witness().orElseThrow()).isEmpty(), where);

        if (optimum.signum() > 0) {
            Rational below = optimum.subtract(Rational.of(1, 1000));
            ErmResult under = solver.decide(withThreshold(probe, below.signum() < 0 ? Rational.ZERO : below));
            assertUnsat(backend, under, where);
            if (CHECKED_PROOF.containsKey(backend)) assertTrue(under.provenance().get(0).contains(CHECKED_PROOF.get(backend)), where + ": " + under.provenance());
            assertEquals(CHECKED_PROOF.containsKey(backend), under.certificate().isPresent(), where + ": " + under.certificate());
        }
        ErmResult opt = solver.optimize(probe, l -> { });
        assertOptimum(backend, opt, optimum, where);
        if (CHECKED_PROOF.containsKey(backend) && optimum.signum() > 0) {
            // the optimum is proved by an UNSAT below it: one entry for the backend, naming its checked proof
            List<String> named = opt.provenance().stream().filter(s -> s.startsWith(backend + " ")).toList();
            assertEquals(1, named.size(), where + ": " + opt.provenance());
            assertTrue(named.get(0).contains(CHECKED_PROOF.get(backend)), where + ": " + opt.provenance());
            assertTrue(opt.certificate().isPresent(), where);
        }
        if (!CHECKED_PROOF.containsKey(backend)) assertTrue(opt.certificate().isEmpty(), where + ": " + opt.certificate());
    }

    /**
     * {@code r} is {@code backend}'s UNSAT: for a floating-point backend, whose UNSAT alone is no answer,
     * UNKNOWN saying that the backend answered UNSAT (so its verdict still agrees with brute force).
     */
    static void assertUnsat(String backend, ErmResult r, String where) {
        if (floatingPoint(backend)) {
            assertEquals(ErmResult.Outcome.UNKNOWN, r.outcome(), where + ": " + r.reason());
            assertTrue(r.reason().startsWith(backend + " answered UNSAT, but it decides in floating point"), where + ": " + r.reason());
        } else {
            assertEquals(ErmResult.Outcome.UNSAT, r.outcome(), where + ": " + r.reason());
        }
    }

    /**
     * {@code r} is {@code backend}'s optimum {@code optimum}: for a floating-point backend and a positive
     * optimum, an unproved SAT at that loss saying that the backend claimed nothing smaller exists.
     */
    static void assertOptimum(String backend, ErmResult r, Rational optimum, String where) {
        if (floatingPoint(backend) && optimum.signum() > 0) {
            assertEquals(ErmResult.Outcome.SAT, r.outcome(), where + ": " + r.reason());
            assertTrue(r.reason().startsWith(backend + " answered that no smaller loss exists"),
                    where + ": " + r.reason());
        } else {
            assertEquals(ErmResult.Outcome.OPTIMUM, r.outcome(), where + ": " + r.reason());
        }
        assertEquals(optimum, r.loss().orElseThrow(), where);
    }

    private static boolean floatingPoint(String backend) {
        return SolverRegistry.load().byId(backend).capabilities().contains(org.ermbit.core.spi.Capability.FLOATING_POINT);
    }

    /** The backends whose UNSAT answers carry a proof ermbit checked, and how their prover entries say so. */
    private static final Map<String, String> CHECKED_PROOF = Map.of(
            "ext-cadical", "(DRAT proof of its CNF checked: ",
            "ext-picosat", "(RUP proof of its CNF checked: ",
            "logicng", "(DRAT proof of its CNF checked: ",
            "sat4j", "(DRUP proof of its PB constraints checked: ");

    static ErmInstance withThreshold(ErmInstance i, Rational t) {
        return new ErmInstance(i.name(), i.description(), i.architecture(), i.domains(), i.fixed(), i.loss(), t, i.data(), i.expected());
    }

}
