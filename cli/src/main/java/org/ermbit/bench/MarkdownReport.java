package org.ermbit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ermbit.core.format.Counted;

/**
 * The Markdown report of a bench CSV: an overall table and one table per family (solved / runs,
 * wrong answers, errors, PAR-2 total and mean), a per-instance matrix (status and time of every
 * run), the wrong answers spelled out, and solvers that were unavailable.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(List<RunResult> rows, List<String> solvers, String title) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(title).append("\n\n");
        if (!rows.isEmpty()) {
            RunResult any = rows.get(0);
            sb.append("Limits per run: ").append(Score.seconds(any.timeoutMs())).append(" s wall clock (child JVM start to exit), ")
                    .append(any.memoryMb()).append(" MB heap. PAR-2: solved runs count their time, all others twice the limit.\n\n");
        }
        sb.append("#### All families\n\n").append(table(Score.of(rows, solvers))).append('\n');
        Map<String, List<RunResult>> byFamily = new TreeMap<>();
        for (RunResult r : rows) byFamily.computeIfAbsent(r.family(), k -> new ArrayList<>()).add(r);
        for (var e : byFamily.entrySet()) {
            long instances = e.getValue().stream().map(RunResult::instance).distinct().count();
            sb.append("#### Family ").append(e.getKey()).append(" (").append(Counted.of(instances, "instance")).append(")\n\n")
                    .append(table(Score.of(e.getValue(), solvers))).append('\n');
        }
        sb.append("#### Per instance\n\n").append(matrix(rows, solvers)).append('\n');
        List<RunResult> wrong = rows.stream().filter(RunResult::wrong).toList();
        if (!wrong.isEmpty()) {
            sb.append("#### WRONG answers\n\n");
            for (RunResult r : wrong) {
                sb.append("* **WRONG**: ").append(r.solver()).append(" on ").append(r.instance()).append(": ").append(r.status())
                        .append(r.loss().map(l -> " loss " + l).orElse("")).append(", MANIFEST says ").append(r.expected()).append('\n');
            }
            sb.append('\n');
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (RunResult r : rows) if (r.status() == RunStatus.UNAVAILABLE) unavailable.putIfAbsent(r.solver(), r.reason());
        for (var e : unavailable.entrySet()) sb.append("Not run (unavailable here): ").append(e.getKey()).append(" — ").append(e.getValue()).append("\n\n");
        return sb.toString();
    }

    static String table(List<Score> scores) {
        StringBuilder sb = new StringBuilder("| solver | solved | runs | wrong | errors | PAR-2 total (s) | PAR-2 mean (s) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Score s : scores) {
            sb.append("| ").append(s.solver()).append(" | ").append(s.solved()).append(" | ").append(s.runs()).append(" | ")
                    .append(s.wrong() > 0 ? "**" + s.wrong() + "**" : "0").append(" | ").append(s.errors()).append(" | ")
                    .append(Score.seconds(s.par2Ms())).append(" | ").append(s.meanPar2Seconds().toPlainString()).append(" |\n");
        }
        return sb.toString();
    }

    private static String matrix(List<RunResult> rows, List<String> solvers) {
        Map<String, Map<String, RunResult>> byInstance = new TreeMap<>();
        List<String> cols = new ArrayList<>(solvers);
        for (RunResult r : rows) {
            byInstance.computeIfAbsent(r.instance(), k -> new LinkedHashMap<>()).put(r.solver(), r);
            if (!cols.contains(r.solver())) cols.add(r.solver());
        }
        StringBuilder sb = new StringBuilder("| instance | expected |");
        for (String c : cols) sb.append(' ').append(c).append(" |");
        sb.append("\n|---|---|").append("---|".repeat(cols.size())).append('\n');
        for (var e : byInstance.entrySet()) {
            RunResult first = e.getValue().values().iterator().next();
            sb.append("| ").append(e.getKey()).append(" | ").append(first.expected()).append(" |");
            for (String c : cols) {
                RunResult r = e.getValue().get(c);
                sb.append(' ').append(r == null ? "" : cell(r)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(RunResult r) {
        String s = r.status().name() + (r.loss().isPresent() && r.mode() != Mode.SOLVE ? " " + r.loss().get() : "") + " " + Score.seconds(r.timeMs());
        return r.wrong() ? "**WRONG " + s + "**" : s;
    }
}
