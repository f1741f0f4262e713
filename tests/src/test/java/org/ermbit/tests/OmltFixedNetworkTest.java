package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A network fixed by another project: OMLT's two-node ReLU test network (1 input, 2 ReLU units, 2
 * linear outputs) with the outputs its tests expect at x = −2 and x = 1 (resource
 * {@code relu-milp/omlt_two_node_relu.json}). With every parameter fixed, "loss 0" holds exactly when
 * the encoding reproduces the forward pass, so each backend must answer SAT on OMLT's outputs and
 * UNSAT once one output is off by one (squared loss: optimum 1, by hand).
 */
class OmltFixedNetworkTest {

    /** The case file, numbers read as exact decimals. */
    static JsonNode omlt() {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (InputStream in = OmltFixedNetworkTest.class.getResourceAsStream("/relu-milp/omlt_two_node_relu.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rational exact(JsonNode number) {
        return Rational.of(number.decimalValue());
    }

    /** OMLT's layers as ermbit parameters: OMLT's weights_in_by_out[i][j] is ermbit's weights[j][i]. */
    static NetworkParameters omltParameters(JsonNode network) {
        List<LayerParameters> layers = new ArrayList<>();
        for (JsonNode layer : network.get("layers")) {
            JsonNode w = layer.get("weights_in_by_out");
            List<List<Rational>> weights = new ArrayList<>();
            List<Rational> biases = new ArrayList<>();
            for (int unit = 0; unit < layer.get("out").asInt(); unit++) {
                List<Rational> row = new ArrayList<>();
                for (int input = 0; input < layer.get("in").asInt(); input++) {
                    row.add(exact(w.get(input).get(unit)));
                }
                weights.add(row);
                biases.add(exact(layer.get("biases").get(unit)));
            }
            layers.add(new LayerParameters(weights, biases));
        }
        return new NetworkParameters(layers);
    }

    /** Every parameter of {@code p} fixed at its value (layers count from 1). */
    static List<FixedParameter> fixAll(NetworkParameters p) {
        List<FixedParameter> fixed = new ArrayList<>();
        for (int l = 0; l < p.layers().size(); l++) {
            LayerParameters layer = p.layers().get(l);
            for (int unit = 0; unit < layer.weights().size(); unit++) {
                for (int input = 0; input < layer.weights().get(unit).size(); input++) {
                    fixed.add(new FixedParameter(ParameterRef.weight(l + 1, unit, input), layer.weights().get(unit).get(input)));
                }
                fixed.add(new FixedParameter(ParameterRef.bias(l + 1, unit), layer.biases().get(unit)));
            }
        }
        return fixed;
    }

    /** The fixed network on OMLT's inputs, targets = OMLT's expected outputs plus {@code shift} on the first output of the first case. */
    static ErmInstance instance(Rational shift) {
        JsonNode omlt = omlt();
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (JsonNode c : omlt.get("cases")) {
            List<Rational> x = new ArrayList<>();
            c.get("fixed_input").forEach(v -> x.add(exact(v)));
            List<Rational> y = new ArrayList<>();
            c.get("expected_outputs").forEach(v -> y.add(exact(v)));
            xs.add(x);
            ys.add(y);
        }
        List<Rational> first = new ArrayList<>(ys.get(0));
        first.set(0, first.get(0).add(shift));
        ys.set(0, first);
        Architecture net = new Architecture(1, List.of(new LayerSpec(2, new Activation.Relu()), new LayerSpec(2, new Activation.Identity())));
        // 3-bit integers: the fixed output weight 5 lies outside the domain, which fixed parameters may
        return new ErmInstance("omlt-two-node-relu", Optional.empty(), net, ParameterDomains.uniform(new Domain.FixedPoint(3, 0)),
                fixAll(omltParameters(omlt.get("network"))), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(xs, ys), Optional.empty());
    }

    @Test
    void ermbitsForwardPassGivesOmltsOutputs() {
        JsonNode omlt = omlt();
        NetworkParameters p = omltParameters(omlt.get("network"));
        ErmInstance inst = instance(Rational.ZERO);
        for (int i = 0; i < inst.data().size(); i++) {
            assertEquals(inst.data().targets().get(i), ForwardPass.run(inst.architecture(), p, inst.data().inputs().get(i)).output());
        }
        assertEquals(List.of(Rational.of(10), Rational.of(2)), inst.data().targets().get(0)); // x = -2: relu(-2) = 0, relu(2) = 2; y = (5·2, 2)
        assertEquals(Rational.ONE, Verifier.verify(instance(Rational.ONE), p).loss());
    }

    static Stream<String> backends() {
        return SolverRegistry.load().all().stream().map(provider -> provider.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyBackendReproducesOmltsOutputsAndNothingElse(String backend) {
        Availability availability = SolverRegistry.load().byId(backend).probe();
        assumeTrue(availability.available(), () -> backend + " is not available here: " + availability.reason());
        ErmSolver solver = new ErmSolver(
                ErmOptions.defaults().withSolvers(List.of(backend)).withLocalSearch(false));

        ErmResult exact = solver.decide(instance(Rational.ZERO));
        assertEquals(ErmResult.Outcome.SAT, exact.outcome(), backend + ": " + exact.reason());
        assertEquals(Rational.ZERO, exact.loss().orElseThrow());

        ErmResult offByOne = solver.decide(instance(Rational.ONE));
        DifferentialTest.assertUnsat(backend, offByOne, backend);

        ErmResult optimum = solver.optimize(instance(Rational.ONE));
        DifferentialTest.assertOptimum(backend, optimum, Rational.ONE, backend);
    }
}
