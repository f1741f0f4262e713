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
 * line per row and column, with CBC's internal index of each; its values have only 8 significant
 * digits, so the values are taken from the binary file of {@code -saveSolution} (the IEEE doubles
 * CBC holds, by that index), converted exactly and rounded to the nearest integer — the exact check
 * of the assignment against the model then decides whether the answer is accepted. An "infeasible" verdict is CBC's
 * (floating-point) claim and cannot be re-checked; the pipeline reports it only when an exact backend
 * confirms it. CBC's MIP preprocessing is switched off: it produced a wrong "infeasible" on a satisfiable
 * model.
 */
final class LpSolver extends ExternalSolver {
    private static final String PRESOLVE_INFEASIBLE = "Problem is infeasible - tightenPrimalBounds!";
    /** A solution line: CBC's index, the name (x… for columns, c… for rows), the value, the dual. */
    private static final Pattern LINE = Pattern.compile("^\\s*(?:\\*\\*\\s*)?(\\d+)\\s+([xc])(\\d+)\\s+(\\S+)\\s+\\S+\\s*$");

    LpSolver(String id, String version, Path binary, OwnTimeLimit ownLimit) {
        super(id, version, binary, ownLimit);
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
        Path saved = dir.resolve("solution.bin");
        // -preprocess off: CBC 2.10.8's MIP preprocessing declared a satisfiable reduced 3-SAT instance
        // infeasible (regression test in ExternalCbcTest); plain branch and cut does not.
        List<String> cmd = command(in, limits, "-printingOptions", "all", "-solve",
                "-solution", sol.toString(), "-saveSolution", saved.toString());
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
            byte[] exact = Files.exists(saved) ? Files.readAllBytes(saved) : null;
            return new Answer.Sat(values(model, lines, exact), model.objective().isPresent(), stats);
        } catch (IllegalArgumentException e) {
            return new Answer.Error(id + " solution could not be read: " + e.getMessage());
        }
    }

    /** CBC on {@code in} with its own time limit, one thread, no MIP preprocessing, then {@code actions}. */
    private List<String> command(Path in, Limits limits, String... actions) {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), in.toString()));
        cmd.addAll(ownLimit.options(limits));
        cmd.addAll(List.of("-threads", "1", "-preprocess", "off"));
        cmd.addAll(List.of(actions));
        return cmd;
    }

    /**
     * CBC 2.10.8 crashes (SIGSEGV) while writing the solution file when it has found the model infeasible
     * already while tightening bounds, before branch and bound. Then the solve is repeated without a
     * solution file and its log decides.
     */
    private Answer withoutSolutionFile(Path in, Path dir, Limits limits, ProcessOutcome first) throws IOException {
        ProcessOutcome o = ProcessRunner.run(command(in, limits, "-solve"), dir, limits);
        Answer killed = Answer.ofKilled(o);
        if (killed != null) return killed;
        if (o.stdout().contains(PRESOLVE_INFEASIBLE)) return new Answer.Unsat(Map.of("cbc status", PRESOLVE_INFEASIBLE));
        return new Answer.Error(id + " wrote no solution (exit code " + first.exitCode() + "): " + first.firstErrorLine());
    }

    /**
     * Column values x1..xn: those of the binary {@code -saveSolution} file {@code saved} when it is
     * there and fits the solution lines (its row and column counts), else the 8-digit decimals of the
     * lines; rounded half-up to integers without a floating-point step (a double read from the file
     * is converted exactly). Absent columns are 0.
     */
    static Assignment values(Model model, List<String> lines, byte[] saved) {
        int n = model.vars().size();
        BigInteger[] vals = new BigInteger[n];
        java.util.Arrays.fill(vals, BigInteger.ZERO);
        List<int[]> columns = new ArrayList<>(); // {CBC index, variable index}
        List<String> printed = new ArrayList<>();
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            if (m.group(2).equals("c")) {
                rows++;
                continue;
            }
            columns.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)) - 1});
            printed.add(m.group(4));
        }
        BigDecimal[] exact = SavedSolution.columns(saved, rows, columns.size());
        for (int k = 0; k < columns.size(); k++) {
            int cbcIndex = columns.get(k)[0];
            int i = columns.get(k)[1];
            if (i < 0 || i >= n) continue;
            BigDecimal v = exact != null && cbcIndex < exact.length ? exact[cbcIndex] : new BigDecimal(printed.get(k));
            vals[i] = v.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        }
        return new Assignment(vals);
    }
}
