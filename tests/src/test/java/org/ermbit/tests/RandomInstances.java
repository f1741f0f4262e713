package org.ermbit.tests;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/** Seeded random tiny piecewise-linear instances (every loss, domain kind, depth; some fixed parameters). */
final class RandomInstances {

    private RandomInstances() {
    }

    static ErmInstance piecewiseLinear(long seed, Rational threshold) {
        return piecewiseLinear(seed, threshold, 1, 3);
    }

    /** As {@link #piecewiseLinear(long, Rational)} with between {@code minPoints} and {@code maxPoints} data points. */
    static ErmInstance piecewiseLinear(long seed, Rational threshold, int minPoints, int maxPoints) {
        return search(new Random(seed), threshold, minPoints, maxPoints, RandomInstances::domain);
    }

    /**
     * As {@link #piecewiseLinear(long, Rational)}, but the weight and bias domains are {@code
     * rational} with 2 bits (p/q, |p| ≤ 3, 1 ≤ q ≤ 3: 15 values) or 1 bit ({−1, 0, 1}).
     */
    static ErmInstance withRationalDomains(long seed, Rational threshold) {
        return search(new Random(seed), threshold, 1, 3, rnd -> rnd.nextInt(3) == 0 ? new Domain.RationalBits(1) : new Domain.RationalBits(2));
    }

    private static ErmInstance search(Random rnd, Rational threshold, int minPoints, int maxPoints, Function<Random, Domain> domains) {
        while (true) {
            ErmInstance inst = attempt(rnd, threshold, minPoints, maxPoints, domains);
            if (inst != null && BruteForce.domainSize(inst).compareTo(BigInteger.valueOf(3000)) <= 0) return inst;
        }
    }

    private static ErmInstance attempt(Random rnd, Rational threshold, int minPoints, int maxPoints, Function<Random, Domain> domains) {
        LossType lossType = LossType.values()[rnd.nextInt(LossType.values().length)];
        int inputs = 1 + rnd.nextInt(2);
        int outputs = lossType.isClassification() ? 1 : 1 + rnd.nextInt(2);
        int hiddenLayers = rnd.nextInt(3);
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < hiddenLayers; l++) layers.add(new LayerSpec(1 + rnd.nextInt(2), activation(rnd)));
        layers.add(new LayerSpec(outputs, rnd.nextInt(4) == 0 ? activation(rnd) : new Activation.Identity()));
        Architecture arch = new Architecture(inputs, layers);
        if (arch.parameterCount() > 9) return null;
        Domain w = domains.apply(rnd);
        Domain b = rnd.nextInt(3) == 0 ? domains.apply(rnd) : w;
        List<FixedParameter> fixed = new ArrayList<>();
        for (int l = 1; l <= arch.depth(); l++) {
            for (int i = 0; i < arch.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < arch.fanIn(l); j++) {
                    if (rnd.nextInt(6) == 0) fixed.add(new FixedParameter(new ParameterRef(l, i, j), smallRational(rnd)));
                }
            }
        }
        int points = minPoints + rnd.nextInt(maxPoints - minPoints + 1);
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int n = 0; n < points; n++) {
            List<Rational> x = new ArrayList<>();
            for (int j = 0; j < inputs; j++) x.add(smallRational(rnd));
            List<Rational> y = new ArrayList<>();
            for (int o = 0; o < outputs; o++) y.add(lossType.isClassification() ? (rnd.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE) : smallRational(rnd));
            xs.add(x);
            ys.add(y);
        }
        Aggregate agg = lossType == LossType.MAX_ABS ? Aggregate.MAX : (rnd.nextBoolean() ? Aggregate.SUM : Aggregate.MEAN);
        return new ErmInstance("random", Optional.empty(), arch, new ParameterDomains(w, b), fixed, new Loss(lossType, agg), threshold,
                new Dataset(xs, ys), Optional.empty());
    }

    private static Activation activation(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> new Activation.Relu();
            case 2 -> new Activation.LeakyRelu(Rational.of(1, 2 + rnd.nextInt(3)));
            default -> new Activation.HardTanh();
        };
    }

    private static Domain domain(Random rnd) {
        if (rnd.nextBoolean()) return new Domain.FixedPoint(1 + rnd.nextInt(2), rnd.nextInt(2));
        int q = 1 + rnd.nextInt(2);
        int a = -rnd.nextInt(3);
        return new Domain.Grid(BigInteger.valueOf(q), BigInteger.valueOf(a), BigInteger.valueOf(a + rnd.nextInt(3)));
    }

    private static Rational smallRational(Random rnd) {
        return Rational.of(rnd.nextInt(7) - 3, 1 + rnd.nextInt(2));
    }
}
