package org.ermbit.solvers.external;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.export.LpWriter;

/**
 * CBC on the CPLEX LP file of a linear model ({@link LpWriter}, strict: every number ≤ 2^53 so the
 * file is exact in doubles; larger models are refused). CBC's solution file gives a status line
 * ({@code Optimal …}, {@code Infeasible …}, {@code Integer infeasible …}, or a stop reason) and one
 * line per row and column; column values are printed as decimals and rounded to the nearest
 * integer <em>without</em> any floating-point step — the exact check of the assignment against the
 * model then decides whether the answer is accepted. An "infeasible" verdict is CBC's
 * (floating-point) claim and cannot be re-checked; the pipeline names the backend with every UNSAT it
 * reports. CBC's MIP preprocessing is switched off: it produced a wrong "infeasible" on a satisfiable
 * model.
 */
final class LpSolver extends ExternalSolver {
    private static final String PRESOLVE_INFEASIBLE = "Problem is infeasible - tightenPrimalBounds!";
    private static final Pattern COLUMN = Pattern.compile("^\\s*(?:\\*\\*\\s*)?\\d+\\s+x(\\d+)\\s+(\\S+)\\s+\\S+\\s*$");

    LpSolver(String id, String version, Path binary) {
        super(id, version, binary);
    }

    @Override
    String refusal(Model model) {
        return LpWriter.refusal(model);
    }

    @Override
    Answer run(Model model, Path dir, Limits limits) throws IOException {
        Path in = dir.resolve("model.lp");
        Files.writeString(in, new LpWriter(false).write(model).text(), StandardCharsets.US_ASCII);
        Path sol = dir.resolve("solution.txt");
        // -preprocess off: CBC 2.10.8's MIP preprocessing declared a satisfiable reduced 3-SAT instance
        // infeasible (regression test in ExternalCbcTest); plain branch and cut does not.
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), in.toString(), "-threads", "1",
                "-preprocess", "off", "-printingOptions", "all", "-solve", "-solution", sol.toString()));
        ProcessOutcome o = ProcessRunner.run(cmd, dir, limits);
        Answer killed = Answer.ofKilled(o);
        if (killed != null) return killed;
        List<String> lines = Files.exists(sol) ? Files.readAllLines(sol, StandardCharsets.US_ASCII) : List.of();
        if (lines.isEmpty()) return withoutSolutionFile(in, dir, limits, o);
        String status = lines.get(0).strip();
        Map<String, String> stats = Map.of("cbc status", status);
        if (status.startsWith("Infeasible") || status.startsWith("Integer infeasible")) return new Answer.Unsat(stats);
        if (!status.startsWith("Optimal")) return new Answer.Unknown(id + ": " + (status.isEmpty() ? "no status" : status));
        try {
            return new Answer.Sat(values(model, lines), model.objective().isPresent(), stats);
        } catch (IllegalArgumentException e) {
            return new Answer.Error(id + " solution could not be read: " + e.getMessage());
        }
    }

    /**
     * CBC 2.10.8 crashes (SIGSEGV) while writing the solution file when it has found the model infeasible
     * already while tightening bounds, before branch and bound. Then the solve is repeated without a
     * solution file and its log decides.
     */
    private Answer withoutSolutionFile(Path in, Path dir, Limits limits, ProcessOutcome first) throws IOException {
        ProcessOutcome o = ProcessRunner.run(List.of(binary.toString(), in.toString(), "-threads", "1", "-preprocess", "off", "-solve"), dir, limits);
        Answer killed = Answer.ofKilled(o);
        if (killed != null) return killed;
        if (o.stdout().contains(PRESOLVE_INFEASIBLE)) return new Answer.Unsat(Map.of("cbc status", PRESOLVE_INFEASIBLE));
        return new Answer.Error(id + " wrote no solution (exit code " + first.exitCode() + "): " + first.firstErrorLine());
    }

    /** Column values x1..xn rounded half-up to integers (decimal text, no doubles); absent columns are 0. */
    static Assignment values(Model model, List<String> lines) {
        int n = model.vars().size();
        BigInteger[] vals = new BigInteger[n];
        java.util.Arrays.fill(vals, BigInteger.ZERO);
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = COLUMN.matcher(line);
            if (!m.matches()) continue;
            int i = Integer.parseInt(m.group(1)) - 1;
            if (i < 0 || i >= n) continue;
            vals[i] = new BigDecimal(m.group(2)).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        }
        return new Assignment(vals);
    }
}
