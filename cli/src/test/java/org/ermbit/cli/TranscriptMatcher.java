package org.ermbit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares the output lines a doc transcript shows with the lines a command really printed. The
 * rules, and nothing else:
 *
 * <ol>
 *   <li>Lines are compared whole and in order, after dropping trailing blanks; trailing blank lines
 *       on either side are ignored. Every other line must be shown — the document may not leave out
 *       lines silently.
 *   <li>A line that is just {@code …} (U+2026, optionally surrounded by blanks) stands for any number
 *       of lines, none included: output the document leaves out.
 *   <li>A {@code …} inside a line stands for any text within that line (none included): "anything
 *       from here" at the end of a line, an omitted middle elsewhere. Three full stops {@code ...}
 *       are literal text.
 *   <li>In a timing line — one that starts with {@code c time } — every number ({@code 0.162},
 *       {@code 12}) stands for any number: wall-clock times differ from run to run.
 * </ol>
 *
 * Nothing else is forgiven: engine names, versions, witnesses, counts and file names must be what the
 * command prints. Output that legitimately differs between runs (which of two racing engines answered
 * first) is written as {@code …} in the document, where the reader sees it.
 */
final class TranscriptMatcher {

    /** The doc's "lines omitted" / "any text" marker. */
    static final String ELLIPSIS = "\u2026";
    private static final String TIMING_PREFIX = "c time ";
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private TranscriptMatcher() {
    }

    /** Does the actual {@code line} match the document's {@code docLine} (a single line, not a lone {@code …})? */
    static boolean lineMatches(String docLine, String line) {
        return linePattern(strip(docLine)).matcher(strip(line)).matches();
    }

    /**
     * Empty when {@code actual} matches {@code expected} under the rules above; otherwise a report
     * naming the first document line (index into {@code expected}) that no alignment gets past, with
     * the output around the place it was expected.
     */
    static Optional<Mismatch> compare(List<String> expected, List<String> actual) {
        List<String> doc = trimmed(expected);
        List<String> out = trimmed(actual);
        int n = doc.size();
        int m = out.size();
        // reach[i][j]: doc[0..i) can match out[0..j)
        boolean[][] reach = new boolean[n + 1][m + 1];
        reach[0][0] = true;
        for (int i = 0; i < n; i++) {
            boolean omitted = isOmission(doc.get(i));
            Pattern p = omitted ? null : linePattern(doc.get(i));
            boolean carried = false;
            for (int j = 0; j <= m; j++) {
                if (omitted) {
                    carried |= reach[i][j];
                    if (carried) reach[i + 1][j] = true;
                } else if (reach[i][j] && j < m && p.matcher(out.get(j)).matches()) {
                    reach[i + 1][j + 1] = true;
                }
            }
        }
        if (reach[n][m]) return Optional.empty();
        for (int j = m - 1; j >= 0; j--) {
            // every document line matched, but output is left over after j
            if (reach[n][j]) return Optional.of(new Mismatch(-1, j, doc, out));
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int j = 0; j <= m; j++) {
                if (reach[i][j]) return Optional.of(new Mismatch(i, j, doc, out));
            }
        }
        throw new IllegalStateException("reach[0][0] is always set");
    }

    /**
     * Where a comparison failed: document line {@code docIndex} (-1 when the document ended while
     * output was left, starting at output line {@code outIndex}) could not be matched after output
     * line {@code outIndex} in the furthest alignment.
     */
    record Mismatch(int docIndex, int outIndex, List<String> doc, List<String> out) {

        /** A readable account for an assertion message; {@code docLine0} is the document line of {@code doc.get(0)}. */
        String describe(int docLine0) {
            StringBuilder s = new StringBuilder();
            if (docIndex < 0) {
                s.append("the output goes on after the transcript's last line: '").append(out.get(outIndex)).append("'");
            } else {
                s.append("line ").append(docLine0 + docIndex).append(" of the document, '").append(doc.get(docIndex))
                        .append("', is not in the output ")
                        .append(outIndex < out.size() ? "(found '" + out.get(outIndex) + "' there)" : "(the output ended)");
            }
            s.append("\n--- document shows:\n");
            doc.forEach(l -> s.append(l).append('\n'));
            s.append("--- command printed:\n");
            out.forEach(l -> s.append(l).append('\n'));
            return s.toString();
        }
    }

    private static boolean isOmission(String docLine) {
        return docLine.strip().equals(ELLIPSIS);
    }

    /** The regex of one document line: literal text, {@code …} as any text, numbers of timing lines as any number. */
    private static Pattern linePattern(String docLine) {
        boolean timing = docLine.startsWith(TIMING_PREFIX);
        StringBuilder regex = new StringBuilder();
        String[] parts = docLine.split(Pattern.quote(ELLIPSIS), -1);
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) regex.append(".*");
            regex.append(timing ? numbersAsWildcards(parts[k]) : Pattern.quote(parts[k]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static String numbersAsWildcards(String text) {
        StringBuilder regex = new StringBuilder();
        var m = NUMBER.matcher(text);
        int from = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(from, m.start()))).append(NUMBER.pattern());
            from = m.end();
        }
        return regex.append(Pattern.quote(text.substring(from))).toString();
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> t = new ArrayList<>();
        for (String l : lines) t.add(strip(l));
        while (!t.isEmpty() && t.get(t.size() - 1).isEmpty()) t.remove(t.size() - 1);
        return t;
    }

    private static String strip(String line) {
        return line.stripTrailing();
    }
}
