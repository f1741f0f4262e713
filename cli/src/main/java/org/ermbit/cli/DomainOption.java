package org.ermbit.cli;

import org.ermbit.bench.generate.DomainTags;
import org.ermbit.core.model.Domain;
import picocli.CommandLine.Option;

/** The parameter domain of generated instances: {@code --bits B} (B-bit integers) or {@code --ternary}. */
final class DomainOption {
    @Option(names = "--bits", paramLabel = "B", description = "Parameters are B-bit two's complement integers (fixed point, 0 fraction bits). "
            + "Default: 3 for planted, noisy and parity; realdata and polynomial default to --ternary.")
    Integer bits;

    @Option(names = "--ternary", description = "Parameters lie in {-1, 0, 1} (the default of realdata and polynomial).")
    boolean ternary;

    Domain domain(int defaultBits, boolean defaultTernary) {
        if (bits != null && ternary) throw new UsageException("give --bits or --ternary, not both");
        if (ternary || (bits == null && defaultTernary)) return DomainTags.ternary();
        int b = bits == null ? defaultBits : bits;
        if (b < 1 || b > 16) throw new UsageException("--bits must be in 1..16, got " + b);
        return DomainTags.integers(b);
    }
}
