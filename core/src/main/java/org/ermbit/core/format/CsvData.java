package org.ermbit.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.number.Rational;
import org.ermbit.core.number.RationalParser;

/**
 * Training data from a CSV file referenced by {@code "data": {"csv": …, "targets": […]}}. The
 * dialect (docs/FORMAT.md): UTF-8, comma-separated, a header row of unique column names, LF or CRLF
 * line ends, blank lines ignored, surrounding spaces trimmed, optional RFC 4180 double quotes on a
 * single line, every value in the exact number syntax of {@link RationalParser}.
 */
final class CsvData {

    private CsvData() {
    }

    static Dataset read(JsonInput in, JsonNode n, Path baseDir, Architecture arch) {
        in.keys(n, "$.data", List.of("csv", "targets"), List.of("inputs"));
        String rel = in.string(n.get("csv"), "$.data.csv");
        Path csv;
        try {
            csv = baseDir.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw in.error("$.data.csv", "invalid path " + JsonInput.quote(rel));
        }
        if (rel.isBlank() || !Files.exists(csv) || Files.isDirectory(csv)) { // a named pipe or device is read like a file
            throw in.error("$.data.csv", Files.isDirectory(csv) ? JsonInput.quote(rel) + " is a directory, expected a CSV file"
                    : "CSV file " + JsonInput.quote(rel) + " not found (resolved to " + JsonInput.shorten(csv.toString()) + ")");
        }
        String label = csv.toString();
        List<Row> rows = parse(JsonInput.readText(csv, "a CSV file"), label);
        if (rows.isEmpty()) throw new InputException(label, "", "CSV file is empty, expected a header row");
        String[] header = rows.get(0).fields();
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].isEmpty()) throw new InputException(label, "line " + lineOf(rows, 0) + ", column " + (c + 1), "empty column name in header");
            if (col.put(header[c], c) != null) {
                throw new InputException(label, "line " + lineOf(rows, 0), "column name " + JsonInput.quote(header[c]) + " appears twice in the header");
            }
        }
        List<Integer> targetCols = columns(in, n.get("targets"), "$.data.targets", col, label);
        List<Integer> inputCols;
        if (n.has("inputs")) {
            inputCols = columns(in, n.get("inputs"), "$.data.inputs", col, label);
        } else {
            inputCols = new ArrayList<>();
            for (int c = 0; c < header.length; c++) if (!targetCols.contains(c)) inputCols.add(c);
        }
        for (int c : inputCols) {
            if (targetCols.contains(c)) throw in.error("$.data.inputs", "column " + JsonInput.quote(header[c]) + " is both an input and a target");
        }
        if (inputCols.size() != arch.inputs()) {
            throw in.error(n.has("inputs") ? "$.data.inputs" : "$.data.csv", Counted.of(inputCols.size(), "input column") + " in " + rel
                    + " but the network has " + Counted.of(arch.inputs(), "input"));
        }
        if (targetCols.size() != arch.outputs()) {
            throw in.error("$.data.targets", Counted.of(targetCols.size(), "target column") + " but the network has " + Counted.of(arch.outputs(), "output"));
        }
        if (rows.size() == 1) throw new InputException(label, "", "CSV file has a header but no data rows");
        List<List<Rational>> xs = new ArrayList<>();
        List<List<Rational>> ys = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r).fields();
            int line = lineOf(rows, r);
            if (row.length != header.length) {
                throw new InputException(label, "line " + line, "row has " + Counted.of(row.length, "field") + ", the header has " + header.length);
            }
            xs.add(values(row, inputCols, header, label, line));
            ys.add(values(row, targetCols, header, label, line));
        }
        return new Dataset(xs, ys);
    }

    private static List<Rational> values(String[] row, List<Integer> cols, String[] header, String label, int line) {
        List<Rational> out = new ArrayList<>();
        for (int c : cols) {
            try {
                out.add(RationalParser.parse(row[c]));
            } catch (NumberFormatException e) {
                throw new InputException(label, "line " + line + ", column " + JsonInput.quote(header[c]), e.getMessage());
            }
        }
        return out;
    }

    private static List<Integer> columns(JsonInput in, JsonNode n, String path, Map<String, Integer> col, String label) {
        in.nonEmptyArray(n, path);
        Set<Integer> out = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String name = in.string(n.get(i), path + "[" + i + "]");
            Integer c = col.get(name);
            if (c == null) throw in.error(path + "[" + i + "]", "no column " + JsonInput.quote(name) + " in the header of " + label);
            if (!out.add(c)) throw in.error(path + "[" + i + "]", "column " + JsonInput.quote(name) + " is listed twice");
        }
        return new ArrayList<>(out);
    }

    /** One non-blank CSV line: its 1-based line number and its trimmed fields. */
    record Row(int line, String[] fields) {
    }

    private static int lineOf(List<Row> rows, int r) {
        return rows.get(r).line();
    }

    /** Splits the text into non-blank rows of trimmed fields. */
    static List<Row> parse(String text, String label) {
        checkCharacters(text, label);
        List<Row> rows = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank()) continue;
            rows.add(new Row(i + 1, fields(line, label, i + 1)));
        }
        return rows;
    }

    /**
     * Refuses control characters and line separators other than tabs and LF or CRLF line ends: trimming
     * a field would otherwise drop them silently (a header "y" followed by an escape character read as
     * "y", "1" followed by NUL as 1), and a lone CR is no line end of this dialect.
     */
    private static void checkCharacters(String text, String label) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new InputException(label, "line " + line, "carriage return (U+000D) not followed by a line feed: line ends must be LF or CRLF");
                }
            } else if (c != '\t' && PrintableText.breaksLine(c)) {
                throw new InputException(label, "line " + line, String.format("control character U+%04X", (int) c)
                        + " (CSV text may hold tabs and LF or CRLF line ends, no other control characters or line separators)");
            }
        }
    }

    private static String[] fields(String line, String label, int lineNo) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') i++;
            StringBuilder sb = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        sb.append(ch);
                    }
                }
                if (!closed) throw new InputException(label, "line " + lineNo, "unterminated double quote");
                while (i < n && line.charAt(i) == ' ') i++;
                if (i < n && line.charAt(i) != ',') throw new InputException(label, "line " + lineNo, "text after a closing quote");
                out.add(sb.toString());
            } else {
                int start = i;
                while (i < n && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') throw new InputException(label, "line " + lineNo, "a double quote inside an unquoted field");
                    i++;
                }
                out.add(line.substring(start, i).trim());
            }
            if (i >= n) break;
            i++; // skip the comma
            if (i == n) {
                out.add("");
                break;
            }
        }
        return out.toArray(new String[0]);
    }
}
