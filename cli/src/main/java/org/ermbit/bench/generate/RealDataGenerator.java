package org.ermbit.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ermbit.bench.Mode;
import org.ermbit.core.format.InstanceReader;
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
 * Families {@code iris}, {@code wine}, {@code breast_cancer}: a seeded subsample of {@code points}
 * rows (without replacement, kept in file order) of a bundled data set, its first {@code features}
 * features as exact rationals, one class against the rest as targets ±1, a features-hidden-1 ReLU
 * network (hidden = 0: one linear unit), zero-one loss summed (number of misclassified points).
 * These instances ask for the optimum; its value is known only when brute force can enumerate
 * the domain.
 */
public final class RealDataGenerator {

    /** What to draw. */
    public record Spec(String dataset, int points, int features, int hidden, int positiveClass, Domain domain, long seed) {
        /** e.g. {@code iris-n12-f4-h1-c0-t-s1}. */
        public String name() {
            return dataset + "-n" + points + "-f" + features + "-h" + hidden + "-c" + positiveClass + "-" + DomainTags.tag(domain) + "-s" + seed;
        }
    }

    private RealDataGenerator() {
    }

    public static Generated generate(Spec s) {
        RealDataset data = RealDataset.load(s.dataset());
        if (s.points() < 1 || s.points() > data.size()) throw new IllegalArgumentException(s.dataset() + ": points must be in 1.." + data.size());
        if (s.features() < 1 || s.features() > data.featureCount()) {
            throw new IllegalArgumentException(s.dataset() + ": features must be in 1.." + data.featureCount());
        }
        if (s.positiveClass() < 0 || s.positiveClass() >= data.classNames().size()) {
            throw new IllegalArgumentException(s.dataset() + ": class must be in 0.." + (data.classNames().size() - 1));
        }
        if (s.hidden() < 0) throw new IllegalArgumentException("hidden must be >= 0");
        int[] units = s.hidden() == 0 ? new int[] {1} : new int[] {s.hidden(), 1};
        InstanceReader.networkSizeProblem(s.features(), units).ifPresent(p -> {
            throw new IllegalArgumentException("not supported: the network has " + p + " (ermbit/1 caps)");
        });
        SplittableRandom rnd = new SplittableRandom(s.seed());
        boolean[] chosen = new boolean[data.size()];
        for (int k = 0; k < s.points(); k++) {
            int i;
            do {
                i = rnd.nextInt(data.size());
            } while (chosen[i]);
            chosen[i] = true;
        }
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (!chosen[i]) continue;
            xs.add(data.features().get(i).subList(0, s.features()));
            ys.add(List.of(data.labels().get(i) == s.positiveClass() ? Rational.ONE : Rational.MINUS_ONE));
        }
        List<LayerSpec> layers = s.hidden() == 0 ? List.of(new LayerSpec(1, new Activation.Identity()))
                : List.of(new LayerSpec(s.hidden(), new Activation.Relu()), new LayerSpec(1, new Activation.Identity()));
        String cls = data.classNames().get(s.positiveClass());
        ErmInstance inst = new ErmInstance(s.name(), Optional.of(s.dataset() + " (scikit-learn, Debian python3-sklearn CSV): " + s.points()
                + " rows drawn with seed " + s.seed() + ", first " + s.features() + " features, class '" + cls + "' vs rest, zero-one loss"),
                new Architecture(s.features(), layers), ParameterDomains.uniform(s.domain()), List.of(),
                new Loss(LossType.ZERO_ONE, Aggregate.SUM), Rational.ZERO, new Dataset(xs, ys), Optional.empty());
        return new Generated(inst, s.dataset(), Mode.OPTIMIZE, Optional.empty(), Optional.empty());
    }
}
