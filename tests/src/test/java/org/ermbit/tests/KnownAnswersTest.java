package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.generate.PlantedTeacher;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers known independently of the code (the UNSAT ones also with refutations checked by ermbit: DRAT
 * proofs from LogicNG's MiniSat and CaDiCaL, DRUP proofs from Sat4j, the default): the Deep Learning book's XOR network (a zero-error
 * 2-2-1 ReLU net exists, §6.1); XOR with one hidden ReLU unit cannot reach zero error for any real
 * parameters, hence in no finite domain (with g = w·x + b, g(0,0) + g(1,1) = g(0,1) + g(1,0); zero
 * error needs relu(g) to take one value A on {(0,0),(1,1)} and another B on {(0,1),(1,0)}; relu is
 * non-decreasing, so B &gt; A forces both g(0,1), g(1,0) above both g(0,0), g(1,1), contradicting the
 * equal sums, and B &lt; A symmetrically); planted teachers are SAT by construction.
 */
class KnownAnswersTest {

    private static final List<List<Rational>> XS = List.of(List.of(Rational.ZERO, Rational.ZERO), List.of(Rational.ZERO, Rational.ONE),
            List.of(Rational.ONE, Rational.ZERO), List.of(Rational.ONE, Rational.ONE));
    private static final List<List<Rational>> YS = List.of(List.of(Rational.ZERO), List.of(Rational.ONE), List.of(Rational.ONE), List.of(Rational.ZERO));

    static ErmInstance xor(int hidden, ParameterDomains d) {
        Architecture a = new Architecture(2, List.of(new LayerSpec(hidden, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        return new ErmInstance("xor-2-" + hidden + "-1", Optional.empty(), a, d, List.of(), new Loss(LossType.SQUARED, Aggregate.MEAN),
                Rational.ZERO, new Dataset(XS, YS), Optional.empty());
    }

    /** The book's solution, read from the copied case file: weights[i][j] = W[j][i] (W is input × unit). */
    static NetworkParameters bookSolution() throws IOException {
        JsonNode s;
        try (InputStream in = KnownAnswersTest.class.getResourceAsStream("/xor/book-expected.json")) {
            s = new ObjectMapper().readTree(in).get("stated_by_source").get("relu_2_2_1_exact_solution");
        }
        List<List<Rational>> w1 = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<Rational> row = new ArrayList<>();
            for (int j = 0; j < 2; j++) row.add(Rational.of(s.get("W").get(j).get(i).asLong()));
            w1.add(row);
        }
        List<Rational> c = List.of(Rational.of(s.get("c").get(0).asLong()), Rational.of(s.get("c").get(1).asLong()));
        List<Rational> w = List.of(Rational.of(s.get("w").get(0).asLong()), Rational.of(s.get("w").get(1).asLong()));
        return new NetworkParameters(List.of(new LayerParameters(w1, c),
                new LayerParameters(List.of(w), List.of(Rational.of(s.get("b").asLong())))));
    }

    @Test
    void bookXorNetIsAZeroErrorWitnessAndTheSolverFindsOne() throws IOException {
        ErmInstance inst = xor(2, ParameterDomains.uniform(new Domain.FixedPoint(3, 0)));
        NetworkParameters book = bookSolution();
        assertTrue(Verifier.verify(inst, book).accepted(), "the book's network must have zero error");
        Encoding zero = ErmEncoder.encode(inst, new EncoderOptions(false)).atMost(Rational.ZERO);
        assertTrue(zero.model().isSatisfiedBy(zero.intendedAssignmentWithin(book).orElseThrow()));
        for (boolean sym : new boolean[] {true, false}) {
            ErmResult r = new ErmSolver(ErmOptions.defaults().withSymmetryBreaking(sym)).decide(inst);
            assertEquals(ErmResult.Outcome.SAT, r.outcome(), r.reason());
            assertEquals(Rational.ZERO, Verifier.verify(inst, r.witness().orElseThrow()).loss());
        }
    }

    static Stream<Arguments> domains() {
        return Stream.of(
                Arguments.of("fixed 3 bits", ParameterDomains.uniform(new Domain.FixedPoint(3, 0))),
                Arguments.of("fixed 4 bits, 1 fraction bit", ParameterDomains.uniform(new Domain.FixedPoint(4, 1))),
                Arguments.of("fixed 5 bits", ParameterDomains.uniform(new Domain.FixedPoint(5, 0))),
                Arguments.of("fixed 5 bits, 2 fraction bits", ParameterDomains.uniform(new Domain.FixedPoint(5, 2))),
                Arguments.of("ternary grid", ParameterDomains.uniform(new Domain.Grid(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(-1), java.math.BigInteger.ONE))),
                Arguments.of("halves in [-2, 2], biases 4 bits", new ParameterDomains(
                        new Domain.Grid(java.math.BigInteger.TWO, java.math.BigInteger.valueOf(-4), java.math.BigInteger.valueOf(4)),
                        new Domain.FixedPoint(4, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domains")
    void xorWithOneHiddenUnitIsUnsatisfiable(String label, ParameterDomains d) {
        ErmInstance inst = xor(1, d);
        ErmResult r = new ErmSolver(ErmOptions.defaults()).decide(inst);
        assertEquals(ErmResult.Outcome.UNSAT, r.outcome(), label + ": " + r.reason());
        ErmResult z3 = new ErmSolver(ErmOptions.defaults().withSolvers(List.of("z3")).withLocalSearch(false)).decide(inst);
        assertEquals(ErmResult.Outcome.UNSAT, z3.outcome(), label + " (z3): " + z3.reason());
    }

    /**
     * (backend, domain, proof) for the backends that refute with a proof ermbit checks: LogicNG's MiniSat
     * (in-process) and CaDiCaL with DRAT proofs of their CNF, Sat4j with DRUP proofs of its PB constraints.
     */
    static Stream<Arguments> certifyingBackendsAndDomains() {
        return Stream.of("logicng DRAT CNF", "ext-cadical DRAT CNF", "sat4j DRUP PB constraints").flatMap(spec -> domains().map(d -> {
            String[] w = spec.split(" ", 3);
            return Arguments.of(w[0], d.get()[0], d.get()[1], w[1], w[2]);
        }));
    }

    /** The same UNSAT with a certificate that does not rest on the solver: its proof, checked by ermbit. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("certifyingBackendsAndDomains")
    void xorWithOneHiddenUnitHasACheckedRefutation(String backend, String label, ParameterDomains d, String format, String of) {
        SolverProvider provider = SolverRegistry.load().byId(backend);
        assumeTrue(provider.probe().available(), backend + " unavailable: " + provider.probe().reason());
        ErmResult r = new ErmSolver(ErmOptions.defaults().withSolvers(List.of(backend)).withLocalSearch(false)).decide(xor(1, d));
        assertEquals(ErmResult.Outcome.UNSAT, r.outcome(), label + ": " + r.reason());
        assertTrue(r.provenance().get(0).matches(backend + " .+ \\(" + format + " proof of its " + of + " checked: ([1-9][0-9]* lemmas?|the [1-9][0-9]* of [1-9][0-9]* lemmas the refutation uses)\\)"),
                label + ": " + r.provenance());
        assertEquals(format, r.certificate().orElseThrow().format(), label);
        assertTrue(r.provenance().get(0).endsWith("(" + r.certificate().get().summary() + ")"), label);
    }

    static Stream<Arguments> teachers() {
        List<Arguments> out = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            out.add(Arguments.of(new PlantedTeacher.Spec(2, 2, 3, 12, 3, 0, seed)));
            out.add(Arguments.of(new PlantedTeacher.Spec(1, 3, 3, 8, 3, 0, seed)));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("teachers")
    void plantedTeachersAreSatisfiable(PlantedTeacher.Spec spec) {
        ErmInstance inst = PlantedTeacher.generate(spec);
        ErmResult r = new ErmSolver(ErmOptions.defaults()).decide(inst);
        assertEquals(ErmResult.Outcome.SAT, r.outcome(), spec.name() + ": " + r.reason());
        assertEquals(Rational.ZERO, Verifier.verify(inst, r.witness().orElseThrow()).loss());
    }
}
