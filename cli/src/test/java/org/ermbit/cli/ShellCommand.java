package org.ermbit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.IntStream;

/**
 * The command of one {@code $} line of a doc transcript, read the way a POSIX shell would read the
 * little it supports — and refused ({@link Unsupported}) for anything else, so that nothing is
 * silently misread:
 *
 * <ul>
 *   <li>words with single quotes, double quotes (escapes {@code \" \\ \$ \`}) and backslashes;
 *   <li>a comment from an unquoted {@code #} at the start of a word; {@code exit N} in it states
 *       ermbit's exit code ({@link #exit()}, 0 when the comment does not say);
 *   <li>{@code 2>&1} (stderr joins stdout, also into a pipe) and {@code 2>/dev/null} on the ermbit
 *       command;
 *   <li>pipes into {@code grep [-v] [-E|-F] [-i] PATTERN}, {@code head -n N} / {@code head -N} and
 *       {@code tail -n N} / {@code tail -N} / {@code tail -n +K}, applied in Java.
 * </ul>
 *
 * Globs, variables, command substitution, other redirections, {@code ;}, {@code &&} and other
 * programs are {@link Unsupported}.
 */
record ShellCommand(List<String> args, Stderr stderr, List<LineFilter> filters, int exit) {

    /** What the command line does with ermbit's stderr. */
    enum Stderr {
        /** Shown where it was written, as on a terminal (pipes do not see it). */
        TERMINAL,
        /** {@code 2>&1}: part of stdout, so pipes filter it too. */
        MERGED,
        /** {@code 2>/dev/null}: dropped. */
        DISCARDED
    }

    /**
     * A pipeline stage after ermbit. Every supported program keeps a subsequence of its input, so a
     * stage says which lines it keeps (indices, ascending); stderr lines shown on the terminal can then
     * stay where they were written.
     */
    interface LineFilter {
        /** The indices of the lines of {@code lines} this stage writes, ascending. */
        List<Integer> keep(List<String> lines);

        /** The lines this stage writes. */
        default List<String> apply(List<String> lines) {
            return keep(lines).stream().map(lines::get).toList();
        }
    }

    /** Shell syntax this reader does not support; the message says which. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    private static final Pattern EXIT = Pattern.compile("(?<![\\w-])exit (\\d+)\\b");
    private static final String PIPE = "|";
    private static final String MERGE = "2>&1";
    private static final String DISCARD = "2>/dev/null";

    /** One word of the command line; {@code operator} marks a pipe or a redirection. */
    private record Token(String text, boolean operator) {
    }

    /** Parses the text after the {@code $ } prompt (continuation lines already joined). */
    static ShellCommand parse(String line) throws Unsupported {
        List<Token> tokens = new ArrayList<>();
        String comment = lex(line, tokens);
        List<List<Token>> stages = new ArrayList<>(List.of(new ArrayList<>()));
        for (Token t : tokens) {
            if (t.operator() && t.text().equals(PIPE)) stages.add(new ArrayList<>());
            else stages.get(stages.size() - 1).add(t);
        }
        List<String> args = new ArrayList<>();
        Stderr stderr = Stderr.TERMINAL;
        List<Token> first = stages.get(0);
        if (first.isEmpty() || first.get(0).operator() || !(first.get(0).text().equals("./ermbit") || first.get(0).text().equals("ermbit"))) {
            throw new Unsupported("the command must start with ./ermbit or ermbit");
        }
        for (Token t : first.subList(1, first.size())) {
            if (!t.operator()) args.add(t.text());
            else if (t.text().equals(MERGE)) stderr = Stderr.MERGED;
            else stderr = Stderr.DISCARDED;
        }
        List<LineFilter> filters = new ArrayList<>();
        for (List<Token> stage : stages.subList(1, stages.size())) {
            List<String> words = new ArrayList<>();
            for (Token t : stage) {
                if (t.operator()) throw new Unsupported("redirection '" + t.text() + "' after a pipe");
                words.add(t.text());
            }
            if (words.isEmpty()) throw new Unsupported("empty pipeline stage");
            filters.add(filter(words));
        }
        Matcher m = EXIT.matcher(comment);
        int exit = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return new ShellCommand(List.copyOf(args), stderr, List.copyOf(filters), exit);
    }

    /** Splits {@code line} into tokens; returns the comment (empty if none). */
    private static String lex(String line, List<Token> tokens) throws Unsupported {
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) tokens.add(new Token(word.toString(), false));
                word.setLength(0);
                inWord = false;
                i++;
            } else if (c == '#' && !inWord) {
                return line.substring(i + 1);
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new Unsupported("unterminated single quote");
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) throw new Unsupported("unterminated double quote");
                    char d = line.charAt(i);
                    if (d == '"') break;
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' || d == '`') {
                        throw new Unsupported("'" + d + "' inside double quotes (expansion)");
                    } else {
                        word.append(d);
                        i++;
                    }
                }
                inWord = true;
                i++;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) throw new Unsupported("a backslash at the end of the command");
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == '|') {
                if (line.startsWith("||", i)) throw new Unsupported("'||'");
                if (inWord) tokens.add(new Token(word.toString(), false));
                word.setLength(0);
                inWord = false;
                tokens.add(new Token(PIPE, true));
                i++;
            } else if (c == '>' && inWord && word.toString().equals("2") && redirectionAt(line, i + 1) != null) {
                String target = redirectionAt(line, i + 1);
                tokens.add(new Token(target.equals("&1") ? MERGE : DISCARD, true));
                word.setLength(0);
                inWord = false;
                i = line.indexOf(target, i + 1) + target.length();
            } else if ("<>;&$`()*?[]{}~!".indexOf(c) >= 0) {
                throw new Unsupported("'" + c + "' (only pipes into grep/head/tail, 2>&1 and 2>/dev/null are supported)");
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) tokens.add(new Token(word.toString(), false));
        return "";
    }

    /** The target of a stderr redirection starting at {@code from} ("&1" or "/dev/null", optionally after blanks), else null. */
    private static String redirectionAt(String line, int from) {
        String rest = line.substring(from);
        if (rest.startsWith("&1") && (rest.length() == 2 || rest.charAt(2) == ' ' || rest.charAt(2) == '|')) return "&1";
        String trimmed = rest.stripLeading();
        if (trimmed.startsWith("/dev/null") && (trimmed.length() == 9 || trimmed.charAt(9) == ' ' || trimmed.charAt(9) == '|')) return "/dev/null";
        return null;
    }

    private static LineFilter filter(List<String> words) throws Unsupported {
        String program = words.get(0);
        List<String> opts = words.subList(1, words.size());
        return switch (program) {
            case "grep" -> grep(opts);
            case "head" -> {
                int n = count(opts, "head");
                yield lines -> range(0, Math.min(n, lines.size()));
            }
            case "tail" -> tail(opts);
            default -> throw new Unsupported("program '" + program + "' in a pipe (supported: grep, head, tail)");
        };
    }

    private static LineFilter grep(List<String> opts) throws Unsupported {
        boolean invert = false;
        boolean extended = false;
        boolean fixed = false;
        boolean ignoreCase = false;
        String pattern = null;
        for (int k = 0; k < opts.size(); k++) {
            String o = opts.get(k);
            if (pattern == null && o.equals("-e") && k + 1 < opts.size()) {
                pattern = opts.get(++k);
            } else if (pattern == null && o.startsWith("-") && o.length() > 1) {
                for (char f : o.substring(1).toCharArray()) {
                    switch (f) {
                        case 'v' -> invert = true;
                        case 'E' -> extended = true;
                        case 'F' -> fixed = true;
                        case 'i' -> ignoreCase = true;
                        default -> throw new Unsupported("grep option -" + f);
                    }
                }
            } else if (pattern == null) {
                pattern = o;
            } else {
                throw new Unsupported("grep with more than one pattern or a file operand: " + o);
            }
        }
        if (pattern == null) throw new Unsupported("grep without a pattern");
        Pattern p;
        try {
            String regex = fixed ? Pattern.quote(pattern) : extended ? posixClasses(pattern) : basicToJava(pattern);
            p = Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new Unsupported("grep pattern '" + pattern + "': " + e.getDescription());
        }
        boolean keepMatches = !invert;
        return lines -> IntStream.range(0, lines.size()).filter(k -> p.matcher(lines.get(k)).find() == keepMatches).boxed().toList();
    }

    private static LineFilter tail(List<String> opts) throws Unsupported {
        if (opts.size() == 2 && opts.get(0).equals("-n") && opts.get(1).startsWith("+")) {
            int from = number(opts.get(1).substring(1), "tail");
            return lines -> range(Math.min(Math.max(from, 1) - 1, lines.size()), lines.size());
        }
        int n = count(opts, "tail");
        return lines -> range(Math.max(0, lines.size() - n), lines.size());
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** The N of {@code -n N}, {@code -nN} or {@code -N}. */
    private static int count(List<String> opts, String program) throws Unsupported {
        if (opts.size() == 2 && opts.get(0).equals("-n")) return number(opts.get(1), program);
        if (opts.size() == 1 && opts.get(0).startsWith("-n")) return number(opts.get(0).substring(2), program);
        if (opts.size() == 1 && opts.get(0).startsWith("-")) return number(opts.get(0).substring(1), program);
        throw new Unsupported(program + " " + String.join(" ", opts) + " (supported: -n N, -N)");
    }

    private static int number(String text, String program) throws Unsupported {
        if (!text.matches("\\d{1,9}")) throw new Unsupported(program + ": line count '" + text + "'");
        return Integer.parseInt(text);
    }

    /**
     * A POSIX basic regular expression (grep's default) as a Java regex: {@code \( \) \{ \} \| \+ \?}
     * are the operators (GNU), the bare characters are literals; bracket expressions are copied with
     * their POSIX classes translated.
     */
    static String basicToJava(String bre) throws Unsupported {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\') {
                if (i + 1 >= bre.length()) throw new Unsupported("grep pattern ends in a backslash");
                char n = bre.charAt(++i);
                if ("(){}|+?".indexOf(n) >= 0) out.append(n);
                else out.append('\\').append(n);
            } else if ("(){}|+?".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '[') {
                int end = bracketEnd(bre, i);
                out.append(posixClasses(bre.substring(i, end + 1)));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the {@code ]} closing the bracket expression that starts at {@code open}. */
    private static int bracketEnd(String re, int open) throws Unsupported {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') i++;
        if (i < re.length() && re.charAt(i) == ']') i++;
        while (i < re.length()) {
            if (re.startsWith("[:", i)) {
                int close = re.indexOf(":]", i + 2);
                if (close < 0) throw new Unsupported("unterminated [: in grep pattern");
                i = close + 2;
            } else if (re.charAt(i) == ']') {
                return i;
            } else {
                i++;
            }
        }
        throw new Unsupported("unterminated bracket expression in grep pattern");
    }

    /** POSIX character classes ({@code [:digit:]} …) inside brackets as Java's {@code \p{…}}. */
    private static String posixClasses(String re) {
        String out = re;
        for (String cls : List.of("alpha", "digit", "alnum", "upper", "lower", "space", "punct", "xdigit", "blank", "cntrl", "print", "graph")) {
            String java = cls.substring(0, 1).toUpperCase(Locale.ROOT) + cls.substring(1);
            if (cls.equals("xdigit")) java = "XDigit";
            out = out.replace("[:" + cls + ":]", "\\p{" + java + "}");
        }
        return out;
    }
}
