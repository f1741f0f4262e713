package org.ermbit.reductions.hardness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 3sat-relu reduction against brute force on both sides: the formula's satisfiability by
 * enumerating assignments, the instance's feasibility by enumerating every parameter vector of
 * its {0,1} domain and running the exact verifier.
 */
class ThreeSatToReluTest {

    private final ThreeSatToRelu reduction = new ThreeSatToRelu();

    static Stream<Long> seeds() {
        return java.util.stream.LongStream.range(0, 300).boxed();
    }


    static Cnf randomCnf(Random rnd) {
        int n = 1 + rnd.nextInt(4);
        int m = rnd.nextInt(7);
        List<int[]> clauses = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            int k = rnd.nextInt(10) == 0 ? rnd.nextInt(3) : 3; // some empty, unit and binary clauses
            int[] clause = new int[k];
            for (int t = 0; t < k; t++) clause[t] = (1 + rnd.nextInt(n)) * (rnd.nextBoolean() ? 1 : -1);
            clauses.add(clause);
        }
        return new Cnf(n, clauses);
    }

    static boolean satisfiable(Cnf cnf) {
        int n = cnf.variables();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (cnf.isSatisfiedBy(assignment(n, mask))) return true;
        }
        return false;
    }

    static boolean[] assignment(int n, int mask) {
        boolean[] a = new boolean[n + 1];
        for (int v = 1; v <= n; v++) a[v] = ((mask >> (v - 1)) & 1) == 1;
        return a;
    }

    /** Every parameter vector of the instance (all free parameters range over {0, 1}). */
    static List<NetworkParameters> allParameters(ErmInstance inst) {
        var fixed = inst.fixedValues();
        List<ParameterRef> free = new ArrayList<>();
        var a = inst.architecture();
        for (int l = 1; l <= a.depth(); l++) {
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    if (!fixed.containsKey(r)) free.add(r);
                }
            }
        }
        List<NetworkParameters> out = new ArrayList<>();
        for (int mask = 0; mask < (1 << free.size()); mask++) {
            final int m = mask;
            out.add(NetworkParameters.build(a, r -> {
                Rational f = fixed.get(r);
                if (f != null) return f;
                return ((m >> free.indexOf(r)) & 1) == 1 ? Rational.ONE : Rational.ZERO;
            }));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void feasibleIffSatisfiableAndWitnessMapsBothWays(long seed) {
        Cnf cnf = randomCnf(new Random(seed));
        ErmInstance inst = reduction.reduce(cnf);
        boolean sat = satisfiable(cnf);
        boolean feasible = false;
        for (NetworkParameters p : allParameters(inst)) {
            boolean accepted = Verifier.verify(inst, p).accepted();
            feasible |= accepted;
            Optional<boolean[]> back = reduction.backward(cnf, inst, p);
            assertEquals(accepted, back.isPresent());
            back.ifPresent(a -> assertTrue(cnf.isSatisfiedBy(a), "backward map must give a model"));
        }
        assertEquals(sat, feasible, "seed " + seed);
        int n = cnf.variables();
        for (int mask = 0; mask < (1 << n); mask++) {
            boolean[] a = assignment(n, mask);
            if (cnf.isSatisfiedBy(a)) {
                assertTrue(Verifier.verify(inst, reduction.forward(cnf, inst, a)).accepted(),
                        "forward map of a model must fit exactly");
            }
        }
    }

    @Test
    void handWorkedClause() {
        // (x1 ∨ ¬x2 ∨ x3): x_c = (-1, +1, -1 | 2 - 3 + 1 = 0). With x1=x3=false, x2=true every literal
        // is false: hidden = relu(0 + 1 + 0 + 0) = 1, so the output is 1 ≠ 0 and the loss is 1.
        Cnf cnf = new Cnf(3, List.of(new int[] {1, -2, 3}));
        ErmInstance inst = reduction.reduce(cnf);
        assertEquals(List.of(Rational.of(-1), Rational.ONE, Rational.of(-1), Rational.ZERO), inst.data().inputs().get(0));
        NetworkParameters bad = reduction.forward(cnf, inst, new boolean[] {false, false, true, false});
        assertEquals(Rational.ONE, Verifier.verify(inst, bad).loss());
        NetworkParameters good = reduction.forward(cnf, inst, new boolean[] {false, true, true, false});
        assertEquals(Rational.ZERO, Verifier.verify(inst, good).loss());
    }

    @Test
    void domainIsZeroOneGridAndSizesArePolynomial() {
        Cnf cnf = new Cnf(5, List.of(new int[] {1, 2, 3}, new int[] {-4, 5, -1}));
        ErmInstance inst = reduction.reduce(cnf);
        assertEquals(new Domain.Grid(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE), inst.domains().weights());
        assertEquals(3, inst.data().size());
        assertEquals(5 + 1 + 1 + 1 + 1, inst.architecture().parameterCount());
        assertEquals(List.of(1, 1), IntStream.rangeClosed(1, 2).map(l -> inst.architecture().layer(l).units()).boxed().toList());
    }

    @Test
    void registryNameAndDescription() {
        assertEquals("3sat-relu", reduction.name()); // the name ermbit reduce and check use (docs/CLI.md)
        assertTrue(reduction.description().contains("ReLU") && reduction.description().contains("iff satisfiable"));
    }
}
