package org.ermbit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A command transcript in the documentation: a fenced code block whose first line is a prompt
 * {@code $ ./ermbit …} (or {@code $ ermbit …}). Every later line starting with {@code $ } begins the
 * next command of the same transcript; the lines up to it are the output shown for the previous one.
 * A command line ending in a backslash continues on the next line.
 *
 * @param source the Markdown file, relative to the project root (e.g. {@code docs/CLI.md})
 * @param line the 1-based line of the first command
 * @param commands the commands in order, each with the output the document shows for it
 */
record DocTranscript(String source, int line, List<Step> commands) {

    /**
     * One {@code $} command and the output lines shown below it (trailing blank lines dropped).
     *
     * @param line the 1-based line of the {@code $} prompt in {@link #source()}
     * @param firstOutputLine the 1-based line of the first output line (one past the command's last line)
     */
    record Step(int line, String command, List<String> expected, int firstOutputLine) {
    }

    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");
    private static final Pattern TRANSCRIPT_START = Pattern.compile("^\\$ (\\./)?ermbit( |$)");

    /** "docs/CLI.md:45 $ ./ermbit solve …": how test reports and failures name the transcript. */
    @Override
    public String toString() {
        return source + ":" + line + " $ " + commands.get(0).command();
    }

    /** Every transcript of README.md and docs/*.md under {@code root}, in file and line order. */
    static List<DocTranscript> findAll(Path root) {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DocTranscript> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.addAll(parse(root.relativize(f).toString().replace('\\', '/'), Files.readAllLines(f)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The transcripts in the Markdown {@code lines} of {@code source}. */
    static List<DocTranscript> parse(String source, List<String> lines) {
        List<DocTranscript> found = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                i++;
                continue;
            }
            int indent = open.group(1).length();
            String fence = open.group(2);
            int end = i + 1;
            while (end < lines.size() && !closes(lines.get(end), fence)) end++;
            List<String> body = new ArrayList<>();
            for (int k = i + 1; k < end; k++) body.add(unindent(lines.get(k), indent));
            if (!body.isEmpty() && TRANSCRIPT_START.matcher(body.get(0)).find()) {
                found.add(new DocTranscript(source, i + 2, steps(body, i + 2)));
            }
            i = end + 1;
        }
        return found;
    }

    private static boolean closes(String line, String fence) {
        String t = line.stripLeading();
        return line.length() - t.length() <= 3 && t.startsWith(fence.substring(0, 3))
                && t.strip().chars().allMatch(ch -> ch == fence.charAt(0)) && t.strip().length() >= fence.length();
    }

    private static String unindent(String line, int indent) {
        int k = 0;
        while (k < indent && k < line.length() && line.charAt(k) == ' ') k++;
        return line.substring(k);
    }

    /** Splits a transcript's body (its first line at {@code firstLine}) into commands and their output. */
    private static List<Step> steps(List<String> body, int firstLine) {
        List<Step> steps = new ArrayList<>();
        int k = 0;
        while (k < body.size()) {
            int line = firstLine + k;
            StringBuilder command = new StringBuilder(body.get(k).substring(2));
            k++;
            while (endsWithContinuation(command) && k < body.size()) {
                command.setLength(command.length() - 1);
                command.append(body.get(k));
                k++;
            }
            int firstOutput = firstLine + k;
            List<String> expected = new ArrayList<>();
            while (k < body.size() && !body.get(k).startsWith("$ ")) expected.add(body.get(k++));
            while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) expected.remove(expected.size() - 1);
            steps.add(new Step(line, command.toString().strip(), List.copyOf(expected), firstOutput));
        }
        return List.copyOf(steps);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) n++;
        return n % 2 == 1;
    }
}
