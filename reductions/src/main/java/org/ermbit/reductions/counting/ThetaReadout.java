package org.ermbit.reductions.counting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.gadget.CompiledNetwork;

/**
 * Wraps a compiled network computing a value V into the ERM_bit instance "output θ·V": one extra
 * identity layer with a single trainable weight θ (bias fixed to 0), one data point (input 0,
 * target −1), squared loss summed. Then L(θ) = (θV + 1)² and ∂L/∂θ = 2(θV + 1)·V, which at θ = 0
 * is exactly 2V. Every other parameter is fixed. θ's domain is fixed point with 4 bits and no
 * fraction bits ({−8, …, 7}); the threshold is 1, met by θ = 0 (loss 1), so the instance is
 * satisfiable — its point is the gradient, not the decision.
 */
public final class ThetaReadout {

    private ThetaReadout() {
    }

    /**
     * The ermbit/1 caps ({@link InstanceReader#networkSizeProblem}) for a compiled network of the
     * given layer sizes (1 input, output layer last) once {@link #build} has put the θ layer (1 unit)
     * on top: for {@code SlpToNetwork.compile}, so that a network past the caps is refused before it is built.
     */
    public static java.util.Optional<String> instanceSizeProblem(int[] compiledLayerSizes) {
        int[] withTheta = java.util.Arrays.copyOf(compiledLayerSizes, compiledLayerSizes.length + 1);
        withTheta[compiledLayerSizes.length] = 1;
        return InstanceReader.networkSizeProblem(1, withTheta);
    }

    /** The instance, the trainable parameter θ, and the full parameter vector at θ = 0. */
    public record Instance(ErmInstance instance, ParameterRef theta, NetworkParameters atThetaZero) {

        /**
         * The same readout after a round trip through the ermbit/1 text ({@link InstanceWriter} then
         * {@link InstanceReader}), with the parameters at θ = 0 rebuilt from the file's fixed values
         * (every parameter but θ is fixed): checks run on what {@code ermbit reduce} writes.
         */
        public Instance viaFile() {
            ErmInstance read = InstanceReader.parse(InstanceWriter.toJson(instance), "<reduced " + instance.name() + ">", Path.of("."));
            Map<ParameterRef, Rational> fixedValues = new HashMap<>();
            for (FixedParameter f : read.fixed()) fixedValues.put(f.ref(), f.value());
            if (fixedValues.containsKey(theta)) throw new IllegalStateException("theta is fixed in the written instance");
            NetworkParameters p = NetworkParameters.build(read.architecture(), r -> fixedValues.getOrDefault(r, Rational.ZERO));
            return new Instance(read, theta, p);
        }
    }

    public static Instance build(CompiledNetwork net, String name, String description) {
        Architecture a = net.architecture();
        List<LayerSpec> specs = new ArrayList<>(a.layers());
        specs.add(new LayerSpec(1, new Activation.Identity()));
        Architecture arch = new Architecture(a.inputs(), specs);
        int top = arch.depth();
        ParameterRef theta = ParameterRef.weight(top, 0, 0);
        List<FixedParameter> fixed = new ArrayList<>(net.fixedParameters());
        fixed.add(new FixedParameter(ParameterRef.bias(top, 0), Rational.ZERO));
        List<LayerParameters> layers = new ArrayList<>(net.parameters().layers());
        layers.add(new LayerParameters(List.of(List.of(Rational.ZERO)), List.of(Rational.ZERO)));
        Dataset data = new Dataset(List.of(List.of(Rational.ZERO)), List.of(List.of(Rational.MINUS_ONE)));
        ErmInstance inst = new ErmInstance(name, Optional.of(description), arch,
                ParameterDomains.uniform(new Domain.FixedPoint(4, 0)), fixed,
                new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ONE, data, Optional.of(new Expected.Sat()));
        return new Instance(inst, theta, new NetworkParameters(layers));
    }
}
