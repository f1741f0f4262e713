package org.ermbit.solvers;

import java.util.List;
import java.util.Optional;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;

/**
 * XOR as an exact-fit instance for tests: a 2-h-1 ReLU network, squared loss, threshold 0. With one
 * hidden unit it is UNSAT for every domain (a ridge function is monotone along its direction).
 */
public final class XorInstances {
    private XorInstances() {
    }

    /** XOR with {@code hidden} ReLU units and every parameter in {@code domain}. */
    public static ErmInstance xor(int hidden, Domain domain) {
        List<List<Rational>> xs = List.of(List.of(Rational.ZERO, Rational.ZERO), List.of(Rational.ZERO, Rational.ONE),
                List.of(Rational.ONE, Rational.ZERO), List.of(Rational.ONE, Rational.ONE));
        List<List<Rational>> ys = List.of(List.of(Rational.ZERO), List.of(Rational.ONE), List.of(Rational.ONE), List.of(Rational.ZERO));
        return new ErmInstance("xor-h" + hidden, Optional.empty(), new Architecture(2, List.of(new LayerSpec(hidden, new Activation.Relu()),
                new LayerSpec(1, new Activation.Identity()))), ParameterDomains.uniform(domain), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM),
                Rational.ZERO, new Dataset(xs, ys), Optional.empty());
    }
}
