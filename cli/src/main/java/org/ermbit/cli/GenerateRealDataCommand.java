package org.ermbit.cli;

import java.util.concurrent.Callable;
import org.ermbit.bench.generate.RealDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate realdata}: seeded subsamples of iris / wine / breast_cancer (zero-one loss, optimisation). */
@Command(name = "realdata", description = "Seeded subsample of a bundled data set (iris, wine, breast_cancer), one class vs rest, zero-one loss; asks for the optimum.")
final class GenerateRealDataCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Mixin DomainOption domain;
    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "iris, wine or breast_cancer.") String dataset;
    @Option(names = "--points", paramLabel = "N", description = "Rows drawn. Default: 12.") int points = 12;
    @Option(names = "--features", paramLabel = "F", description = "Use the first F features. Default: 3.") int features = 3;
    @Option(names = "--hidden", paramLabel = "N", description = "Hidden ReLU units (0: a linear unit). Default: 0.") int hidden = 0;
    @Option(names = "--class", paramLabel = "I", description = "Class index that gets target +1 (others -1). Default: 0.") int positiveClass = 0;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var d = domain.domain(3, true);
        return common.forEachSeed(spec, s -> RealDataGenerator.generate(
                new RealDataGenerator.Spec(dataset, points, features, hidden, positiveClass, d, s)));
    }
}
