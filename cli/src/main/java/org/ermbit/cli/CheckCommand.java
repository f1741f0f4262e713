package org.ermbit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ermbit check NAME FILE…}: the parent of the reduction checks (DESIGN §9). */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a named reduction on each FILE: solve the source directly, solve or read the target, compare.",
        subcommands = {
            CheckThreeSatReluCommand.class,
            CheckSharp3SatGradBitCommand.class,
            CheckPosSlpGradSignCommand.class,
        })
public final class CheckCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, "NAME");
    }
}
