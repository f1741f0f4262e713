package org.ermbit.core.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Expected;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;

/**
 * Planted teacher instances: an inputs-hidden-1 ReLU network whose weights are drawn from the
 * fixed-point domain (bits B, fraction bits 0), integer inputs drawn from [−range, range], targets
 * computed exactly by the teacher. With threshold 0 the teacher itself is a witness, so the instance
 * is satisfiable by construction; with {@code noisy > 0} that many targets are shifted by ±1 and the
 * instance is meant for {@code optimize}.
 */
public final class PlantedTeacher {

    /** Size and seed of one generated instance. */
    public record Spec(int inputs, int hidden, int bits, int points, int inputRange, int noisy, long seed) {
        public Spec {
            if (inputs < 1 || hidden < 1 || bits < 1 || bits > 16 || points < 1 || inputRange < 1 || noisy < 0 || noisy > points) {
                throw new IllegalArgumentException("planted: need inputs, hidden, points, range >= 1, bits in 1..16 and 0 <= noisy <= points");
            }
        }

        public String name() {
            return "planted-" + inputs + "-" + hidden + "-1-b" + bits + "-n" + points + (noisy > 0 ? "-noise" + noisy : "") + "-s" + seed;
        }
    }

    private PlantedTeacher() {
    }

    /** The generated instance; {@code expected} is sat when no target is noisy. */
    public static ErmInstance generate(Spec s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        Domain domain = new Domain.FixedPoint(s.bits(), 0);
        Architecture arch = new Architecture(s.inputs(), List.of(
                new LayerSpec(s.hidden(), new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        long lo = -(1L << (s.bits() - 1));
        long hi = (1L << (s.bits() - 1)) - 1;
        NetworkParameters teacher = NetworkParameters.build(arch, r -> Rational.of(lo + rnd.nextLong(hi - lo + 1)));
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int n = 0; n < s.points(); n++) {
            List<Rational> x = new ArrayList<>();
            for (int j = 0; j < s.inputs(); j++) x.add(Rational.of(rnd.nextInt(-s.inputRange(), s.inputRange() + 1)));
            Rational y = ForwardPass.run(arch, teacher, x).output().get(0);
            if (n < s.noisy()) y = y.add(rnd.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE);
            xs.add(x);
            ys.add(List.of(y));
        }
        Optional<Expected> expected = s.noisy() == 0 ? Optional.of(new Expected.Sat()) : Optional.empty();
        return new ErmInstance(s.name(), Optional.of("planted teacher (seed " + s.seed() + "): targets computed exactly by a "
                + s.inputs() + "-" + s.hidden() + "-1 ReLU network with " + s.bits() + "-bit integer weights"
                + (s.noisy() > 0 ? "; " + s.noisy() + " targets shifted by +-1" : "")),
                arch, ParameterDomains.uniform(domain), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(xs, ys), expected);
    }
}
