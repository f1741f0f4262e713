package org.ermbit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ermbit generate FAMILY …}: seeded, reproducible benchmark instances (same options → byte-identical
 * files) written as ermbit/1 files plus MANIFEST lines. A parent command whose only content is its families.
 */
@Command(name = "generate", description = "Generate benchmark instances (ermbit/1 files + MANIFEST lines with the expected answers).",
        subcommands = {
            GeneratePlantedCommand.class,
            GenerateNoisyCommand.class,
            GenerateParityCommand.class,
            GenerateRealDataCommand.class,
            GenerateThreeSatCommand.class,
            GeneratePolynomialCommand.class,
            GenerateSuiteCommand.class,
        })
final class GenerateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "FAMILY");
    }
}
