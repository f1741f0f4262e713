package org.ermbit.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import org.ermbit.bench.ManifestEntry;
import org.ermbit.bench.generate.Generated;
import org.ermbit.bench.generate.Labeler;
import org.ermbit.bench.generate.SuiteWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options shared by the {@code ermbit generate} families: output suite directory, seeds, brute-force cap. */
final class GenerateOptions {

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Suite directory (instances go to DIR/FAMILY/, the MANIFEST to DIR/MANIFEST). Default: instances.")
    Path out = Path.of("instances");

    @Option(names = "--seed", paramLabel = "S", description = "First seed. Default: 1.")
    long seed = 1;

    @Option(names = "--count", paramLabel = "N", description = "Number of instances (seeds S, S+1, …). Default: 1.")
    int count = 1;

    @Option(names = "--brute-force-cap", paramLabel = "N",
            description = "Largest domain (parameter vectors) enumerated to label an instance. Default: 200000.")
    BigInteger bruteForceCap = Labeler.DEFAULT_CAP;

    void check() {
        if (count < 1) throw new UsageException("--count must be >= 1, got " + count);
        if (bruteForceCap.signum() < 0) throw new UsageException("--brute-force-cap must be >= 0");
        if (seed > Long.MAX_VALUE - count + 1) throw new UsageException("--seed " + seed + " with --count " + count + " runs past the largest seed");
        OutputFiles.checkDirectory(out, "--out");
    }

    SuiteWriter writer() {
        return new SuiteWriter(out, new Labeler(bruteForceCap));
    }

    /** Writes one instance and prints its MANIFEST line; an instance past the ermbit/1 caps is a usage error. */
    static void report(CommandSpec spec, SuiteWriter w, Generated g) {
        ManifestEntry e;
        try {
            e = w.write(g);
        } catch (IllegalArgumentException tooLarge) {
            throw new UsageException(tooLarge.getMessage());
        }
        spec.commandLine().getOut().println(e.line());
        spec.commandLine().getOut().flush();
    }

    /** Runs {@code make} on every seed, turning IllegalArgumentException (bad sizes) into usage errors. */
    int forEachSeed(CommandSpec spec, java.util.function.LongFunction<Generated> make) {
        check();
        SuiteWriter w = writer();
        for (int k = 0; k < count; k++) {
            Generated g;
            try {
                g = make.apply(seed + k);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            report(spec, w, g);
        }
        return 0;
    }
}
