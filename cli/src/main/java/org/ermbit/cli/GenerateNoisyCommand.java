package org.ermbit.cli;

import java.util.concurrent.Callable;
import org.ermbit.bench.generate.TeacherGenerator;
import org.ermbit.core.model.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate noisy}: planted ReLU teachers with some targets shifted by ±1 (optimisation). */
@Command(name = "noisy", description = "Planted ReLU teacher with NOISE targets shifted by +-1; asks for the optimum (known when brute force can enumerate the domain).")
final class GenerateNoisyCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Mixin DomainOption domain;
    @Option(names = "--inputs", paramLabel = "N", description = "Inputs. Default: 2.") int inputs = 2;
    @Option(names = "--hidden", paramLabel = "N", description = "Hidden ReLU units. Default: 1.") int hidden = 1;
    @Option(names = "--points", paramLabel = "N", description = "Data points. Default: 8.") int points = 8;
    @Option(names = "--range", paramLabel = "R", description = "Inputs are integers in [-R, R]. Default: 3.") int range = 3;
    @Option(names = "--noise", paramLabel = "N", description = "Number of shifted targets (>= 1). Default: 2.") int noise = 2;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (noise < 1) throw new UsageException("--noise must be >= 1 (use 'generate planted' for exact teachers)");
        var d = domain.domain(3, false);
        return common.forEachSeed(spec, s -> TeacherGenerator.generate(
                new TeacherGenerator.Spec("noisy", inputs, hidden, new Activation.Relu(), d, points, range, noise, s)));
    }
}
