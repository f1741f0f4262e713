package org.ermbit.solvers.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ErmSolver.Progress#improved}: while optimising, a listener that overrides it gets every
 * improved witness with its loss — each one re-checked here by the exact verifier (that loss, in the
 * domain), strictly decreasing, the last one the result's — and hears each improvement once (not
 * again through {@code accept}).
 */
class ImprovedWitnessTest {

    /** What a listener heard: witnesses with their losses, and losses passed to accept alone. */
    static final class Recorder implements ErmSolver.Progress {
        final List<Rational> losses = new ArrayList<>();
        final List<NetworkParameters> witnesses = new ArrayList<>();
        final List<Rational> bareLosses = new ArrayList<>();

        @Override
        public synchronized void improved(Rational loss, NetworkParameters witness) {
            losses.add(loss);
            witnesses.add(witness);
        }

        @Override
        public synchronized void accept(Rational loss) {
            bareLosses.add(loss);
        }
    }

    /** XOR with one hidden ReLU unit, weights in {−2..2}: no zero-loss fit (KnownAnswersTest), so the descent has steps to take. */
    static ErmInstance xorOneUnit() {
        Rational z = Rational.ZERO;
        Rational o = Rational.ONE;
        Architecture a = new Architecture(2, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        Dataset xor = new Dataset(List.of(List.of(z, z), List.of(z, o), List.of(o, z), List.of(o, o)),
                List.of(List.of(z), List.of(o), List.of(o), List.of(z)));
        return new ErmInstance("xor-2-1-1", Optional.empty(), a,
                ParameterDomains.uniform(new Domain.Grid(BigInteger.ONE, BigInteger.valueOf(-2), BigInteger.TWO)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), z, xor, Optional.empty());
    }

    /** y = w2·(w1·x + b1)² + b2 on x = 1, 2 with targets 3, 7: the exhaustive route. */
    static ErmInstance squareNet() {
        Architecture a = new Architecture(1, List.of(new LayerSpec(1, new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE))),
                new LayerSpec(1, new Activation.Identity())));
        Dataset data = new Dataset(List.of(List.of(Rational.ONE), List.of(Rational.TWO)), List.of(List.of(Rational.of(3)), List.of(Rational.of(7))));
        return new ErmInstance("square", Optional.empty(), a, ParameterDomains.uniform(new Domain.FixedPoint(2, 0)), List.of(),
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO, data, Optional.empty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sat4j alone", "sat4j with the local search", "z3 alone", "exhaustive route"})
    void everyImprovedWitnessIsVerifiedAtItsLossAndTheLastIsTheResult(String setting) {
        ErmOptions options = switch (setting) {
            case "sat4j alone" -> ErmOptions.defaults().withLocalSearch(false);
            case "z3 alone" -> ErmOptions.defaults().withSolvers(List.of("z3")).withLocalSearch(false);
            default -> ErmOptions.defaults();
        };
        ErmInstance inst = setting.equals("exhaustive route") ? squareNet() : xorOneUnit();
        Recorder heard = new Recorder();
        ErmResult r = new ErmSolver(options).optimize(inst, heard);

        assertEquals(ErmResult.Outcome.OPTIMUM, r.outcome(), r.reason());
        assertEquals(List.of(), heard.bareLosses, "each improvement is heard once, through improved");
        assertTrue(!heard.losses.isEmpty());
        for (int i = 0; i < heard.losses.size(); i++) {
            NetworkParameters w = heard.witnesses.get(i);
            assertEquals(heard.losses.get(i), Verifier.verify(inst, w).loss(), setting + ": improvement " + i);
            assertEquals(List.of(), Verifier.domainProblems(inst, w), setting + ": improvement " + i);
            if (i > 0) assertTrue(heard.losses.get(i).compareTo(heard.losses.get(i - 1)) < 0, setting + ": " + heard.losses);
        }
        assertEquals(r.loss().orElseThrow(), heard.losses.get(heard.losses.size() - 1));
        assertEquals(r.witness().orElseThrow(), heard.witnesses.get(heard.witnesses.size() - 1));
    }
}
