package org.ermbit.cli;

import java.util.concurrent.Callable;
import org.ermbit.bench.generate.ParityGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate parity}: k-bit parity (XOR for k = 2), deterministic. */
@Command(name = "parity", description = "Parity of K bits (XOR: K=2), all 2^K points, K-HIDDEN-1 ReLU, exact fit. Deterministic: --seed/--count are ignored.")
final class GenerateParityCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Mixin DomainOption domain;
    @Option(names = {"-k", "--width"}, paramLabel = "K", description = "Number of input bits K. Default: 2.") int k = 2;
    @Option(names = "--hidden", paramLabel = "N", description = "Hidden ReLU units. Default: K.") Integer hidden;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var d = domain.domain(3, false);
        int h = hidden == null ? k : hidden;
        common.check();
        try {
            GenerateOptions.report(spec, common.writer(), ParityGenerator.generate(k, h, d));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }
}
