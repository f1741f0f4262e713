package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ermbit.core.spi.Availability;
import org.ermbit.solvers.registry.SolverRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every command transcript of README.md and docs/*.md and compares it with what the CLI prints
 * now, so that the documented examples cannot drift from the code unnoticed. One test case per
 * transcript, named {@code FILE:LINE $ COMMAND}.
 *
 * <p><b>What is a transcript.</b> A fenced code block whose first line is {@code $ ./ermbit …} (or
 * {@code $ ermbit …}); later {@code $ } lines in the block are further commands, run in order in the
 * same temporary directory ({@link DocTranscript}). Code blocks without the {@code $} prompt are
 * recipes or formats and are not run.
 *
 * <p><b>How a command runs.</b> In-process ({@link Main#run}), never through a shell, with the
 * semantics of a shell in the project root:
 *
 * <ul>
 *   <li>an argument (not an option or subcommand name) naming a file or directory that exists under
 *       the root is passed as that path, and the path is written back as the document wrote it
 *       wherever the output prints it;
 *   <li>the value of an output option ({@code -o}, {@code --out}, {@code --output}, {@code --witness},
 *       {@code --witness-out}, {@code --csv}; not {@code -}) goes to a fresh temporary directory, where
 *       later commands of the same transcript find it — the documentation never writes into the
 *       project; {@code generate} must name its directory with {@code -o};
 *   <li>stdout and stderr are shown interleaved as on a terminal; {@code 2>&1}, {@code 2>/dev/null}
 *       and pipes into {@code grep}, {@code head} and {@code tail} act as in a shell
 *       ({@link ShellCommand}); any other shell syntax fails the test, naming it;
 *   <li>the exit code must be the one a trailing comment states ({@code # exit 10}), or 0 when the
 *       comment does not state one. It is ermbit's exit code, also when the output goes through a pipe.
 * </ul>
 *
 * <p><b>How output is compared</b>: {@link TranscriptMatcher} (whole lines in order; a line {@code …}
 * = lines left out; {@code …} in a line = any text; numbers in a {@code c time} line = any number).
 *
 * <p><b>Skips</b> (JUnit assumptions, with the reason): a transcript whose {@code --solver},
 * {@code --solvers} or {@code --cross-check} names a backend this machine does not have (the external
 * binaries z3, cvc5, cadical, cbc …), and {@code bench}, which runs a child JVM per run and is too slow
 * for a unit test. A transcript should otherwise finish within a second or two; longer examples are
 * written as recipes, without the prompt.
 */
class DocTranscriptTest {

    /** The project root: the nearest directory above the working directory that holds README.md and docs/CLI.md. */
    static final Path ROOT = findRoot();

    private static final Set<String> OUTPUT_OPTIONS = Set.of("-o", "--out", "--output", "--witness", "--witness-out", "--csv");
    private static final Set<String> SOLVER_OPTIONS = Set.of("--solver", "--solvers", "--cross-check");
    private static final Pattern PROMPT = Pattern.compile("^\\s*\\$ (\\./)?ermbit( |$)");

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("docs/CLI.md")))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no project root (README.md and docs/CLI.md) above " + Path.of("").toAbsolutePath());
        return p;
    }

    static List<DocTranscript> transcripts() {
        return DocTranscript.findAll(ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void transcriptShowsWhatTheCommandPrints(DocTranscript t, @TempDir Path dir) {
        List<ShellCommand> commands = new ArrayList<>();
        for (DocTranscript.Step step : t.commands()) {
            try {
                commands.add(ShellCommand.parse(step.command()));
            } catch (ShellCommand.Unsupported e) {
                fail(t.source() + ":" + step.line() + ": unsupported in a transcript: " + e.getMessage() + "\n$ " + step.command());
            }
        }
        for (int k = 0; k < commands.size(); k++) assumeRunnable(t.source() + ":" + t.commands().get(k).line(), commands.get(k));
        for (int k = 0; k < commands.size(); k++) {
            DocTranscript.Step step = t.commands().get(k);
            String where = t.source() + ":" + step.line();
            Run run = run(where, commands.get(k), dir);
            Optional<TranscriptMatcher.Mismatch> mismatch = TranscriptMatcher.compare(step.expected(), run.lines());
            if (mismatch.isPresent()) fail(where + " $ " + step.command() + "\n" + mismatch.get().describe(step.firstOutputLine()));
            assertEquals(commands.get(k).exit(), run.exit(), where + " $ " + step.command()
                    + "\nexit code (stated by a trailing '# exit N', else 0); output:\n" + String.join("\n", run.lines()));
        }
    }

    /**
     * Every {@code $ ermbit} prompt in README.md and docs/*.md belongs to a transcript this test runs:
     * a prompt outside a code block, or in a block that does not start with one, would otherwise go
     * unchecked. The prompts are found by a plain line scan, independent of {@link DocTranscript}.
     */
    @Test
    void everyPromptInTheDocsIsRunAsATranscript() throws IOException {
        Set<String> run = new HashSet<>();
        for (DocTranscript t : transcripts()) for (DocTranscript.Step s : t.commands()) run.add(t.source() + ":" + s.line());
        List<String> prompts = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (PROMPT.matcher(lines.get(i)).find()) prompts.add(ROOT.relativize(f) + ":" + (i + 1));
            }
        }
        assertFalse(prompts.isEmpty(), "no $ ermbit prompt found in the docs");
        assertEquals(List.of(), prompts.stream().filter(p -> !run.contains(p)).toList(), "prompts that are not run as transcripts");
    }

    /** Skips (assumption) a command this machine cannot run as a test: a missing backend, or a long-running subcommand. */
    static void assumeRunnable(String where, ShellCommand c) {
        List<String> args = c.args();
        assumeTrue(!subcommand(args).equals("bench"), where + ": 'ermbit bench' runs a child JVM per run; too slow for a unit test");
        SolverRegistry registry = SolverRegistry.load();
        for (int k = 0; k < args.size(); k++) {
            String value = null;
            String a = args.get(k);
            if (SOLVER_OPTIONS.contains(a) && k + 1 < args.size()) value = args.get(k + 1);
            else if (a.contains("=") && SOLVER_OPTIONS.contains(a.substring(0, a.indexOf('=')))) value = a.substring(a.indexOf('=') + 1);
            if (value == null) continue;
            for (String id : value.split(",")) {
                if (!registry.ids().contains(id)) continue; // portfolio, baselines, "default": nothing to probe
                Availability av = registry.byId(id).probe();
                assumeTrue(av.available(), where + ": needs backend " + id + ", unavailable here: " + av.reason());
            }
        }
    }

    private static String subcommand(List<String> args) {
        return args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
    }

    /** What a terminal shows for one command, and ermbit's exit code. */
    record Run(List<String> lines, int exit) {
    }

    /** Runs {@code c} in-process as if in the project root, outputs in {@code dir}; see the class comment. */
    static Run run(String where, ShellCommand c, Path dir) {
        Map<String, String> shownAs = new LinkedHashMap<>(); // path passed to the CLI -> text the document wrote
        String[] args = argumentsFromRoot(where, c.args(), dir, shownAs);
        Terminal terminal = new Terminal();
        int exit = Main.run(args, new PrintWriter(terminal.writer(false), true), new PrintWriter(terminal.writer(true), true));
        terminal.close();
        List<Map.Entry<String, String>> rewrites = new ArrayList<>(shownAs.entrySet());
        rewrites.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        List<Terminal.Line> lines = new ArrayList<>();
        for (Terminal.Line l : terminal.lines()) {
            if (l.stderr() && c.stderr() == ShellCommand.Stderr.DISCARDED) continue;
            String text = l.text();
            for (Map.Entry<String, String> e : rewrites) text = text.replace(e.getKey(), e.getValue());
            lines.add(new Terminal.Line(l.stderr(), text));
        }
        return new Run(throughPipe(lines, c), exit);
    }

    /** The document's arguments with their paths resolved (see {@link #path}); {@code where} names the transcript in a failure. */
    private static String[] argumentsFromRoot(String where, List<String> given, Path dir, Map<String, String> shownAs) {
        int names = subcommandNames(given);
        List<String> args = new ArrayList<>(given.subList(0, names));
        boolean namesOutput = false;
        for (int k = names; k < given.size(); k++) {
            String a = given.get(k);
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                String name = a.substring(0, eq);
                namesOutput |= OUTPUT_OPTIONS.contains(name);
                args.add(name + "=" + path(a.substring(eq + 1), OUTPUT_OPTIONS.contains(name), dir, shownAs));
            } else if (k > names && OUTPUT_OPTIONS.contains(given.get(k - 1))) {
                namesOutput = true;
                args.add(path(a, true, dir, shownAs));
            } else {
                args.add(a.startsWith("-") ? a : path(a, false, dir, shownAs));
            }
        }
        if (subcommand(given).equals("generate") && !namesOutput && !given.contains("--help")) {
            fail(where + ": 'generate' in a transcript must name its output directory with -o (it would write into the module directory)");
        }
        return args.toArray(String[]::new);
    }

    /**
     * What the terminal shows of {@code lines}: the stdout lines (and stderr ones after {@code 2>&1})
     * pass the pipeline's filters; stderr lines not in the pipe stay where they were written.
     */
    private static List<String> throughPipe(List<Terminal.Line> lines, ShellCommand c) {
        boolean stderrInPipe = c.stderr() == ShellCommand.Stderr.MERGED;
        List<Integer> piped = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) if (!lines.get(k).stderr() || stderrInPipe) piped.add(k);
        for (ShellCommand.LineFilter f : c.filters()) {
            List<Integer> input = piped;
            piped = f.keep(input.stream().map(k -> lines.get(k).text()).toList()).stream().map(input::get).toList();
        }
        Set<Integer> kept = new HashSet<>(piped);
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            if (kept.contains(k) || (lines.get(k).stderr() && !stderrInPipe)) shown.add(lines.get(k).text());
        }
        return shown;
    }

    /** How many leading arguments name the subcommand ({@code solve}; {@code reduce 3sat-relu}): never paths. */
    private static int subcommandNames(List<String> args) {
        picocli.CommandLine cl = Main.commandLine();
        int k = 0;
        while (k < args.size() && cl.getSubcommands().containsKey(args.get(k))) cl = cl.getSubcommands().get(args.get(k++));
        return k;
    }

    /**
     * The path to pass for the document's {@code text}: an output goes to {@code dir}; an input is
     * taken from {@code dir} (written by an earlier command) or else from the project root; anything
     * else (a subcommand, a format name) is passed unchanged. Records how to write it back.
     */
    private static String path(String text, boolean output, Path dir, Map<String, String> shownAs) {
        if (text.isEmpty() || text.equals("-") || Path.of(text).isAbsolute()) return text;
        Path p;
        if (output || Files.exists(dir.resolve(text))) p = dir.resolve(text);
        else if (Files.exists(ROOT.resolve(text))) p = ROOT.resolve(text);
        else return text;
        try {
            if (output && p.getParent() != null) Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shownAs.put(p.toString(), text);
        return p.toString();
    }

    /**
     * Collects what ermbit writes to stdout and stderr as whole lines, in the order written — one
     * terminal for both streams.
     */
    static final class Terminal {

        /** One line as the terminal showed it, and whether it came from stderr. */
        record Line(boolean stderr, String text) {
        }

        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};

        Writer writer(boolean stderr) {
            return new Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    synchronized (lines) {
                        StringBuilder p = partial[stderr ? 1 : 0];
                        for (int i = off; i < off + len; i++) {
                            if (buf[i] == '\n') {
                                lines.add(new Line(stderr, stripCr(p)));
                                p.setLength(0);
                            } else {
                                p.append(buf[i]);
                            }
                        }
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
        }

        private static String stripCr(StringBuilder s) {
            int n = s.length();
            return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
        }

        /** Ends unterminated last lines. */
        void close() {
            synchronized (lines) {
                for (int k = 0; k < 2; k++) {
                    if (partial[k].length() > 0) lines.add(new Line(k == 1, stripCr(partial[k])));
                    partial[k].setLength(0);
                }
            }
        }

        List<Line> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
