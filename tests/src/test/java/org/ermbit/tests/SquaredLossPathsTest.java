package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Capability;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.lower.IntegerToPseudoBoolean;
import org.ermbit.reductions.lower.LoweringPass;
import org.ermbit.reductions.lower.Lowered;
import org.ermbit.reductions.lower.Lowerings;
import org.ermbit.reductions.lower.ProductToBits;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The squared-loss paths of DESIGN §5 agree with brute force: native nonlinear arithmetic (Z3 on
 * the model with its products), conditional weight bits (Z3, linear), bit products with AND
 * auxiliaries (Sat4j, pseudo-Boolean) and conditional weight bits lowered to pseudo-Boolean
 * (Sat4j). On seeded random tiny instances with squared loss: SAT at the exact optimum with a
 * witness the exact verifier accepts, UNSAT just below it.
 */
class SquaredLossPathsTest {

    record Path(String name, String backend, LoweringPass lowering) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Path> paths() {
        return List.of(
                new Path("native NIA (z3)", "z3", Lowerings.forCapabilities(Set.of(Capability.NIA))),
                new Path("weight bits, LIA (z3)", "z3", Lowerings.chain(ProductToBits.conditional())),
                new Path("bit products, PB (sat4j)", "sat4j", Lowerings.forCapabilities(Set.of(Capability.PSEUDO_BOOLEAN))),
                new Path("weight bits, PB (sat4j)", "sat4j", Lowerings.chain(ProductToBits.conditional(), new IntegerToPseudoBoolean())));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Path p : paths()) for (long seed = 0; seed < 12; seed++) out.add(Arguments.of(p, seed));
        return out.stream();
    }

    static ErmInstance squared(long seed) {
        ErmInstance i = RandomInstances.piecewiseLinear(seed + 7000, Rational.ZERO);
        Aggregate agg = seed % 2 == 0 ? Aggregate.SUM : Aggregate.MEAN;
        return new ErmInstance(i.name(), i.description(), i.architecture(), i.domains(), i.fixed(), new Loss(LossType.SQUARED, agg),
                Rational.ZERO, i.data(), i.expected());
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void pathAgreesWithBruteForce(Path path, long seed) {
        SolverProvider provider = SolverRegistry.load().byId(path.backend());
        assumeTrue(provider.probe().available(), path.backend() + " is not available here");
        ErmInstance inst = squared(seed);
        Rational optimum = BruteForce.minimumLoss(inst);
        Encoding enc = ErmEncoder.encode(inst, new EncoderOptions(seed % 3 == 0));

        Model at = enc.withLossAtMost(optimum);
        Assignment a = solve(provider, path.lowering(), at, Status.SAT, path + " at the optimum " + optimum);
        NetworkParameters p = enc.decodeParameters(a);
        assertEquals(optimum, Verifier.verify(inst, p).loss(), path + ": the decoded witness is not optimal");

        if (optimum.signum() > 0) {
            Model below = enc.withLossAtMost(optimum.subtract(Rational.of(1, 1_000_000)));
            solve(provider, path.lowering(), below, Status.UNSAT, path + " below the optimum " + optimum);
        }
    }

    private static Assignment solve(SolverProvider provider, LoweringPass pass, Model m, Status expected, String where) {
        Lowered low = pass.apply(m);
        SolveResult r;
        try (Solver s = provider.create()) {
            r = s.solve(low.model(), Limits.none());
        }
        assertEquals(expected, r.status(), where + ": " + r.reason());
        if (expected != Status.SAT) return null;
        Assignment lifted = low.lift().lift(r.model().orElseThrow());
        assertTrue(m.isSatisfiedBy(lifted), where + ": lifted model violates the constraint model");
        return lifted;
    }
}
