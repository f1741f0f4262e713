package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every subcommand answers {@code --help} with its usage on stdout and exit 0, and {@code --version} too. */
class HelpTest {

    static Stream<String> subcommands() {
        return Main.commandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("subcommands")
    void helpPrintsUsage(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: ermbit " + command), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest(name = "{0} --version")
    @MethodSource("subcommands")
    void versionWorksOnEverySubcommand(String command) {
        CliRun r = CliRun.of(command, "--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("ermbit "), r.out());
    }

    /**
     * A parent's command list shows only the first description line of each subcommand, so that line must
     * be a whole sentence: it ends with a full stop (it once read "... per-layer bit-growth bound,").
     */
    @org.junit.jupiter.api.Test
    void everyCommandListShowsWholeSentences() {
        List<String> cut = new ArrayList<>();
        collectCutSummaries(Main.commandLine(), cut);
        assertEquals(List.of(), cut);
    }

    private static void collectCutSummaries(CommandLine parent, List<String> cut) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            String first = description.length == 0 ? "" : description[0].strip();
            if (!first.endsWith(".") && !sub.getCommandName().equals("help")) cut.add(sub.getCommandSpec().qualifiedName() + ": " + first);
            collectCutSummaries(sub, cut);
        }
    }

    /** The usage line of --squares shows its three values, as docs/CLI.md writes it (it said PATH, which is a file name's label). */
    @ParameterizedTest(name = "{0} --help")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"solve", "optimize"})
    void squaresShowsItsValues(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertTrue(r.out().contains("--squares=auto|products|cuts"), r.out());
        assertTrue(!r.out().contains("--squares=PATH"), r.out());
    }

    /** A parent command without its subcommand names what is missing and lists the valid ones (reduce and check said only "Missing required subcommand"). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "generate | ermbit: missing FAMILY: planted, noisy, parity, realdata, 3sat, polynomial or suite (try ermbit generate --help)",
        "reduce   | ermbit: missing NAME: 3sat-relu, sharp3sat-gradbit or posslp-gradsign (try ermbit reduce --help)",
        "check    | ermbit: missing NAME: 3sat-relu, sharp3sat-gradbit or posslp-gradsign (try ermbit check --help)"})
    void aParentWithoutSubcommandListsThem(String command, String line) {
        CliRun r = CliRun.of(command);
        assertEquals(2, r.exit());
        assertEquals(List.of(line), r.errLines());
        assertEquals("", r.out());
    }

    /** An unknown command or family is one line that lists the valid ones, exit 2. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "frobnicate        | ermbit takes one of: help, solve, optimize",
        "reduce nosuch x   | reduce takes one of: 3sat-relu, sharp3sat-gradbit, posslp-gradsign",
        "generate nosuch   | generate takes one of: planted, noisy"})
    void unknownCommandsListTheValidOnes(String args, String listed) {
        CliRun r = CliRun.of(args.split(" "));
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(listed), r.err());
    }

    /** A near miss of a command, family or option name gets a "did you mean" hint; picocli said "Unmatched argument(s)". */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "slove x.json                | ermbit: unknown command 'slove'; did you mean solve? (ermbit takes one of: help, solve, optimize, solvers, verify, info, generate, bench, export, reduce, check, count)",
        "frobnicate                  | ermbit: unknown command 'frobnicate' (ermbit takes one of: help, solve, optimize, solvers, verify, info, generate, bench, export, reduce, check, count)",
        "generate plantd             | ermbit: unknown generate subcommand 'plantd'; did you mean planted? (generate takes one of: planted, noisy, parity, realdata, 3sat, polynomial, suite)",
        "check 3sat-rel x.cnf        | ermbit: unknown check subcommand '3sat-rel'; did you mean 3sat-relu? (check takes one of: 3sat-relu, sharp3sat-gradbit, posslp-gradsign)",
        "solve x.json --timout 5     | ermbit: unknown option '--timout'; did you mean --timeout? (try ermbit solve --help)",
        "solve x.json --timout=5     | ermbit: unknown option '--timout=5'; did you mean --timeout? (try ermbit solve --help)",
        "solve x.json --witnes w     | ermbit: unknown option '--witnes'; did you mean --witness? (try ermbit solve --help)",
        "solve x.json --frobnicate   | ermbit: unknown option '--frobnicate' (try ermbit solve --help)",
        "count x.cnf --time 5        | ermbit: unknown option '--time'; did you mean --timeout? (try ermbit count --help)",
        "solve x.json y.json         | ermbit: unexpected argument 'y.json' (try ermbit solve --help)"})
    void nearMissesGetAHint(String args, String line) {
        CliRun r = CliRun.of(args.trim().split(" +"));
        assertEquals(2, r.exit());
        assertEquals(List.of(line), r.errLines());
        assertEquals("", r.out());
    }

    /** The edit distance counts an adjacent transposition as one edit; suggestions need a close match or a prefix. */
    @org.junit.jupiter.api.Test
    void suggestionsAreNearMissesOnly() {
        assertEquals(1, ArgumentErrors.distance("slove", "solve"));
        assertEquals(1, ArgumentErrors.distance("ab", "ba"));
        assertEquals(3, ArgumentErrors.distance("kitten", "sitting"));
        assertEquals(List.of("solve"), ArgumentErrors.closest("solv", List.of("solve", "solvers", "optimize")));
        assertEquals(List.of("--timeout"), ArgumentErrors.closest("--timout", List.of("--timeout", "--timeouts", "--json")));
        assertEquals(List.of("solve", "solver"), ArgumentErrors.closest("solvee", List.of("solve", "solver", "solvers")));
        assertEquals(List.of(), ArgumentErrors.closest("xyz", List.of("solve", "count")));
        assertEquals(List.of("optimize"), ArgumentErrors.closest("opt", List.of("solve", "optimize")));
        assertEquals(List.of(), ArgumentErrors.closest("x".repeat(65), List.of("x".repeat(65))));
    }
}
