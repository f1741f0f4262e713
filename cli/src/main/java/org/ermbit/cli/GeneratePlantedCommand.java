package org.ermbit.cli;

import java.util.concurrent.Callable;
import org.ermbit.bench.generate.TeacherGenerator;
import org.ermbit.core.model.Activation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate planted}: planted ReLU teacher networks (decision, sat by construction). */
@Command(name = "planted", description = "Planted inputs-hidden-1 ReLU teacher, targets computed exactly (sat by construction).")
final class GeneratePlantedCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Mixin DomainOption domain;
    @Option(names = "--inputs", paramLabel = "N", description = "Inputs. Default: 2.") int inputs = 2;
    @Option(names = "--hidden", paramLabel = "N", description = "Hidden ReLU units. Default: 2.") int hidden = 2;
    @Option(names = "--points", paramLabel = "N", description = "Data points. Default: 8.") int points = 8;
    @Option(names = "--range", paramLabel = "R", description = "Inputs are integers in [-R, R]. Default: 3.") int range = 3;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var d = domain.domain(3, false);
        return common.forEachSeed(spec, s -> TeacherGenerator.generate(
                new TeacherGenerator.Spec("planted", inputs, hidden, new Activation.Relu(), d, points, range, 0, s)));
    }
}
