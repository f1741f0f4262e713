package org.ermbit.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.format.InstanceWriter;
import org.ermbit.core.generate.PlantedTeacher;
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
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.number.Rational;

/**
 * Writes the instance files of the "NP route: planted teachers" benchmark (docs/BENCHMARKS.md):
 * {@code java -cp cli/target/ermbit.jar:tests/target/test-classes
 * org.ermbit.tests.bench.GenerateBenchmarkInstances OUTDIR}. Planted teachers 2-4-1 (3-bit, 20 points),
 * 2-8-1 (4-bit, 50 points), 3-16-1 (4-bit, 50 points), input range 3, seeds 1..N; and XOR with one
 * hidden ReLU unit, zero error, 5-bit fixed-point weights (expected UNSAT).
 */
public final class GenerateBenchmarkInstances {

    private GenerateBenchmarkInstances() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-planted");
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Files.createDirectories(out);
        List<PlantedTeacher.Spec> specs = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            specs.add(new PlantedTeacher.Spec(2, 4, 3, 20, 3, 0, s));
            specs.add(new PlantedTeacher.Spec(2, 8, 4, 50, 3, 0, s));
            specs.add(new PlantedTeacher.Spec(3, 16, 4, 50, 3, 0, s));
        }
        for (PlantedTeacher.Spec s : specs) {
            ErmInstance inst = PlantedTeacher.generate(s);
            InstanceWriter.write(inst, out.resolve(inst.name() + ".json"));
        }
        InstanceWriter.write(xorOneHidden(5, 0), out.resolve("xor-1hidden-b5.json"));
        InstanceWriter.write(xorOneHidden(5, 2), out.resolve("xor-1hidden-b5f2.json"));
    }

    /** XOR with a 2-1-1 ReLU network, squared loss, threshold 0: UNSAT in every domain. */
    static ErmInstance xorOneHidden(int bits, int fractionBits) {
        Architecture a = new Architecture(2, List.of(new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        List<List<Rational>> xs = List.of(List.of(Rational.ZERO, Rational.ZERO), List.of(Rational.ZERO, Rational.ONE),
                List.of(Rational.ONE, Rational.ZERO), List.of(Rational.ONE, Rational.ONE));
        List<List<Rational>> ys = List.of(List.of(Rational.ZERO), List.of(Rational.ONE), List.of(Rational.ONE), List.of(Rational.ZERO));
        return new ErmInstance("xor-2-1-1-b" + bits + "f" + fractionBits, Optional.of("XOR, one hidden ReLU unit, zero error: no monotone ridge function fits XOR"),
                a, ParameterDomains.uniform(new Domain.FixedPoint(bits, fractionBits)), List.of(), new Loss(LossType.SQUARED, Aggregate.SUM),
                Rational.ZERO, new Dataset(xs, ys), Optional.of(new Expected.Unsat()));
    }
}
