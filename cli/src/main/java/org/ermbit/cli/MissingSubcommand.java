package org.ermbit.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The usage error of a parent command run without a subcommand: names what is missing and lists the valid ones. */
final class MissingSubcommand {
    private MissingSubcommand() {
    }

    /** For example {@code missing NAME: 3sat-relu, sharp3sat-gradbit or posslp-gradsign (try ermbit reduce --help)}. */
    static CommandLine.ParameterException of(CommandSpec parent, String label) {
        List<String> names = new ArrayList<>(parent.subcommands().keySet());
        String last = names.remove(names.size() - 1);
        String list = names.isEmpty() ? last : String.join(", ", names) + " or " + last;
        return new CommandLine.ParameterException(parent.commandLine(),
                "missing " + label + ": " + list + " (try " + parent.qualifiedName() + " --help)");
    }
}
