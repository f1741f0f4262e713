package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ermbit.cli.CliDocsChecker.Doc;
import org.ermbit.cli.CliDocsChecker.DocRef;
import org.ermbit.cli.CliDocsChecker.Exemption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The documentation of the command line (docs/CLI.md and the documents that own a command) and the picocli
 * definitions agree: every option is documented where its command is, every option the docs name exists,
 * every command has a section and a description, and the defaults the docs state are the code's and the
 * ones {@code --help} prints. The two sources are independent: the picocli model built from the command
 * classes, and the Markdown text. How sections are delimited: {@link CliDocsChecker}.
 */
class CliDocsConsistencyTest {

    private static final Path REPOSITORY = Path.of("..");

    /** docs/CLI.md first: its {@code ## ermbit NAME} headings are the commands' own sections. */
    private static final List<String> DOCS = List.of("docs/CLI.md", "docs/EXPORT.md", "docs/REDUCTIONS.md", "docs/COUNTING.md",
            "docs/BENCHMARKS.md", "docs/REALRAM.md", "docs/SOLVERS.md", "docs/ENCODING.md", "docs/EMBEDDING.md", "docs/FORMAT.md",
            "docs/TESTING.md", "README.md", "instances/README.md", "instances/counting/README.md");

    /**
     * Sections a command owns besides its own (the documents README's command table points to, where they
     * describe the command's options; docs/SOLVERS.md describes backends, whose options are solve's, so its
     * command lines are checked as invocations only). Owned sections apply to subcommands too.
     */
    private static final Map<String, List<DocRef>> OWNED = Map.of(
            "ermbit", List.of(DocRef.section("docs/CLI.md", "## Conventions")),
            // "ermbit optimize INSTANCE [same options as solve]"
            "ermbit optimize", List.of(DocRef.section("docs/CLI.md", "## ermbit solve")),
            "ermbit solve", List.of(DocRef.whole("docs/REALRAM.md")),
            "ermbit export", List.of(DocRef.whole("docs/EXPORT.md")),
            "ermbit count", List.of(DocRef.whole("docs/COUNTING.md")),
            "ermbit reduce", List.of(DocRef.whole("docs/REDUCTIONS.md")),
            "ermbit check", List.of(DocRef.whole("docs/REDUCTIONS.md")),
            // the harness; its subsections are measurements, whose command lines are checked as invocations
            "ermbit bench", List.of(DocRef.intro("docs/BENCHMARKS.md", "## Bench harness")));

    /** Option tokens a section may name although its command has no such option, each with the reason. */
    private static final List<Exemption> EXEMPTIONS = List.of(
            new Exemption("ermbit bench", "--no-local-search",
                    "\"runs that solver alone (`--no-local-search`)\": the option bench adds to the child's `ermbit solve` command line"),
            new Exemption("ermbit export", "--check",
                    "docs/EXPORT.md: \"`--check` only reports what is present\" is an option of scripts/install-external-solvers.sh"));

    private static CliDocsChecker checker;

    private static List<Doc> docs;

    @BeforeAll
    static void readDocs() throws IOException {
        docs = new ArrayList<>();
        for (String d : DOCS) docs.add(Doc.read(REPOSITORY, d));
        checker = new CliDocsChecker(new CommandLine(new Main()), docs, OWNED, EXEMPTIONS);
    }

    @Test
    void everyOptionIsDocumentedWithItsCommand() {
        assertNoProblems(checker.undocumentedOptions());
    }

    @Test
    void everyDocumentedOptionExists() {
        assertNoProblems(checker.unknownDocumentedOptions());
    }

    @Test
    void everyCommandLineInTheDocsUsesExistingOptions() {
        assertTrue(checker.invocationCount() > 100, "command lines found in the docs: " + checker.invocationCount());
        assertNoProblems(checker.unknownOptionsInInvocations());
    }

    @Test
    void everyCommandHasASectionAndDescriptions() {
        assertNoProblems(checker.undocumentedCommands());
    }

    @Test
    void helpStatesTheDefaultsOfTheCode() {
        assertNoProblems(checker.helpDefaults());
    }

    @Test
    void docsStateTheDefaultsOfTheCodeAndOfHelp() {
        assertNoProblems(checker.docDefaults());
    }

    @Test
    void generateFamilyMatrixMatchesTheFamilies() {
        assertNoProblems(checker.optionMatrices());
    }

    // ------------------------------------------------------------------ the checker detects drifts

    /** Every problem the checks find when docs/CLI.md has every {@code from} replaced by {@code to}. */
    private static List<String> problemsAfterEditingCliMd(String from, String to) {
        List<Doc> edited = new ArrayList<>(docs);
        Doc cli = edited.get(0);
        assertTrue(cli.text().contains(from), from);
        edited.set(0, new Doc(cli.name(), cli.text().replace(from, to)));
        CliDocsChecker c = new CliDocsChecker(new CommandLine(new Main()), edited, OWNED, EXEMPTIONS);
        List<String> all = new ArrayList<>();
        all.addAll(c.undocumentedOptions());
        all.addAll(c.unknownDocumentedOptions());
        all.addAll(c.unknownOptionsInInvocations());
        all.addAll(c.undocumentedCommands());
        all.addAll(c.docDefaults());
        all.addAll(c.optionMatrices());
        return all;
    }

    private static void assertFound(List<String> problems, String... fragments) {
        for (String f : fragments) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(f)), "no problem contains <" + f + ">: " + problems);
        }
    }

    /** A renamed option in the real docs: the old name is undocumented, the new one does not exist. */
    @Test
    void detectsARenameInTheRealDocs() {
        assertFound(problemsAfterEditingCliMd("--stats", "--statistics"),
                "ermbit check 3sat-relu: option --stats is not documented in docs/CLI.md \"### ermbit check 3sat-relu\"",
                "ermbit check 3sat-relu: docs/CLI.md line ",
                "with --statistics, which is not an option of that command");
    }

    /** A wrong default in the real prose and in the real generate matrix. */
    @Test
    void detectsWrongDefaultsInTheRealDocs() {
        assertFound(problemsAfterEditingCliMd("the machine's memory, default 2048", "the machine's memory, default 4096"),
                "says --memory defaults to 4096, the code has 2048");
        assertFound(problemsAfterEditingCliMd("| `--noise K`: targets shifted by ±1 (1 ≤ K ≤ points) | — | 2 |",
                        "| `--noise K`: targets shifted by ±1 (1 ≤ K ≤ points) | 2 | 2 |"),
                "ermbit generate planted: docs/CLI.md \"## ermbit generate\" line ",
                "gives --noise a value (2), but there is no such option");
        assertFound(problemsAfterEditingCliMd("| `--vars N`: variables (3 ≤ N ≤ 62) | — | — | — | — | 20 |",
                        "| `--vars N`: variables (3 ≤ N ≤ 62) | — | — | — | — | 30 |"),
                "ermbit generate 3sat: docs/CLI.md \"## ermbit generate\" line ", "says --vars defaults to 30, the code has 20");
    }

    /** A small command tree with known drifts against {@link #DEMO_DOC}. */
    @Command(name = "ermbit", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, description = "Root.",
            subcommands = {DemoCommand.class, FamilyParent.class, GhostCommand.class})
    static final class DemoRoot implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "demo", description = "Demo.")
    static final class DemoCommand implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "A file.") Path file;
        @Option(names = "--alpha", paramLabel = "N", description = "Alpha. Default: 3.") int alpha = 3;
        @Option(names = "--beta", description = "Beta (missing from the doc).") boolean beta;
        @Option(names = {"-g", "--gamma"}, paramLabel = "G", description = "Gamma. Default: 5.") int gamma = 7;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "fam", description = "Families.", subcommands = {FamilyA.class, FamilyB.class})
    static final class FamilyParent implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "a", description = "Family a.")
    static final class FamilyA implements Runnable {
        @Option(names = "--size", paramLabel = "N", description = "Size. Default: 2.") int size = 2;

        @Override
        public void run() {
        }
    }

    @Command(name = "b", description = "Family b.")
    static final class FamilyB implements Runnable {
        @Option(names = "--size", paramLabel = "N", description = "Size. Default: 4.") int size = 4;
        @Option(names = "--extra", description = "Extra.") boolean extra;

        @Override
        public void run() {
        }
    }

    @Command(name = "ghost")
    static final class GhostCommand implements Runnable {
        @Override
        public void run() {
        }
    }

    private static final String DEMO_DOC = """
            # Demo

            ## Conventions

            `--help` prints usage.

            ## ermbit demo

            `ermbit demo FILE [--alpha N] [-g G]`

            * `--alpha N` (default 4) sets alpha.
            * `--gamma G` sets gamma.
            * `--delta D` sets delta.

            ## ermbit fam

            `ermbit fam NAME`:

            | option | `a` | `b` |
            |---|---|---|
            | `--size N` | 2 | 3 |
            | `--extra` | — | — |

            ## ermbit gone
            """;

    private static CliDocsChecker demoChecker() {
        return new CliDocsChecker(new CommandLine(new DemoRoot()),
                List.of(new Doc("docs/DEMO.md", DEMO_DOC), new Doc("docs/OTHER.md", "Run `ermbit demo F --omega`.\n")),
                Map.of("ermbit", List.of(DocRef.section("docs/DEMO.md", "## Conventions"))), List.of());
    }

    @Test
    void detectsAnUndocumentedOption() {
        assertEquals(List.of("ermbit demo: option --beta is not documented in docs/DEMO.md \"## ermbit demo\", docs/DEMO.md \"## Conventions\""),
                demoChecker().undocumentedOptions());
    }

    @Test
    void detectsADocumentedOptionThatDoesNotExist() {
        assertEquals(List.of("ermbit demo: docs/DEMO.md \"## ermbit demo\" mentions --delta, which is not an option of that command (line 13)"),
                demoChecker().unknownDocumentedOptions());
        assertEquals(List.of("ermbit demo: docs/OTHER.md line 1 runs `ermbit demo F --omega` with --omega, which is not an option of that command"),
                demoChecker().unknownOptionsInInvocations());
    }

    @Test
    void detectsAMissingSectionAndDescription() {
        assertEquals(List.of("ermbit ghost: the command has no description of its own (--help shows the one of ermbit)",
                "ermbit ghost: no section \"ermbit ghost\" in docs/DEMO.md, and not mentioned in docs/DEMO.md \"## Conventions\"",
                "ermbit gone: docs/DEMO.md has a section \"## ermbit gone\" but there is no such command"),
                demoChecker().undocumentedCommands());
    }

    @Test
    void detectsDefaultsThatDisagree() {
        assertEquals(List.of("ermbit demo: --gamma defaults to 7 but its description (--help) says 5"), demoChecker().helpDefaults());
        assertEquals(List.of("ermbit demo: docs/DEMO.md \"## ermbit demo\" line 11 says --alpha defaults to 4, the code has 3"),
                demoChecker().docDefaults());
        assertEquals(List.of("ermbit fam b: docs/DEMO.md \"## ermbit fam\" line 21 says --size defaults to 3, the code has 4",
                "ermbit fam b: docs/DEMO.md \"## ermbit fam\" line 22 says it has no --extra, but it has"),
                demoChecker().optionMatrices());
    }

    /** The regular forms of a stated default, as the checker reads them. */
    @Test
    void readsTheRegularFormsOfADefault() {
        String doc = "`--memory` between 64 MB and 8 GB, default 2048, and `-j 1`, the default; `--counter component` (default) "
                + "or `--max-bits` (default 2 000 000); `--squares auto|cuts` chooses: `auto` (the default) or `cuts`; `--out DIR` (default `instances`; …)";
        List<String> read = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--memory|-j|--counter|--max-bits|--squares|--out").matcher(doc);
        while (m.find()) read.add(m.group() + "=" + CliDocsChecker.docDefault(doc, m.end(), doc.length()));
        assertEquals(List.of("--memory=2048", "-j=1", "--counter=component", "--max-bits=2000000", "--squares=auto", "--out=instances"), read);
        String refine = "`--refine` is off by default because it is slower";
        assertEquals(null, CliDocsChecker.docDefault(refine, "`--refine".length(), refine.length()));
    }

    private static void assertNoProblems(List<String> problems) {
        assertEquals("", String.join("\n", problems), problems.size() + " problem(s)");
    }
}
