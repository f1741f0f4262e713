package org.ermbit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ermbit reduce NAME INPUT -o OUTPUT}: the parent of the reductions that write a target instance (DESIGN §9). */
@Command(name = "reduce", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Apply a named reduction to INPUT and write the target instance.",
        subcommands = {
            ReduceThreeSatReluCommand.class,
            ReduceSharp3SatGradBitCommand.class,
            ReducePosSlpGradSignCommand.class,
        })
public final class ReduceCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "NAME");
    }
}
