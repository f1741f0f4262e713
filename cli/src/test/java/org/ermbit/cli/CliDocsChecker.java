package org.ermbit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Compares a picocli command tree with its Markdown documentation and returns every disagreement as one
 * message naming the command, the option and the doc section, so that a drift is fixed in one step.
 *
 * <p>Where a command is documented: its <em>own section</em> is the heading of the main document whose text
 * starts with {@code ermbit} and the command's path ({@code ## ermbit bench}, {@code ### ermbit reduce
 * 3sat-relu}), up to the next heading of the same or a higher level; a command without such a heading
 * (the families of {@code generate}, {@code help}) is documented in its parent's sections. The root command's
 * own section and further documents a command owns (docs/EXPORT.md for {@code export}) are given to the
 * constructor; owned documents apply to the subcommands too.
 *
 * <p>Which command a {@code --token} of the docs belongs to: a token inside an invocation written in code
 * ({@code `ermbit solve FILE --json`}, a code-block line {@code ./ermbit bench … --csv F}) belongs to the
 * invoked command; any other token of a section belongs to the section's command; other code-block lines
 * (program output, other programs' command lines) are not read.
 */
final class CliDocsChecker {

    /** A Markdown document: its name in messages (a path relative to the repository) and its text. */
    record Doc(String name, String text) {
        static Doc read(Path repository, String name) throws IOException {
            return new Doc(name, Files.readString(repository.resolve(name)));
        }
    }

    /**
     * A section a command owns besides its own: a heading of a document (with its subsections, or only the
     * text up to its first subheading when {@code introOnly}), or the whole document when {@code heading} is null.
     */
    record DocRef(String doc, String heading, boolean introOnly) {
        /** The whole document. */
        static DocRef whole(String doc) {
            return new DocRef(doc, null, false);
        }

        /** The heading's section with its subsections. */
        static DocRef section(String doc, String heading) {
            return new DocRef(doc, heading, false);
        }

        /** The heading's text up to its first subheading. */
        static DocRef intro(String doc, String heading) {
            return new DocRef(doc, heading, true);
        }
    }

    /**
     * A {@code --token} that may appear in {@code command}'s doc sections although that command has no such
     * option (it quotes another command's option in prose); {@code reason} says why.
     */
    record Exemption(String command, String token, String reason) {
    }

    /** A heading and its text up to the next heading of the same or a higher level (the heading line included). */
    record Section(Doc doc, String heading, int start, int end) {
        String text() {
            return doc.text().substring(start, end);
        }

        String where() {
            return heading == null ? doc.name() : doc.name() + " \"" + heading + "\"";
        }
    }

    /** A Markdown heading outside code blocks: its level (number of #), its line, and where its section ends. */
    private record Heading(int level, String text, int start, int end) {
    }

    /** An {@code ermbit …} command line written in code: the commands it invokes (one per alternative of {@code a|b}). */
    private record Invocation(int start, int end, List<CommandLine> commands) {
    }

    /** Per document: headings, code-block lines and inline code spans, and the invocations in them. */
    private final class Parsed {
        final Doc doc;
        final List<Heading> headings = new ArrayList<>();
        final List<int[]> codeLines = new ArrayList<>();
        final List<int[]> spans = new ArrayList<>();
        final List<Invocation> invocations = new ArrayList<>();
        final List<int[]> tableLines = new ArrayList<>();

        Parsed(Doc doc) {
            this.doc = doc;
            String t = doc.text();
            char[] masked = t.toCharArray();
            boolean fenced = false;
            int pos = 0;
            int continued = -1;
            while (pos < t.length()) {
                int nl = t.indexOf('\n', pos);
                int end = nl < 0 ? t.length() : nl;
                String line = t.substring(pos, end);
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continued = -1;
                    Arrays.fill(masked, pos, end, ' ');
                } else if (fenced) {
                    Arrays.fill(masked, pos, end, ' ');
                    int start = continued >= 0 ? continued : pos;
                    if (line.stripTrailing().endsWith("\\")) {
                        continued = start;
                    } else {
                        codeLines.add(new int[] {start, end});
                        continued = -1;
                    }
                } else {
                    Matcher h = HEADING.matcher(line);
                    if (h.matches()) headings.add(new Heading(h.group(1).length(), line.strip(), pos, -1));
                    if (line.startsWith("|")) tableLines.add(new int[] {pos, end});
                }
                pos = end + 1;
            }
            Matcher m = SPAN.matcher(new String(masked));
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            for (int i = 0; i < headings.size(); i++) {
                Heading hd = headings.get(i);
                int end = t.length();
                for (int j = i + 1; j < headings.size(); j++) {
                    if (headings.get(j).level() <= hd.level()) {
                        end = headings.get(j).start();
                        break;
                    }
                }
                headings.set(i, new Heading(hd.level(), hd.text(), hd.start(), end));
            }
            for (int[] s : spans) findInvocations(s[0] + 1, s[1] - 1);
            for (int[] c : codeLines) findInvocations(c[0], c[1]);
        }

        private void findInvocations(int from, int to) {
            String t = doc.text();
            Matcher m = INVOCATION.matcher(t).region(from, to);
            List<int[]> starts = new ArrayList<>();
            while (m.find()) starts.add(new int[] {m.start(), m.end()});
            for (int i = 0; i < starts.size(); i++) {
                int limit = i + 1 < starts.size() ? starts.get(i + 1)[0] : to;
                Matcher stop = INVOCATION_END.matcher(t).region(starts.get(i)[1], limit);
                int end = stop.find() ? stop.start() : limit;
                List<CommandLine> commands = resolve(t.substring(starts.get(i)[1], end));
                if (!commands.isEmpty()) invocations.add(new Invocation(starts.get(i)[0], end, commands));
            }
        }

        Invocation invocationAt(int pos) {
            for (Invocation i : invocations) if (i.start() <= pos && pos < i.end()) return i;
            return null;
        }

        boolean inCodeLine(int pos) {
            for (int[] c : codeLines) if (c[0] <= pos && pos < c[1]) return true;
            return false;
        }
    }

    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*)");
    private static final Pattern SPAN = Pattern.compile("`[^`]+`");
    /** {@code ermbit} or {@code ./ermbit} as a word followed by a blank (not {@code ermbit:}, {@code ermbit/1}, {@code ermbit.jar}). */
    private static final Pattern INVOCATION = Pattern.compile("(?<![\\w./-])(?:\\./)?ermbit(?=[ \\t]+[a-z0-9])");
    /** Where a command line ends inside a span or code line: a pipe, {@code &&}, {@code ;} or a shell comment. */
    private static final Pattern INVOCATION_END = Pattern.compile("\\s\\|\\s|&&|;|\\s#");
    private static final Pattern LONG_OPTION = Pattern.compile("(?<![\\w-])--[a-z0-9][a-z0-9-]*[a-z0-9]");
    private static final Pattern SHORT_OPTION = Pattern.compile("(?<![\\w-])-[a-zA-Z](?![\\w-])");
    private static final Pattern ANY_OPTION = Pattern.compile(LONG_OPTION.pattern() + "|" + SHORT_OPTION.pattern());
    /** Where the clause of an option (the text that may state its default) ends: another option, a paragraph, bullet or table cell, a full stop. */
    private static final Pattern CLAUSE_END = Pattern.compile(ANY_OPTION.pattern() + "|\\n\\s*\\n|\\n\\s*[*-] |\\s\\||\\.(?=\\s)");
    /** {@code `--opt VALUE` (default)} and {@code `-j 1`, the default}: right after the option token. */
    private static final Pattern DOC_DEFAULT_INLINE = Pattern.compile("\\A\\s+([^`\\s]+)`\\s*(?:\\((?:the\\s+)?default\\)|,\\s*the\\s+default\\b)");
    /** {@code (default X)}, {@code , default X}, {@code ; default: X} in the option's clause. */
    private static final Pattern DOC_DEFAULT = Pattern.compile("(?i)(?:\\A|[(;,])\\s*default:?\\s+(?=\\S)");
    /** {@code `X` (the default)} in the option's clause. */
    private static final Pattern DOC_DEFAULT_AFTER = Pattern.compile("`([^`]+)`\\s*\\((?:the\\s+)?default\\)");
    /** The regular forms of a default in an option's description: {@code Default: X.} and {@code (default X)}. */
    private static final Pattern HELP_DEFAULT = Pattern.compile("Default:\\s*|\\(default:?\\s+");
    private static final Pattern GROUPED_NUMBER = Pattern.compile("\\A\\d{1,3}(?:[ ,\u00A0\u2009\u202F]\\d{3})+(?!\\d)");
    /** Words a doc or a description uses for "no default value" (null or an empty list in the code). */
    private static final Set<String> NO_VALUE = Set.of("none", "all");

    private final CommandLine root;
    private final String mainDoc;
    private final Map<String, Parsed> docs = new LinkedHashMap<>();
    private final Map<String, List<DocRef>> owned;
    private final List<Exemption> exemptions;

    /**
     * @param root the root command ({@code ermbit})
     * @param docs every document to read; the first is the main one (its {@code ermbit …} headings are the commands' own sections)
     * @param owned sections a command owns besides its own, by qualified name ({@code "ermbit"}: the root's section)
     * @param exemptions tokens that may appear in a command's sections without being its options
     */
    CliDocsChecker(CommandLine root, List<Doc> docs, Map<String, List<DocRef>> owned, List<Exemption> exemptions) {
        this.root = root;
        this.mainDoc = docs.get(0).name();
        for (Doc d : docs) this.docs.put(d.name(), new Parsed(d));
        this.owned = owned;
        this.exemptions = exemptions;
    }

    // ------------------------------------------------------------------ the checks

    /**
     * Every option name (long and short) and positional label of every command appears in that command's
     * sections; hidden options, the standard help and version options and inherited options (checked where
     * they are declared) are exempt.
     */
    List<String> undocumentedOptions() {
        List<String> out = new ArrayList<>();
        for (CommandLine c : commands()) {
            List<Section> sections = sectionsOf(c);
            String text = sections.stream().map(Section::text).collect(Collectors.joining("\n"));
            String where = sections.stream().map(Section::where).collect(Collectors.joining(", "));
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp() || o.hidden() || o.inherited()) continue;
                for (String name : o.names()) {
                    if (!mentions(text, name)) out.add(name(c) + ": option " + name + " is not documented in " + where);
                }
            }
            for (PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
                if (p.hidden()) continue;
                String label = p.paramLabel();
                if (!Pattern.compile("(?<![\\w./-])" + Pattern.quote(label) + "(?!\\w)").matcher(text).find()) {
                    out.add(name(c) + ": parameter " + label + " is not named in " + where);
                }
            }
        }
        return out;
    }

    /**
     * Every {@code --token} of a command's sections outside invocations of other commands is an option of that
     * command or of one of its subcommands, unless exempted.
     */
    List<String> unknownDocumentedOptions() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Section, List<CommandLine>> e : ownedSections().entrySet()) {
            Section s = e.getKey();
            Parsed p = docs.get(s.doc().name());
            Matcher m = LONG_OPTION.matcher(s.doc().text()).region(s.start(), s.end());
            while (m.find()) {
                if (p.invocationAt(m.start()) != null || p.inCodeLine(m.start())) continue;
                String token = m.group();
                if (e.getValue().stream().anyMatch(c -> hasOption(c, token, true))) continue;
                if (e.getValue().stream().anyMatch(c -> exempt(c, token))) continue;
                out.add(e.getValue().stream().map(CliDocsChecker::name).collect(Collectors.joining(" / "))
                        + ": " + s.where() + " mentions " + token + ", which is not an option of that command"
                        + " (line " + line(s.doc(), m.start()) + ")");
            }
        }
        return out;
    }

    /** Every option token of every {@code ermbit …} command line written in code, in any document, is an option of the invoked command. */
    List<String> unknownOptionsInInvocations() {
        List<String> out = new ArrayList<>();
        for (Parsed p : docs.values()) {
            for (Invocation inv : p.invocations) {
                Matcher m = ANY_OPTION.matcher(p.doc.text()).region(inv.start(), inv.end());
                while (m.find()) {
                    for (CommandLine c : inv.commands()) {
                        if (!hasOption(c, m.group(), true)) {
                            out.add(name(c) + ": " + p.doc.name() + " line " + line(p.doc, m.start()) + " runs `"
                                    + oneLine(p.doc.text().substring(inv.start(), inv.end())) + "` with " + m.group()
                                    + ", which is not an option of that command");
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every command has a section of its own or is mentioned in its parent's (as {@code `NAME`} or in an
     * invocation), every {@code ermbit …} heading names an existing command, every owned section exists, and
     * every command, option and positional parameter has a description (what {@code --help} prints).
     */
    List<String> undocumentedCommands() {
        List<String> out = new ArrayList<>();
        for (CommandLine c : commands()) {
            String[] description = c.getCommandSpec().usageMessage().description();
            if (String.join("", description).isBlank()) {
                out.add(name(c) + ": the command has no description (its --help and its parent's command list show none)");
            } else if (c != root && Arrays.equals(description, root.getCommandSpec().usageMessage().description())) {
                // the root's scope = INHERIT hands its description down to a subcommand that has none
                out.add(name(c) + ": the command has no description of its own (--help shows the one of " + name(root) + ")");
            }
            for (ArgSpec a : c.getCommandSpec().args()) {
                if (String.join("", a.description()).isBlank()) {
                    out.add(name(c) + ": " + label(a) + " has no description (--help shows none)");
                }
            }
            if (c == root || ownSection(c) != null) continue;
            CommandLine parent = c.getParent();
            boolean mentioned = false;
            for (Section s : sectionsOf(parent)) {
                Parsed p = docs.get(s.doc().name());
                for (int[] span : p.spans) {
                    if (span[0] >= s.start() && span[1] <= s.end() && p.doc.text().substring(span[0] + 1, span[1] - 1).strip().equals(c.getCommandName())) mentioned = true;
                }
                for (Invocation i : p.invocations) {
                    if (i.start() >= s.start() && i.start() < s.end() && i.commands().contains(c)) mentioned = true;
                }
            }
            if (!mentioned) {
                out.add(name(c) + ": no section \"ermbit " + path(c) + "\" in " + mainDoc + ", and not mentioned in "
                        + sectionsOf(parent).stream().map(Section::where).collect(Collectors.joining(", ")));
            }
        }
        Parsed main = docs.get(mainDoc);
        for (Heading h : main.headings) {
            String text = h.text().replaceFirst("^#+\\s+", "").replace("`", "");
            if (!text.startsWith("ermbit ")) continue;
            String first = text.substring("ermbit ".length()).split("\\s+")[0];
            if (resolve(text.substring("ermbit".length())).isEmpty()) {
                out.add("ermbit " + first + ": " + mainDoc + " has a section \"" + h.text() + "\" but there is no such command");
            }
        }
        for (Map.Entry<String, List<DocRef>> e : owned.entrySet()) {
            for (DocRef r : e.getValue()) {
                if (section(r) == null) out.add(e.getKey() + ": its doc section " + r + " does not exist");
            }
        }
        return out;
    }

    /**
     * Where an option's description states a default ({@code Default: X.} or {@code (default X)}), it is the
     * default picocli has (the {@code defaultValue} or the field's initial value); an option with a default
     * value states it. A default the code computes when the option is absent (picocli has none: {@code
     * --hidden} of parity is K) cannot be read here; the docs' statement of it is compared with the description's.
     */
    List<String> helpDefaults() {
        List<String> out = new ArrayList<>();
        for (CommandLine c : commands()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.usageHelp() || o.versionHelp() || o.inherited() || isFlag(o)) continue;
                String stated = helpDefault(o);
                String code = codeDefault(o);
                if (stated == null && code != null) {
                    out.add(name(c) + ": " + o.longestName() + " defaults to " + code + " but its description (--help) does not say so");
                } else if (stated != null && code != null && !same(stated, code)) {
                    out.add(name(c) + ": " + o.longestName() + " defaults to " + code + " but its description (--help) says " + stated);
                }
            }
        }
        return out;
    }

    /**
     * Where a command's section states an option's default in a regular form ({@code `--opt`, default X},
     * {@code (default X)}, {@code `--opt X` (default)}, {@code `X` (the default)}), the default is the one
     * picocli has and the one the option's description states, and the description states one.
     */
    List<String> docDefaults() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Section, List<CommandLine>> e : ownedSections().entrySet()) {
            Section s = e.getKey();
            Parsed p = docs.get(s.doc().name());
            String t = s.doc().text();
            Matcher m = ANY_OPTION.matcher(t).region(s.start(), s.end());
            while (m.find()) {
                if (p.invocationAt(m.start()) != null || p.inCodeLine(m.start())) continue;
                int at = m.start();
                if (e.getValue().stream().anyMatch(c -> inSubcommandSection(c, s, at))) continue;
                String stated = docDefault(t, m.end(), s.end());
                if (stated == null) continue;
                for (CommandLine c : e.getValue()) {
                    for (CommandLine holder : withDescendants(c)) {
                        OptionSpec o = option(holder, m.group());
                        if (o == null || o.inherited() || isFlag(o)) continue;
                        String problem = compareStated(holder, o, stated, s.where() + " line " + line(s.doc(), m.start()));
                        if (problem != null) out.add(problem);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A table in a parent's section whose column headers name its subcommands ({@code `planted`}) is an option
     * matrix: the first cell of a row names options; a cell {@code —} says the subcommand has none of them, any
     * other cell that it has them, {@code required} that the option is required, else its default (compared
     * as in {@link #docDefaults()} when the row names one option).
     */
    List<String> optionMatrices() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Section, List<CommandLine>> e : ownedSections().entrySet()) {
            if (e.getValue().size() != 1) continue;
            CommandLine parent = e.getValue().get(0);
            Section s = e.getKey();
            Parsed p = docs.get(s.doc().name());
            List<List<String>> table = new ArrayList<>();
            List<Integer> rowStarts = new ArrayList<>();
            int previousEnd = -2;
            for (int[] l : p.tableLines) {
                if (l[0] < s.start() || l[1] > s.end()) continue;
                if (l[0] != previousEnd + 1) {
                    checkMatrix(parent, s, table, rowStarts, out);
                    table = new ArrayList<>();
                    rowStarts = new ArrayList<>();
                }
                table.add(cells(s.doc().text().substring(l[0], l[1])));
                rowStarts.add(l[0]);
                previousEnd = l[1];
            }
            checkMatrix(parent, s, table, rowStarts, out);
        }
        return out;
    }

    private void checkMatrix(CommandLine parent, Section s, List<List<String>> table, List<Integer> rowStarts, List<String> out) {
        if (table.size() < 3) return;
        Map<Integer, CommandLine> columns = new LinkedHashMap<>();
        List<String> header = table.get(0);
        for (int j = 1; j < header.size(); j++) {
            String h = header.get(j);
            if (h.startsWith("`") && h.endsWith("`") && h.length() > 2) {
                CommandLine sub = parent.getSubcommands().get(h.substring(1, h.length() - 1));
                if (sub != null) columns.put(j, sub);
            }
        }
        if (columns.size() < 2) return;
        for (int i = 2; i < table.size(); i++) {
            List<String> row = table.get(i);
            String where = s.where() + " line " + line(s.doc(), rowStarts.get(i));
            List<String> names = new ArrayList<>();
            Matcher m = ANY_OPTION.matcher(row.get(0));
            while (m.find()) names.add(m.group());
            for (Map.Entry<Integer, CommandLine> col : columns.entrySet()) {
                CommandLine sub = col.getValue();
                String cell = col.getKey() < row.size() ? row.get(col.getKey()) : "";
                boolean absent = cell.matches("[—–-]");
                Set<OptionSpec> specs = new LinkedHashSet<>();
                for (String n : names) {
                    OptionSpec o = option(sub, n);
                    if (absent && o != null) out.add(name(sub) + ": " + where + " says it has no " + n + ", but it has");
                    if (!absent && o == null) out.add(name(sub) + ": " + where + " gives " + n + " a value (" + cell + "), but there is no such option");
                    if (o != null) specs.add(o);
                }
                if (absent || specs.size() != 1) continue;
                OptionSpec o = specs.iterator().next();
                if (cell.equals("required")) {
                    if (!o.required()) out.add(name(sub) + ": " + where + " says " + o.longestName() + " is required, but it is optional");
                    continue;
                }
                if (o.required()) out.add(name(sub) + ": " + where + " gives " + o.longestName() + " a default (" + cell + "), but it is required");
                String problem = compareStated(sub, o, leadingValue(cell), where);
                if (problem != null) out.add(problem);
            }
        }
    }

    /** How many {@code ermbit …} command lines the documents hold in code (a parser that finds none checks nothing). */
    int invocationCount() {
        return docs.values().stream().mapToInt(p -> p.invocations.size()).sum();
    }

    // ------------------------------------------------------------------ defaults

    /** Compares a default stated in the docs with the code's and the description's; null when they agree. */
    private String compareStated(CommandLine c, OptionSpec o, String stated, String where) {
        if (stated == null || isFlag(o)) return null;
        String code = codeDefault(o);
        String help = helpDefault(o);
        if (code != null && !same(stated, code)) {
            return name(c) + ": " + where + " says " + o.longestName() + " defaults to " + stated + ", the code has " + code;
        }
        if (code == null && NO_VALUE.contains(stated.toLowerCase())) return null;
        if (help == null) {
            return name(c) + ": " + where + " says " + o.longestName() + " defaults to " + stated + ", its description (--help) states no default";
        }
        if (!same(stated, help)) {
            return name(c) + ": " + where + " says " + o.longestName() + " defaults to " + stated + ", its description (--help) says " + help;
        }
        return null;
    }

    /** The default stated right after an option token at {@code from} in {@code t}, or null. */
    static String docDefault(String t, int from, int limit) {
        Matcher inline = DOC_DEFAULT_INLINE.matcher(t).region(from, limit);
        if (inline.lookingAt()) return inline.group(1);
        Matcher end = CLAUSE_END.matcher(t).region(from, limit);
        int clauseEnd = Math.min(end.find() ? end.start() : limit, from + 600);
        String clause = t.substring(from, clauseEnd);
        Matcher f1 = DOC_DEFAULT.matcher(clause);
        Matcher f2 = DOC_DEFAULT_AFTER.matcher(clause);
        boolean has1 = f1.find();
        boolean has2 = f2.find();
        if (has1 && (!has2 || f1.start() < f2.start())) return leadingValue(clause.substring(f1.end()));
        if (has2) return f2.group(1).strip();
        return null;
    }

    /** The default an option's description states, or null ({@code ${DEFAULT-VALUE}} is what picocli would print). */
    static String helpDefault(OptionSpec o) {
        String code = codeDefault(o);
        String text = String.join(" ", o.description()).replace("${DEFAULT-VALUE}", code == null ? "none" : code);
        Matcher m = HELP_DEFAULT.matcher(text);
        return m.find() ? leadingValue(text.substring(m.end())) : null;
    }

    /** The option's default in the code: picocli's {@code defaultValue}, else the field's initial value; null for none or an empty list. */
    static String codeDefault(OptionSpec o) {
        Object v = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
        if (v instanceof Collection<?> list) {
            return list.isEmpty() ? null : list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return v == null ? null : v.toString();
    }

    /** The value at the start of {@code s}: a code span, a quoted word, a number with digit groups (2 000 000), or a word. */
    static String leadingValue(String s) {
        s = s.stripLeading();
        if (s.startsWith("`") && s.indexOf('`', 1) > 0) return s.substring(1, s.indexOf('`', 1)).strip();
        if (s.startsWith("'") && s.indexOf('\'', 1) > 0) return s.substring(1, s.indexOf('\'', 1)).strip();
        Matcher grouped = GROUPED_NUMBER.matcher(s);
        if (grouped.lookingAt()) return grouped.group().replaceAll("[^0-9]", "");
        Matcher word = Pattern.compile("\\A[^\\s;()]+").matcher(s);
        if (!word.lookingAt()) return null;
        String w = word.group().replaceAll("[.,:]+$", "");
        return w.isEmpty() ? null : w;
    }

    private static boolean same(String stated, String code) {
        return stated.strip().equalsIgnoreCase(code.strip());
    }

    private static boolean isFlag(OptionSpec o) {
        return o.arity().max() == 0;
    }

    // ------------------------------------------------------------------ sections and commands

    /** Every command of the tree, the root first, parents before their subcommands. */
    List<CommandLine> commands() {
        return withDescendants(root);
    }

    private static List<CommandLine> withDescendants(CommandLine c) {
        List<CommandLine> all = new ArrayList<>();
        all.add(c);
        for (CommandLine sub : new LinkedHashSet<>(c.getSubcommands().values())) all.addAll(withDescendants(sub));
        return all;
    }

    /** The command's own section (its {@code ermbit PATH} heading of the main document, the highest level if several), or null. */
    private Section ownSection(CommandLine c) {
        if (c == root) {
            List<DocRef> refs = owned.getOrDefault(name(root), List.of());
            return refs.isEmpty() ? null : section(refs.get(0));
        }
        Parsed main = docs.get(mainDoc);
        Heading best = null;
        for (Heading h : main.headings) {
            String text = h.text().replaceFirst("^#+\\s+", "").replace("`", "");
            if (!text.startsWith("ermbit ")) continue;
            List<CommandLine> r = resolve(text.substring("ermbit".length()));
            if (r.size() == 1 && r.get(0) == c && (best == null || h.level() < best.level())) best = h;
        }
        return best == null ? null : new Section(main.doc, best.text(), best.start(), best.end());
    }

    /**
     * Where a command is documented: its own section (else its parent's sections), the introductions of its
     * ancestors' sections (up to their first subheading: what all subcommands share) and the sections it and
     * its ancestors own.
     */
    private List<Section> sectionsOf(CommandLine c) {
        Set<Section> out = new LinkedHashSet<>();
        Section own = ownSection(c);
        if (own != null) out.add(own);
        else if (c.getParent() != null) out.addAll(sectionsOf(c.getParent()));
        for (CommandLine a = c.getParent(); a != null; a = a.getParent()) {
            Section s = ownSection(a);
            if (s != null) out.add(intro(s));
        }
        for (CommandLine a = c; a != null; a = a.getParent()) {
            for (DocRef r : owned.getOrDefault(name(a), List.of())) {
                Section s = section(r);
                if (s != null) out.add(s);
            }
        }
        return new ArrayList<>(out);
    }

    /** Every own or owned section with the commands it documents. */
    private Map<Section, List<CommandLine>> ownedSections() {
        Map<Section, List<CommandLine>> out = new LinkedHashMap<>();
        for (CommandLine c : commands()) {
            Section own = ownSection(c);
            if (own != null) out.computeIfAbsent(own, k -> new ArrayList<>()).add(c);
            for (DocRef r : owned.getOrDefault(name(c), List.of())) {
                Section s = section(r);
                if (s != null && !out.computeIfAbsent(s, k -> new ArrayList<>()).contains(c)) out.get(s).add(c);
            }
        }
        return out;
    }

    private Section section(DocRef r) {
        Parsed p = docs.get(r.doc());
        if (p == null) return null;
        if (r.heading() == null) return new Section(p.doc, null, 0, p.doc.text().length());
        for (Heading h : p.headings) {
            if (h.text().equals(r.heading())) {
                Section s = new Section(p.doc, h.text(), h.start(), h.end());
                return r.introOnly() ? intro(s) : s;
            }
        }
        return null;
    }

    /** The section's text up to its first subheading. */
    private Section intro(Section s) {
        int end = s.end();
        for (Heading h : docs.get(s.doc().name()).headings) {
            if (h.start() > s.start() && h.start() < end) end = h.start();
        }
        return new Section(s.doc(), s.heading(), s.start(), end);
    }

    /** Whether {@code pos} lies in the own section of a subcommand (at any depth) of {@code c}: that section speaks for the subcommand. */
    private boolean inSubcommandSection(CommandLine c, Section s, int pos) {
        for (CommandLine d : withDescendants(c)) {
            if (d == c) continue;
            Section own = ownSection(d);
            if (own != null && own.doc().name().equals(s.doc().name()) && own.start() <= pos && pos < own.end()) return true;
        }
        return false;
    }

    /**
     * The commands a command line names after {@code ermbit}: the first word (alternatives {@code a|b}) must be
     * a subcommand of the root; following words descend while they name subcommands. Empty when it names none.
     */
    private List<CommandLine> resolve(String afterErmbit) {
        String[] words = afterErmbit.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) return List.of();
        List<CommandLine> current = new ArrayList<>();
        for (String alt : words[0].split("\\|")) {
            CommandLine c = root.getSubcommands().get(alt);
            if (c == null) return List.of();
            current.add(c);
        }
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            List<CommandLine> next = new ArrayList<>();
            for (CommandLine c : current) {
                CommandLine sub = c.getSubcommands().get(w);
                if (sub != null) next.add(sub);
            }
            if (next.size() != current.size()) break;
            current = next;
        }
        return current;
    }

    private static boolean hasOption(CommandLine c, String name, boolean orSubcommand) {
        if (option(c, name) != null) return true;
        if (orSubcommand) {
            for (CommandLine sub : c.getSubcommands().values()) if (hasOption(sub, name, true)) return true;
        }
        return false;
    }

    private static OptionSpec option(CommandLine c, String name) {
        for (OptionSpec o : c.getCommandSpec().options()) {
            if (Arrays.asList(o.names()).contains(name)) return o;
        }
        return null;
    }

    private boolean exempt(CommandLine c, String token) {
        return exemptions.stream().anyMatch(x -> x.command().equals(name(c)) && x.token().equals(token));
    }

    private static boolean mentions(String text, String optionName) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(optionName) + "(?![\\w-])").matcher(text).find();
    }

    private static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    private static String path(CommandLine c) {
        return name(c).replaceFirst("^\\S+\\s*", "");
    }

    private static String label(ArgSpec a) {
        return a instanceof OptionSpec o ? "option " + o.longestName() : "parameter " + a.paramLabel();
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        if (inner.startsWith("|")) inner = inner.substring(1);
        if (inner.endsWith("|")) inner = inner.substring(0, inner.length() - 1);
        List<String> out = new ArrayList<>();
        for (String c : inner.split("(?<!\\\\)\\|", -1)) out.add(c.strip());
        return out;
    }

    private static int line(Doc d, int pos) {
        int n = 1;
        for (int i = 0; i < pos; i++) if (d.text().charAt(i) == '\n') n++;
        return n;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
