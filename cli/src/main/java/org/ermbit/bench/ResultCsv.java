package org.ermbit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.format.AtomicFiles;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.InputFiles;
import org.ermbit.core.number.RationalParser;

/**
 * The results CSV (RFC 4180 quoting, one header line). Rows are appended and flushed one at a time
 * as runs finish, so a killed harness loses at most the line being written: on opening, an
 * incomplete last line (no newline, or too few fields) is cut off and reported, and the rows
 * before it are kept — a re-run skips their (solver, instance) pairs.
 */
public final class ResultCsv implements AutoCloseable {
    /** The header line. */
    public static final String HEADER = "solver,instance,family,mode,expected,status,loss,time_ms,exit_code,wrong,timeout_ms,memory_mb,reason";
    private static final int FIELDS = 13;

    private final Path file;
    private final Map<String, RunResult> rows;
    /** Bytes of the file up to and including its last newline, and of the incomplete line after it. */
    private final long completeBytes;
    private long incompleteBytes;
    private String repaired = "";
    private Writer writer;
    /** The file was empty when opened: the header goes before the first row. */
    private boolean headerPending;

    private ResultCsv(Path file, Map<String, RunResult> rows, long completeBytes, long incompleteBytes) {
        this.file = file;
        this.rows = rows;
        this.completeBytes = completeBytes;
        this.incompleteBytes = incompleteBytes;
    }

    /** Reads {@code file} if it exists and repairs a cut-off last line ({@link #read} then {@link #repair}), ready to append. */
    public static ResultCsv open(Path file) {
        ResultCsv csv = read(file);
        csv.repair();
        return csv;
    }

    /**
     * Reads {@code file} if it exists, without changing it: an incomplete last line is only noted, and
     * cut off by {@link #repair} (or before the first {@link #append}). A file that is refused is
     * therefore never modified.
     */
    public static ResultCsv read(Path file) {
        Map<String, RunResult> rows = new LinkedHashMap<>();
        long completeBytes = 0;
        long incompleteBytes = 0;
        if (Files.exists(file)) {
            InputFiles.compressionOf(file).ifPresent(c -> {
                throw new InputException(file.toString(), "", "a " + c + "-compressed results CSV cannot be appended to"
                        + " (decompress it first; --merge reads compressed CSVs)");
            });
            byte[] bytes = InputFiles.read(file, "an ermbit bench CSV");
            // cut in bytes: '\n' never occurs inside a UTF-8 sequence, while decoding replaces invalid bytes
            // (so character counts re-encoded would not give the byte offset)
            int complete = 0;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    complete = i + 1;
                    break;
                }
            }
            // without a newline the file can only be a header cut off while it was written; anything else is not ours to cut
            if (complete == 0 && !HEADER.startsWith(withoutByteOrderMark(new String(bytes, StandardCharsets.UTF_8)))) {
                throw new InputException(file.toString(), "line 1", "not an ermbit bench CSV (header differs)");
            }
            String[] lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n");
            for (int n = 1; n <= lines.length && complete > 0; n++) {
                String line = lines[n - 1];
                if (n == 1) {
                    if (!isHeader(line)) throw new InputException(file.toString(), "line 1", "not an ermbit bench CSV (header differs)");
                    continue;
                }
                if (line.isEmpty()) continue;
                List<String> f = split(line);
                if (f.size() != FIELDS) throw new InputException(file.toString(), "line " + n, "expected " + FIELDS + " fields, got " + f.size());
                RunResult r = parse(file, n, f);
                rows.put(r.key(), r);
            }
            completeBytes = complete;
            incompleteBytes = bytes.length - complete;
        }
        return new ResultCsv(file, rows, completeBytes, incompleteBytes);
    }

    /**
     * Cuts off the incomplete last line {@link #read} found (an interrupted run's); returns what was
     * done, as {@link #repaired()}: "" when the file needed no repair.
     */
    public synchronized String repair() {
        if (incompleteBytes > 0) {
            truncate(file, completeBytes);
            repaired = "dropped an incomplete last line (" + incompleteBytes + " bytes) left by an interrupted run";
            incompleteBytes = 0;
        }
        return repaired;
    }

    /** A header line: the header, with a UTF-8 byte-order mark and surrounding blanks (a CR of CRLF) allowed. */
    private static boolean isHeader(String line) {
        return withoutByteOrderMark(line).strip().equals(HEADER);
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Non-empty when {@link #repair} (called by {@link #open}) had to cut off an incomplete last line. */
    public String repaired() {
        return repaired;
    }

    public Path file() {
        return file;
    }

    /** Rows read or appended, in order (later rows for the same pair replace earlier ones). */
    public synchronized List<RunResult> rows() {
        return new ArrayList<>(rows.values());
    }

    /** Whether this pair already has a row. */
    public synchronized boolean done(Task t) {
        return rows.containsKey(t.key());
    }

    /**
     * Opens the file for appending, after {@link #repair}: a new file is created (with its directories)
     * holding the header; an existing empty one gets the header with its first row. An {@link
     * InputException} when it cannot be.
     */
    public synchronized void openForAppend() {
        if (writer != null) return;
        repair(); // never append to a cut-off line
        try {
            boolean created = !Files.exists(file);
            headerPending = !created && Files.size(file) == 0;
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (created) {
                writer.write(HEADER + "\n");
                writer.flush();
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be written: " + e.getMessage());
        }
    }

    /** Appends one row and flushes it to disk. */
    public synchronized void append(RunResult r) {
        openForAppend();
        try {
            if (headerPending) writer.write(HEADER + "\n");
            headerPending = false;
            writer.write(format(r) + "\n");
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        rows.put(r.key(), r);
    }

    @Override
    public synchronized void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /**
     * Writes the union of several CSVs to {@code out} (first occurrence of a (solver, instance) pair
     * wins); returns the messages about conflicting duplicates.
     */
    public static List<String> merge(List<Path> inputs, Path out) {
        Map<String, RunResult> all = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) throw new InputException(in.toString(), "", "no such file");
            if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new InputException(out.toString(), "", "the merge output must not be one of the inputs");
            }
            for (RunResult r : readOnly(in)) {
                RunResult prev = all.putIfAbsent(r.key(), r);
                if (prev != null && (prev.status() != r.status() || !prev.loss().equals(r.loss()))) {
                    conflicts.add(r.solver() + " on " + r.instance() + ": " + prev.status() + " kept, " + r.status() + " from " + in + " dropped");
                }
            }
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (RunResult r : all.values()) sb.append(format(r)).append('\n');
        try {
            AtomicFiles.write(out, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return conflicts;
    }

    /** The complete rows of a CSV, without repairing the file. */
    static List<RunResult> readOnly(Path in) {
        String text = readText(in);
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !isHeader(lines[0])) throw new InputException(in.toString(), "line 1", "not an ermbit bench CSV (header differs)");
        List<RunResult> out = new ArrayList<>();
        for (int n = 2; n <= lines.length; n++) {
            String line = lines[n - 1];
            if (line.isEmpty()) continue;
            if (n == lines.length) continue; // the cut-off last line of a killed run (after a final newline this element is empty)
            List<String> f = split(line);
            if (f.size() != FIELDS) throw new InputException(in.toString(), "line " + n, "expected " + FIELDS + " fields, got " + f.size());
            out.add(parse(in, n, f));
        }
        return out;
    }

    private static void truncate(Path file, long size) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file, e);
        }
    }

    private static RunResult parse(Path file, int line, List<String> f) {
        try {
            RunStatus status;
            try {
                status = RunStatus.valueOf(f.get(5));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status: unknown status '" + f.get(5) + "' (known: "
                        + String.join(", ", java.util.Arrays.stream(RunStatus.values()).map(Enum::name).toList()) + ")");
            }
            if (!f.get(9).isEmpty() && !f.get(9).equals("WRONG")) {
                throw new IllegalArgumentException("wrong: '" + f.get(9) + "' is neither empty nor WRONG");
            }
            return new RunResult(f.get(0), f.get(1), f.get(2), Mode.parse(f.get(3)), ExpectedAnswer.parse(f.get(4)), status,
                    f.get(6).isEmpty() ? Optional.empty() : Optional.of(RationalParser.parse(f.get(6))), count(f.get(7), "time_ms"),
                    exitCode(f.get(8)), f.get(9).equals("WRONG"), count(f.get(10), "timeout_ms"), (int) Math.min(count(f.get(11), "memory_mb"), Integer.MAX_VALUE),
                    f.get(12));
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), "line " + line, e.getMessage());
        }
    }

    /** A non-negative decimal integer that fits a long; {@code column} names it in the error. */
    private static long count(String text, String column) {
        if (!text.matches("[0-9]{1,18}")) throw new IllegalArgumentException(column + ": not a non-negative integer: '" + text + "'");
        return Long.parseLong(text);
    }

    private static int exitCode(String text) {
        if (!text.matches("-?[0-9]{1,9}")) throw new IllegalArgumentException("exit_code: not an integer: '" + text + "'");
        return Integer.parseInt(text);
    }

    static String format(RunResult r) {
        return String.join(",", List.of(quote(r.solver()), quote(r.instance()), quote(r.family()), r.mode().word(), r.expected().toString(),
                r.status().name(), r.loss().map(Object::toString).orElse(""), Long.toString(r.timeMs()), Integer.toString(r.exitCode()),
                r.wrong() ? "WRONG" : "", Long.toString(r.timeoutMs()), Integer.toString(r.memoryMb()), quote(r.reason())));
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Splits one CSV line (RFC 4180 quotes; no embedded newlines). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The text of a results CSV, read with the input-file size cap. */
    private static String readText(Path file) {
        return new String(InputFiles.read(file, "an ermbit bench CSV"), StandardCharsets.UTF_8);
    }
}
