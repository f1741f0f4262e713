package org.ermbit.cli;

import java.util.concurrent.Callable;
import org.ermbit.bench.generate.ThreeSatGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate 3sat}: seeded random 3-CNF reduced to ReLU ERM_bit (3sat-relu). */
@Command(name = "3sat", description = "Uniform random 3-CNF reduced by 3sat-relu; expected answer by enumerating the CNF's assignments (<= 26 variables).")
final class GenerateThreeSatCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Option(names = "--vars", paramLabel = "N", description = "Variables N. Default: 20.") int vars = 20;
    @Option(names = "--clauses", paramLabel = "M", description = "Clauses M. Default: 91 (ratio 4.55, near the threshold).") int clauses = 91;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        return common.forEachSeed(spec, s -> ThreeSatGenerator.generate(vars, clauses, s));
    }
}
