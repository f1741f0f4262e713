package org.ermbit.bench.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.ermbit.bench.Mode;
import org.ermbit.core.eval.ForwardPass;
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
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;

/**
 * Planted teacher instances (families {@code planted}, {@code noisy}, {@code polynomial}): an
 * inputs-hidden-1 network with the given hidden activation, its weights drawn uniformly from the
 * domain, integer inputs drawn from [−range, range], targets computed exactly by the teacher;
 * squared loss, sum, threshold 0. A teacher whose outputs are all equal on the data is redrawn (up
 * to 100 times) so that instances are not trivially solved by a constant network. Without noise the
 * teacher is the planted witness (decision, sat by construction); with {@code noisy = k} the first k
 * targets are shifted by ±1 and the instance asks for the optimum.
 */
public final class TeacherGenerator {

    /** Size, activation, domain and seed of one instance. */
    public record Spec(String family, int inputs, int hidden, Activation activation, Domain domain, int points,
                       int inputRange, int noisy, long seed) {
        public Spec {
            if (inputs < 1 || hidden < 1 || points < 1 || inputRange < 1 || noisy < 0 || noisy > points) {
                throw new IllegalArgumentException("teacher: need inputs, hidden, points, range >= 1 and 0 <= noise <= points");
            }
            if (domain.size().bitLength() > 20) throw new IllegalArgumentException("teacher: the domain has more than 2^20 values per parameter");
            InstanceReader.networkSizeProblem(inputs, hidden, 1).ifPresent(p -> {
                throw new IllegalArgumentException("not supported: a " + inputs + "-" + hidden + "-1 network has " + p + " (ermbit/1 caps)");
            });
            // every input and target takes at least two bytes ("0,"): the data alone would pass the file cap
            if ((long) points * (inputs + 1) * 2 > InstanceReader.MAX_FILE_BYTES) {
                throw new IllegalArgumentException("not supported: " + points + " points of " + inputs + " inputs need more than the ermbit/1 file cap of "
                        + InstanceReader.MAX_FILE_BYTES + " bytes");
            }
        }

        /** e.g. {@code planted-2-2-1-b3-n8-s1}, {@code noisy-2-1-1-b3-n8-noise2-s4}. */
        public String name() {
            return family + "-" + inputs + "-" + hidden + "-1-" + DomainTags.tag(domain) + "-n" + points
                    + (noisy > 0 ? "-noise" + noisy : "") + "-s" + seed;
        }
    }

    private static final int MAX_REDRAWS = 100;

    private TeacherGenerator() {
    }

    public static Generated generate(Spec s) {
        SplittableRandom rnd = new SplittableRandom(s.seed());
        Architecture arch = new Architecture(s.inputs(), List.of(
                new LayerSpec(s.hidden(), s.activation()), new LayerSpec(1, new Activation.Identity())));
        List<Rational> values = s.domain().values(1 << 20);
        List<List<Rational>> xs = new ArrayList<>();
        for (int n = 0; n < s.points(); n++) {
            List<Rational> x = new ArrayList<>();
            for (int j = 0; j < s.inputs(); j++) x.add(Rational.of(rnd.nextInt(-s.inputRange(), s.inputRange() + 1)));
            xs.add(x);
        }
        NetworkParameters teacher = null;
        List<List<Rational>> ys = null;
        for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
            NetworkParameters t = NetworkParameters.build(arch, r -> values.get(rnd.nextInt(values.size())));
            List<List<Rational>> out = new ArrayList<>();
            Set<Rational> distinct = new HashSet<>();
            for (List<Rational> x : xs) {
                Rational y = ForwardPass.run(arch, t, x).output().get(0);
                out.add(List.of(y));
                distinct.add(y);
            }
            teacher = t;
            ys = out;
            if (distinct.size() > 1) break;
        }
        for (int n = 0; n < s.noisy(); n++) {
            ys.set(n, List.of(ys.get(n).get(0).add(rnd.nextBoolean() ? Rational.ONE : Rational.MINUS_ONE)));
        }
        String what = s.inputs() + "-" + s.hidden() + "-1 " + s.activation().typeName() + " network with weights in the "
                + DomainTags.tag(s.domain()) + " domain";
        ErmInstance inst = new ErmInstance(s.name(), Optional.of("planted teacher (seed " + s.seed() + "): targets computed exactly by a "
                + what + (s.noisy() > 0 ? "; " + s.noisy() + " targets shifted by +-1 (optimisation)" : "")),
                arch, ParameterDomains.uniform(s.domain()), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM), Rational.ZERO,
                new Dataset(xs, ys), Optional.empty());
        Mode mode = s.noisy() > 0 ? Mode.OPTIMIZE : Mode.SOLVE;
        return new Generated(inst, s.family(), mode, Optional.of(teacher), Optional.empty());
    }
}
