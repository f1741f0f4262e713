package org.ermbit.solvers.hardness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.hardness.Reduction;
import org.ermbit.reductions.hardness.ThreeSatToRelu;
import org.ermbit.solvers.HardModels;
import org.ermbit.solvers.hardness.ThreeSatReluCheck.Side;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.junit.jupiter.api.Test;

/**
 * {@code check 3sat-relu} must catch a wrong reduction, not only confirm the right one: each test
 * breaks one part of {@link ThreeSatToRelu} (the instance, the forward map, the backward map) and
 * expects the check to disagree and say which part failed.
 */
class BrokenReductionsTest {
    /** (x1 ∨ x2) ∧ (x1): satisfiable, and only by assignments with x1 true. */
    private static final Cnf SAT = new Cnf(2, List.of(new int[] {1, 2}, new int[] {1}));
    /** (x1) ∧ (¬x1): unsatisfiable. */
    private static final Cnf UNSAT = new Cnf(1, List.of(new int[] {1}, new int[] {-1}));

    /** {@link ThreeSatToRelu} with parts replaced. */
    private record Broken(Function<Cnf, ErmInstance> reduce, Function<ErmInstance, NetworkParameters> forward,
                          Function<NetworkParameters, Optional<boolean[]>> backward) implements Reduction<Cnf, ErmInstance, boolean[], NetworkParameters> {
        private static final ThreeSatToRelu RIGHT = new ThreeSatToRelu();

        static Broken none() {
            return new Broken(null, null, null);
        }

        @Override
        public String name() {
            return "broken-3sat-relu";
        }

        @Override
        public String description() {
            return "3sat-relu with parts replaced";
        }

        @Override
        public ErmInstance reduce(Cnf source) {
            return reduce == null ? RIGHT.reduce(source) : reduce.apply(source);
        }

        @Override
        public NetworkParameters forward(Cnf source, ErmInstance target, boolean[] w) {
            return forward == null ? RIGHT.forward(source, target, w) : forward.apply(target);
        }

        @Override
        public Optional<boolean[]> backward(Cnf source, ErmInstance target, NetworkParameters p) {
            return backward == null ? RIGHT.backward(source, target, p) : backward.apply(p);
        }
    }

    private static ThreeSatReluCheck.Report check(Broken reduction, Cnf cnf) {
        return new ThreeSatReluCheck(ErmOptions.defaults(), reduction).check(cnf);
    }

    @Test
    void theUnbrokenReductionAgrees() {
        ThreeSatReluCheck.Report r = check(Broken.none(), SAT);
        assertEquals(List.of(), r.problems());
        assertEquals(Side.SAT, r.target());
    }

    @Test
    void aForwardMapToTheZeroNetworkIsCaught() {
        Broken zero = new Broken(null, inst -> NetworkParameters.build(inst.architecture(), ref -> Rational.ZERO), null);
        ThreeSatReluCheck.Report r = check(zero, SAT);
        assertFalse(r.agree());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals(true, r.problems().get(0).startsWith("forward map: the network of the direct model is rejected"), r.problems().toString());
    }

    @Test
    void aBackwardMapThatFindsNoCertificateIsCaught() {
        ThreeSatReluCheck.Report r = check(new Broken(null, null, p -> Optional.empty()), SAT);
        assertFalse(r.agree());
        assertEquals(List.of("backward map: the pipeline's network is not a certificate"), r.problems());
    }

    @Test
    void aBackwardMapToAFalsifyingAssignmentIsCaught() {
        ThreeSatReluCheck.Report r = check(new Broken(null, null, p -> Optional.of(new boolean[3])), SAT);
        assertFalse(r.agree());
        assertEquals(List.of("backward map: the assignment read off the network does not satisfy the formula"), r.problems());
    }

    /** An instance that is infeasible for a satisfiable formula: the answers differ (the forward map's check fails too). */
    @Test
    void anInstanceWithTheWrongAnswerIsCaught() {
        ThreeSatToRelu right = new ThreeSatToRelu();
        ThreeSatReluCheck.Report r = check(new Broken(cnf -> right.reduce(UNSAT), null, null), SAT);
        assertFalse(r.agree());
        assertEquals(Side.SAT, r.source());
        assertEquals(Side.UNSAT, r.target());
        assertEquals(true, r.problems().contains("the formula is SAT but the reduced instance is UNSAT"), r.problems().toString());
    }

    /**
     * The pigeonhole formula PHP(12, 11) takes resolution-based solvers far longer than the 1 s limit
     * (the same assumption as the backends' timeout tests): the direct side must stop at the deadline
     * and the check must report it rather than agree.
     */
    @Test
    void aDirectSolveThatRunsOutOfTimeIsReported() {
        Cnf php = HardModels.pigeonholeCnf(12);
        CnfSat4j.Answer direct = CnfSat4j.solve(php, org.ermbit.core.spi.Limits.timeout(java.time.Duration.ofSeconds(1)));
        assertEquals(Optional.empty(), direct.satisfiable());
        ThreeSatReluCheck.Report r = new ThreeSatReluCheck(ErmOptions.defaults().withTimeout(java.time.Duration.ofSeconds(1))).check(php);
        assertFalse(r.agree());
        assertEquals(Side.UNKNOWN, r.source());
        assertEquals("direct solve: no answer (timeout)", r.unanswered().get(0), r.unanswered().toString());
        assertEquals(List.of(), r.problems(), "no answer is not a contradiction");
    }
}
