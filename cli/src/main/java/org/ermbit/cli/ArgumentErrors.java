package org.ermbit.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ermbit.core.format.PrintableText;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one-line message of a command-line parse error. Unknown commands and options are named as such,
 * with a "did you mean" hint for a near miss (a typo within a small edit distance, or a prefix), instead
 * of picocli's "Unmatched argument(s)" wording.
 */
final class ArgumentErrors {
    private ArgumentErrors() {
    }

    /** The message for {@code ex}, without the {@code ermbit: } prefix. */
    static String message(CommandLine.ParameterException ex) {
        CommandLine where = ex.getCommandLine();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return PrintableText.oneLine(ex.getMessage());
        }
        String first = unmatched.getUnmatched().get(0);
        CommandSpec spec = where.getCommandSpec();
        String quoted = "'" + PrintableText.oneLine(first) + "'";
        if (first.startsWith("-") && first.length() > 1) {
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> names = new ArrayList<>();
            for (OptionSpec option : spec.options()) {
                names.addAll(List.of(option.names()));
            }
            return "unknown option " + quoted + hint(closest(name, names)) + " (try " + spec.qualifiedName() + " --help)";
        }
        if (!where.getSubcommands().isEmpty()) {
            Collection<String> commands = where.getSubcommands().keySet();
            String what = spec.parent() == null ? "unknown command " : "unknown " + spec.name() + " subcommand ";
            return what + quoted + hint(closest(first, commands))
                    + " (" + spec.name() + " takes one of: " + String.join(", ", commands) + ")";
        }
        return "unexpected argument " + quoted + " (try " + spec.qualifiedName() + " --help)";
    }

    private static String hint(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
    }

    /**
     * The candidates nearest to {@code typed}: those within optimal-string-alignment distance
     * {@code max(1, length / 4)} (at most 2) at the smallest distance found, else those that start with
     * {@code typed} when it has at least 3 characters besides dashes. In the candidates' order; none
     * for a word longer than 64 characters.
     */
    static List<String> closest(String typed, Collection<String> candidates) {
        if (typed.length() > 64) {
            return List.of();
        }
        int limit = Math.min(2, Math.max(1, typed.length() / 4));
        int best = limit + 1;
        List<String> nearest = new ArrayList<>();
        for (String candidate : candidates) {
            int d = distance(typed, candidate);
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best && !nearest.contains(candidate)) {
                nearest.add(candidate);
            }
        }
        if (nearest.isEmpty() && typed.replace("-", "").length() >= 3) {
            for (String candidate : candidates) {
                if (candidate.startsWith(typed) && !nearest.contains(candidate)) {
                    nearest.add(candidate);
                }
            }
        }
        return nearest;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
