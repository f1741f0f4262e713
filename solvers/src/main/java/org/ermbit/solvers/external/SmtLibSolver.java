package org.ermbit.solvers.external;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.export.SmtLibWriter;

/**
 * An SMT solver binary on an SMT-LIB 2 script written by {@link SmtLibWriter}: the first output
 * line is {@code sat}, {@code unsat} or {@code unknown}; after {@code sat} the
 * {@code (get-value …)} answer gives every variable's value by name (integers, {@code (- k)},
 * {@code true}/{@code false}). With {@code optimizing} the script uses Z3's {@code (minimize …)}
 * for the objective and a {@code sat} answer is the solver's claimed optimum — trusted for linear
 * models only: with products (Z3's optimiser is incomplete on nonlinear integers) optimality is
 * proved by re-solving with "objective ≤ best − 1" until {@code unsat}.
 */
final class SmtLibSolver extends ExternalSolver {
    private final List<String> options;
    private final boolean optimizing;
    private final boolean products;

    /**
     * @param optimizing use Z3's {@code (minimize …)} for an objective
     * @param products   accept products (QF_NIA); otherwise they are refused ("lower first")
     */
    SmtLibSolver(String id, String version, Path binary, List<String> options, boolean optimizing, boolean products,
                 OwnTimeLimit ownLimit) {
        super(id, version, binary, ownLimit);
        this.options = options;
        this.optimizing = optimizing;
        this.products = products;
    }

    @Override
    String refusal(Model model) {
        if (!products && model.hasProducts()) return "not supported: products in " + id + " (QF_LIA only); lower first";
        return null;
    }

    @Override
    Answer run(Model model, Path dir, Limits limits) throws IOException {
        boolean minimize = optimizing && model.objective().isPresent();
        Answer first = once(model, dir, limits, minimize);
        if (!minimize || !model.hasProducts() || !(first instanceof Answer.Sat s)) return first;
        // Z3's optimiser is not complete on nonlinear integer arithmetic (it can answer sat with a
        // model above the optimum): prove optimality by descent, objective ≤ best − 1 until unsat.
        Answer.Sat best = s;
        LinearExpr objective = model.objective().orElseThrow().expr();
        while (true) {
            BigInteger value = objective.evaluate(best.assignment()::value);
            Model tighter = model.toBuilder().addLinear(objective, Relation.LE, value.subtract(BigInteger.ONE)).build();
            Answer next = once(tighter, dir, limits, true);
            if (next instanceof Answer.Unsat) return new Answer.Sat(best.assignment(), true, best.stats());
            if (!(next instanceof Answer.Sat n)) return new Answer.Sat(best.assignment(), false, best.stats());
            best = n;
        }
    }

    /** One run of the binary on {@code model}; {@code minimize}: claim the answer as optimal. */
    private Answer once(Model model, Path dir, Limits limits, boolean minimize) throws IOException {
        SmtLibWriter w = new SmtLibWriter(minimize ? SmtLibWriter.Dialect.Z3 : SmtLibWriter.Dialect.STANDARD);
        Path in = dir.resolve("model.smt2");
        Files.writeString(in, w.write(model), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(ownLimit.options(limits));
        cmd.addAll(options);
        cmd.add(in.toString());
        ProcessOutcome o = ProcessRunner.run(cmd, dir, limits);
        Answer killed = Answer.ofKilled(o);
        if (killed != null) return killed;
        String verdict = "";
        String rest = "";
        String[] lines = o.stdout().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            verdict = lines[i].strip();
            rest = String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
            break;
        }
        Map<String, String> stats = Map.of("exit code", Integer.toString(o.exitCode()));
        switch (verdict) {
            case "unsat":
                return new Answer.Unsat(stats);
            case "unknown":
                return new Answer.Unknown(id + " answered unknown");
            case "sat":
                try {
                    return new Answer.Sat(values(model, rest), minimize && !model.hasProducts(), stats);
                } catch (IllegalArgumentException e) {
                    return new Answer.Error(id + " answered sat but its model could not be read: " + e.getMessage());
                }
            default:
                return new Answer.Error(id + " exited with code " + o.exitCode() + ": " + o.firstErrorLine());
        }
    }

    /** The assignment in a {@code ((sym value) …)} answer; every variable must be present. */
    static Assignment values(Model model, String text) {
        List<String> symbols = SmtLibWriter.symbols(model);
        Map<String, Var> bySymbol = new HashMap<>();
        for (Var v : model.vars()) bySymbol.put(unquote(symbols.get(v.index())), v);
        BigInteger[] vals = new BigInteger[model.vars().size()];
        for (SExpr top : SExpr.parseAll(text)) {
            if (top.isAtom()) continue;
            for (SExpr pair : top.list()) {
                if (pair.isAtom() || pair.list().size() != 2 || !pair.list().get(0).isAtom()) {
                    throw new IllegalArgumentException("unexpected get-value entry " + pair);
                }
                Var v = bySymbol.get(unquote(pair.list().get(0).atom()));
                if (v == null) throw new IllegalArgumentException("value for unknown symbol " + pair.list().get(0));
                vals[v.index()] = value(pair.list().get(1));
            }
        }
        for (Var v : model.vars()) {
            if (vals[v.index()] == null) throw new IllegalArgumentException("no value for " + v.name());
        }
        return new Assignment(vals);
    }

    private static BigInteger value(SExpr e) {
        if (e.isAtom()) {
            String a = e.atom();
            if (a.equals("true")) return BigInteger.ONE;
            if (a.equals("false")) return BigInteger.ZERO;
            return new BigInteger(a);
        }
        List<SExpr> l = e.list();
        if (l.size() == 2 && l.get(0).isAtom() && l.get(0).atom().equals("-")) return value(l.get(1)).negate();
        throw new IllegalArgumentException("not an integer value: " + e);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("|") && s.endsWith("|") ? s.substring(1, s.length() - 1) : s;
    }
}
