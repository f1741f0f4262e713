package org.ermbit.cli;

import picocli.CommandLine.Command;

/** {@code ermbit check NAME FILE…}: parent of one subcommand per registered reduction. */
@Command(name = "check", description = "Check a reduction on real inputs (one subcommand per reduction).",
        subcommands = {
            CheckThreeSatReluCommand.class,
        })
final class CheckCommand {
}
