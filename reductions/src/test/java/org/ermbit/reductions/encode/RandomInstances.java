package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/** Seeded random tiny ERM_bit instances whose whole parameter domain can be enumerated. */
final class RandomInstances {

    private static final Rational[] VALUES = {Rational.of(-2), Rational.MINUS_ONE, Rational.of(-1, 2), Rational.ZERO,
            Rational.of(1, 3), Rational.ONE, Rational.of(3, 2), Rational.TWO};

    private RandomInstances() {
    }

    static Activation activation(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> new Activation.Relu();
            case 2 -> new Activation.LeakyRelu(r.nextBoolean() ? Rational.of(1, 2) : Rational.of(1, 3));
            case 3 -> new Activation.HardTanh();
            case 4 -> new Activation.Identity();
            default -> new Activation.Polynomial(List.of(Rational.of(r.nextInt(3) - 1, 2), Rational.of(r.nextInt(5) - 2, 3)));
        };
    }

    static Domain domain(Random r) {
        if (r.nextBoolean()) return new Domain.FixedPoint(2 + r.nextInt(2), r.nextInt(3));
        int q = 1 + r.nextInt(3);
        int lo = r.nextInt(4) - 2;
        return new Domain.Grid(BigInteger.valueOf(q), BigInteger.valueOf(lo), BigInteger.valueOf(lo + 1 + r.nextInt(2)));
    }

    /** A random instance with at most {@code limit} free parameter vectors and threshold 0. */
    static ErmInstance create(long seed, long limit) {
        Random r = new Random(seed);
        LossType type = LossType.values()[r.nextInt(LossType.values().length)];
        int inputs = 1 + r.nextInt(2);
        List<LayerSpec> layers = new ArrayList<>();
        int hidden = 1 + r.nextInt(2);
        for (int l = 0; l < hidden; l++) layers.add(new LayerSpec(1 + r.nextInt(3), activation(r)));
        int outputs = type.isClassification() ? 1 : 1 + r.nextInt(2);
        layers.add(new LayerSpec(outputs, r.nextInt(3) == 0 ? activation(r) : new Activation.Identity()));
        Architecture a = new Architecture(inputs, layers);
        Domain w = domain(r);
        ParameterDomains domains = r.nextBoolean() ? ParameterDomains.uniform(w) : new ParameterDomains(w, domain(r));
        Aggregate agg = type == LossType.MAX_ABS ? Aggregate.MAX : (r.nextBoolean() ? Aggregate.SUM : Aggregate.MEAN);
        int n = 1 + r.nextInt(4);
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Rational> x = randomRow(r, inputs);
            List<Rational> y = new ArrayList<>();
            for (int o = 0; o < outputs; o++) y.add(type.isClassification() ? (r.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE) : VALUES[r.nextInt(VALUES.length)]);
            xs.add(x);
            ys.add(y);
        }
        // fix parameters: a few at random, then more until the domain is small enough
        List<ParameterRef> free = allRefs(a);
        List<FixedParameter> fixed = new ArrayList<>();
        int initial = r.nextInt(3);
        while (!free.isEmpty() && (initial-- > 0 || size(free, domains) > limit)) {
            ParameterRef ref = free.remove(r.nextInt(free.size()));
            Rational v = r.nextInt(3) == 0 ? Rational.of(r.nextInt(7) - 3, 1 + r.nextInt(5)) : VALUES[r.nextInt(VALUES.length)];
            fixed.add(new FixedParameter(ref, v));
        }
        return new ErmInstance("random-" + seed, Optional.empty(), a, domains, fixed, new Loss(type, agg), Rational.ZERO,
                new Dataset(xs, ys), Optional.empty());
    }

    /**
     * A random instance on which hidden-unit symmetry breaking can act: one or two hidden layers of
     * 2–3 units, two-valued grid domains, at most {@code limit} parameter vectors. Odd seeds fix
     * only output biases (symmetry kept); even seeds also fix one more parameter at random, which
     * may or may not destroy the symmetry of a layer.
     */
    static ErmInstance createSymmetric(long seed, long limit) {
        Random r = new Random(seed);
        while (true) {
            int inputs = 1 + r.nextInt(2);
            List<LayerSpec> layers = new ArrayList<>();
            int hidden = 1 + r.nextInt(2);
            for (int l = 0; l < hidden; l++) layers.add(new LayerSpec(2 + r.nextInt(2), activation(r)));
            layers.add(new LayerSpec(1, new Activation.Identity()));
            Architecture a = new Architecture(inputs, layers);
            int lo = r.nextInt(4) - 2;
            Domain w = new Domain.Grid(BigInteger.valueOf(1 + r.nextInt(2)), BigInteger.valueOf(lo), BigInteger.valueOf(lo + 1));
            ParameterDomains domains = ParameterDomains.uniform(w);
            List<ParameterRef> free = allRefs(a);
            List<FixedParameter> fixed = new ArrayList<>();
            ParameterRef outBias = ParameterRef.bias(a.depth(), 0);
            free.remove(outBias);
            fixed.add(new FixedParameter(outBias, VALUES[r.nextInt(VALUES.length)]));
            if (seed % 2 == 0) fixed.add(new FixedParameter(free.remove(r.nextInt(free.size())), VALUES[r.nextInt(VALUES.length)]));
            if (size(free, domains) > limit) continue;
            int n = 1 + r.nextInt(4);
            List<List<Rational>> xs = new ArrayList<>();
            List<List<Rational>> ys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                xs.add(randomRow(r, inputs));
                ys.add(List.of(VALUES[r.nextInt(VALUES.length)]));
            }
            LossType type = r.nextBoolean() ? LossType.SQUARED : LossType.ABSOLUTE;
            return new ErmInstance("symmetric-" + seed, Optional.empty(), a, domains, fixed, new Loss(type, Aggregate.SUM), Rational.ZERO,
                    new Dataset(xs, ys), Optional.empty());
        }
    }

    private static List<Rational> randomRow(Random r, int inputs) {
        List<Rational> x = new ArrayList<>();
        for (int j = 0; j < inputs; j++) x.add(VALUES[r.nextInt(VALUES.length)]);
        return x;
    }

    static ErmInstance withThreshold(ErmInstance i, Rational gamma) {
        return new ErmInstance(i.name(), i.description(), i.architecture(), i.domains(), i.fixed(), i.loss(), gamma, i.data(), i.expected());
    }

    static List<ParameterRef> allRefs(Architecture a) {
        List<ParameterRef> refs = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) refs.add(new ParameterRef(l, i, j));
            }
        }
        return refs;
    }

    /** The number of free parameter vectors, saturated at Long.MAX_VALUE (a plain long product overflows). */
    private static long size(List<ParameterRef> free, ParameterDomains d) {
        BigInteger s = BigInteger.ONE;
        for (ParameterRef ref : free) s = s.multiply(d.of(ref).size());
        return s.bitLength() < 63 ? s.longValue() : Long.MAX_VALUE;
    }

    /** Every parameter vector of the domain agreeing with the fixed parameters (brute force). */
    static List<NetworkParameters> enumerate(ErmInstance inst) {
        Architecture a = inst.architecture();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        List<ParameterRef> free = allRefs(a).stream().filter(x -> !fixed.containsKey(x)).toList();
        List<List<Rational>> values = free.stream().map(x -> inst.domains().of(x).values(1000)).toList();
        int[] idx = new int[free.size()];
        List<NetworkParameters> out = new ArrayList<>();
        while (true) {
            Map<ParameterRef, Rational> v = new java.util.HashMap<>(fixed);
            for (int k = 0; k < free.size(); k++) v.put(free.get(k), values.get(k).get(idx[k]));
            out.add(NetworkParameters.build(a, v::get));
            int k = 0;
            while (k < idx.length && ++idx[k] == values.get(k).size()) idx[k++] = 0;
            if (k == idx.length) return out;
        }
    }
}
