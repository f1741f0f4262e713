package org.ermbit.cli;

import java.util.concurrent.Callable;
import org.ermbit.bench.generate.Generated;
import org.ermbit.bench.generate.StandardSuite;
import org.ermbit.bench.generate.SuiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ermbit generate suite}: the standard suite of docs/BENCHMARKS.md (fixed seeds and sizes). */
@Command(name = "suite", description = "The standard benchmark suite of docs/BENCHMARKS.md (every family, fixed seeds; --seed/--count are ignored).")
final class GenerateSuiteCommand implements Callable<Integer> {
    @Mixin GenerateOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        common.check();
        SuiteWriter w = common.writer();
        for (Generated g : StandardSuite.instances()) GenerateOptions.report(spec, w, g);
        return 0;
    }
}
