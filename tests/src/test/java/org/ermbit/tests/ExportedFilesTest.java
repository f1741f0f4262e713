package org.ermbit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.export.ErmExport;
import org.ermbit.reductions.export.ErmExporter;
import org.ermbit.reductions.export.ExportFormat;
import org.ermbit.solvers.external.Binaries;
import org.ermbit.solvers.external.ProcessOutcome;
import org.ermbit.solvers.external.ProcessRunner;
import org.ermbit.solvers.external.SolverOutputs;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sat4j.pb.OptToPBSATAdapter;
import org.sat4j.pb.PBSolverHandle;
import org.sat4j.pb.PseudoOptDecorator;
import org.sat4j.pb.SolverFactory;
import org.sat4j.pb.reader.OPBReader2012;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IProblem;

/**
 * The files {@code ermbit export} writes, run through real external solvers — z3 and cvc5 on
 * SMT-LIB, CaDiCaL on DIMACS CNF, CBC on CPLEX LP, and Sat4j's own OPB reader (a parser independent
 * of ours) on OPB — on seeded random tiny instances. Each answer is compared with brute-force
 * enumeration and with the in-process Sat4j pipeline: SAT at the true optimum, UNSAT just below it,
 * and (where the format carries an objective) the same optimum. Every witness read back from a
 * solver is lifted, decoded and accepted by the exact verifier. Cases of a tool whose binary is not
 * installed are skipped (run scripts/install-external-solvers.sh).
 */
class ExportedFilesTest {

    private static final List<String> TOOLS = List.of("z3", "cvc5", "cadical", "cbc", "sat4j-opb");
    private static final int SEEDS = 25;

    @TempDir
    Path dir;

    /** The answer of one tool on one exported file. */
    private record Outcome(boolean sat, Optional<Assignment> model, Optional<BigInteger> objective) {
        static Outcome unsat() {
            return new Outcome(false, Optional.empty(), Optional.empty());
        }
    }

    static Stream<Arguments> cases() {
        return TOOLS.stream().flatMap(t -> LongStream.range(0, SEEDS).mapToObj(s -> Arguments.of(t, 7000 + s)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void exportedFileAgreesWithBruteForceAndSat4j(String tool, long seed) throws Exception {
        String binary = tool.equals("sat4j-opb") ? null : tool;
        if (binary != null) assumeTrue(Binaries.which(binary).isPresent(), binary + " not installed (scripts/install-external-solvers.sh)");
        ErmInstance base = RandomInstances.piecewiseLinear(seed, Rational.ZERO);
        Rational optimum = BruteForce.minimumLoss(base);
        String where = tool + " seed " + seed + " optimum " + optimum;
        ErmSolver sat4j = new ErmSolver(ErmOptions.defaults().withLocalSearch(false).withSolvers(List.of("sat4j")));

        ErmInstance at = DifferentialTest.withThreshold(base, optimum);
        assertEquals(ErmResult.Outcome.SAT, sat4j.decide(at).outcome(), where + " (in-process sat4j)");
        ErmExport exp = export(tool, at, false);
        Outcome o = run(tool, exp);
        assertTrue(o.sat(), where + ": the exported file is unsatisfiable at the optimum");
        Rational loss = verifiedLoss(at, exp, o, where);
        assertTrue(loss.compareTo(optimum) <= 0, where + " witness loss " + loss);

        if (optimum.signum() > 0) {
            Rational below = optimum.subtract(Rational.of(1, 1000));
            ErmInstance under = DifferentialTest.withThreshold(base, below.signum() < 0 ? Rational.ZERO : below);
            assertEquals(ErmResult.Outcome.UNSAT, sat4j.decide(under).outcome(), where + " (in-process sat4j below)");
            assertTrue(!run(tool, export(tool, under, false)).sat(), where + ": the exported file is satisfiable below the optimum");
        }

        if (tool.equals("z3") || tool.equals("cbc") || tool.equals("sat4j-opb")) {
            ErmExport opt = export(tool, at, true);
            Outcome best = run(tool, opt);
            assertTrue(best.sat(), where + " optimize");
            Rational claimed = opt.lossOfObjective(best.objective().orElseThrow());
            assertEquals(optimum, claimed, where + ": optimum claimed by " + tool);
            assertEquals(optimum, verifiedLoss(at, opt, best, where + " optimize"), where);
        }
    }

    private static ErmExport export(String tool, ErmInstance inst, boolean optimize) {
        ExportFormat f = switch (tool) {
            case "z3", "cvc5" -> ExportFormat.SMTLIB;
            case "cadical" -> ExportFormat.CNF;
            case "cbc" -> ExportFormat.LP;
            default -> ExportFormat.OPB;
        };
        return ErmExporter.export(inst, f, optimize, EncoderOptions.defaults(), tool.equals("cvc5") || (tool.equals("z3") && optimize));
    }

    /** Checks the read-back assignment against the written model, decodes it and verifies it exactly; returns its loss. */
    private static Rational verifiedLoss(ErmInstance inst, ErmExport exp, Outcome o, String where) {
        Assignment a = o.model().orElseThrow();
        assertTrue(exp.writtenModel().isSatisfiedBy(a), where + ": assignment violates the written model");
        NetworkParameters p = exp.decode(a);
        Verifier.Verdict v = Verifier.verify(inst, p);
        assertTrue(v.accepted(), where + ": decoded witness rejected: " + v.problems());
        return v.loss();
    }

    private Outcome run(String tool, ErmExport exp) throws Exception {
        Path file = dir.resolve("model-" + System.nanoTime() + "." + exp.format().cliName());
        Files.writeString(file, exp.text(), StandardCharsets.UTF_8);
        Model m = exp.writtenModel();
        switch (tool) {
            case "z3", "cvc5" -> {
                List<String> cmd = tool.equals("z3") ? List.of("z3", "-smt2", file.toString()) : List.of("cvc5", "--lang", "smt2", file.toString());
                ProcessOutcome po = ProcessRunner.run(cmd, dir, Limits.none());
                String out = po.stdout().strip();
                if (out.startsWith("unsat")) return Outcome.unsat();
                assertTrue(out.startsWith("sat"), tool + " said: " + out + " / " + po.stderr());
                Assignment a = SolverOutputs.smtValues(m, out.substring(3));
                return new Outcome(true, Optional.of(a), m.objective().map(ob -> ob.expr().evaluate(a::value)));
            }
            case "cadical" -> {
                ProcessOutcome po = ProcessRunner.run(List.of("cadical", "-q", file.toString()), dir, Limits.none());
                if (po.exitCode() == 20) return Outcome.unsat();
                assertEquals(10, po.exitCode(), po.stdout() + po.stderr());
                int vars = dimacsVariables(exp.text());
                return new Outcome(true, Optional.of(exp.fromDimacs(SolverOutputs.dimacsValues(po.stdout(), vars))), Optional.empty());
            }
            case "cbc" -> {
                Path sol = dir.resolve("solution.txt");
                Path saved = dir.resolve("solution.bin");
                Files.deleteIfExists(sol);
                Files.deleteIfExists(saved);
                ProcessRunner.run(List.of("cbc", file.toString(), "-preprocess", "off", "-printingOptions", "all", "-solve",
                        "-solution", sol.toString(), "-saveSolution", saved.toString()), dir, Limits.none());
                List<String> lines = Files.exists(sol) ? Files.readAllLines(sol) : List.of();
                if (lines.isEmpty()) {
                    // CBC 2.10.8 crashes writing the solution of a model it found infeasible while tightening bounds
                    ProcessOutcome again = ProcessRunner.run(List.of("cbc", file.toString(), "-preprocess", "off", "-solve"), dir, Limits.none());
                    assertTrue(again.stdout().contains("Problem is infeasible"), "cbc wrote no solution: " + again.stdout());
                    return Outcome.unsat();
                }
                String status = lines.get(0);
                if (status.startsWith("Infeasible") || status.startsWith("Integer infeasible")) return Outcome.unsat();
                assertTrue(status.startsWith("Optimal - objective value "), status);
                BigInteger obj = new BigDecimal(status.substring("Optimal - objective value ".length()).strip())
                        .setScale(0, java.math.RoundingMode.UNNECESSARY).toBigIntegerExact();
                return new Outcome(true, Optional.of(SolverOutputs.cbcValues(m, lines, Files.readAllBytes(saved))), Optional.of(obj));
            }
            default -> {
                PBSolverHandle handle = new PBSolverHandle(new PseudoOptDecorator(SolverFactory.newDefault()));
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    new OPBReader2012(handle).parseInstance(in);
                } catch (ContradictionException e) {
                    return Outcome.unsat();
                }
                IProblem problem = m.objective().isPresent() ? new OptToPBSATAdapter(handle) : handle;
                if (!problem.isSatisfiable()) return Outcome.unsat();
                BigInteger[] vals = new BigInteger[m.vars().size()];
                for (int i = 0; i < vals.length; i++) vals[i] = problem.model(i + 1) ? BigInteger.ONE : BigInteger.ZERO;
                Assignment a = new Assignment(vals);
                // OPB has no objective constant: the file's objective is the written one minus its constant
                return new Outcome(true, Optional.of(a), m.objective().map(ob -> ob.expr().evaluate(a::value).subtract(ob.expr().constant())));
            }
        }
    }

    private static int dimacsVariables(String cnf) throws IOException {
        for (String line : cnf.split("\n")) {
            if (line.startsWith("p cnf ")) return Integer.parseInt(line.split(" ")[2]);
        }
        throw new IOException("no p line");
    }
}
