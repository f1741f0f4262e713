package org.ermbit.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Totals of one solver over a set of runs: runs, solved (definitive, correct, within the limit),
 * wrong answers, errors (ERROR / MEMOUT), and PAR-2 in exact milliseconds (solved runs count their
 * time, all others twice the limit).
 */
public record Score(String solver, int runs, int solved, int wrong, int errors, long par2Ms) {

    /** One score per solver, in {@code solverOrder}; UNAVAILABLE rows are not scored. */
    public static List<Score> of(List<RunResult> rows, List<String> solverOrder) {
        Map<String, List<RunResult>> by = new LinkedHashMap<>();
        for (String s : solverOrder) by.put(s, new ArrayList<>());
        for (RunResult r : rows) {
            if (r.status() == RunStatus.UNAVAILABLE) continue;
            by.computeIfAbsent(r.solver(), k -> new ArrayList<>()).add(r);
        }
        List<Score> out = new ArrayList<>();
        for (var e : by.entrySet()) {
            int solved = 0;
            int wrong = 0;
            int errors = 0;
            long par2 = 0;
            for (RunResult r : e.getValue()) {
                if (r.solved()) solved++;
                if (r.wrong()) wrong++;
                if (r.status() == RunStatus.ERROR || r.status() == RunStatus.MEMOUT) errors++;
                par2 += r.par2Ms();
            }
            if (!e.getValue().isEmpty()) out.add(new Score(e.getKey(), e.getValue().size(), solved, wrong, errors, par2));
        }
        return out;
    }

    /** Mean PAR-2 per run in seconds, rounded to milliseconds (display only). */
    public BigDecimal meanPar2Seconds() {
        if (runs == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(par2Ms).divide(BigDecimal.valueOf(runs * 1000L), 3, RoundingMode.HALF_UP);
    }

    /** Exact seconds with millisecond digits, e.g. {@code 12.340}. */
    public static String seconds(long ms) {
        return BigDecimal.valueOf(ms, 3).toPlainString();
    }
}
