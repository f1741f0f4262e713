package org.ermbit.cli;

import picocli.CommandLine.Command;

/** {@code ermbit reduce NAME INPUT -o OUTPUT}: parent of one subcommand per registered reduction. */
@Command(name = "reduce", description = "Reduce a source instance to a target instance (one subcommand per reduction).",
        subcommands = {
            ReduceThreeSatReluCommand.class,
        })
final class ReduceCommand {
}
