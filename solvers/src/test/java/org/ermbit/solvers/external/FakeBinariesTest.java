package org.ermbit.solvers.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external backends against stand-in binaries: shell scripts that print what a real solver could
 * print (its own "unknown", a verdict that contradicts its exit code, a wrong model, no output, a
 * crash), so that every reading of an external answer is exercised whether or not the real solvers
 * are installed. The rule under test: only a verdict the solver states consistently becomes SAT or
 * UNSAT, a model becomes SAT only after the exact check, and everything else is UNKNOWN or ERROR —
 * never an answer.
 */
class FakeBinariesTest {
    @TempDir
    static Path bin;

    @BeforeAll
    static void needsAShell() {
        assumeTrue(Binaries.which("sh").isPresent(), "no sh on PATH");
    }

    /** One Boolean x with the unit clause (x): CNF variable 1 is x, so "v 1 0" is its model and "v -1 0" is not. */
    private static Model mustBeTrue() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        b.addClause(new Literal(x, true));
        return b.build();
    }

    /** An integer k in [0, 5] with k >= 2, minimising k: the optimum is 2. */
    private static Model minimiseK() {
        ModelBuilder b = new ModelBuilder();
        Var k = b.newInt("k", BigInteger.ZERO, BigInteger.valueOf(5));
        b.addLinear(LinearExpr.of(k), Relation.GE, BigInteger.TWO);
        b.minimize(LinearExpr.of(k));
        return b.build();
    }

    /** The same with a product p = k·k (so the SMT route proves optimality by descent): k in [0, 5], k >= 2, p <= 25. */
    private static Model minimiseKWithProduct() {
        ModelBuilder b = new ModelBuilder();
        Var k = b.newInt("k", BigInteger.ZERO, BigInteger.valueOf(5));
        Var p = b.newInt("p", BigInteger.ZERO, BigInteger.valueOf(25));
        b.addProduct(p, k, k);
        b.addLinear(LinearExpr.of(k), Relation.GE, BigInteger.TWO);
        b.minimize(LinearExpr.of(k));
        return b.build();
    }

    private static Path script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static SolveResult competition(String name, String body, Model m) throws IOException {
        try (DimacsSatSolver s = new DimacsSatSolver("fake-" + name, "0", script(name, body), DimacsSatSolver.Style.COMPETITION, List.of(), ProofOutput.NONE, OwnTimeLimit.NONE)) {
            return s.solve(m, Limits.none());
        }
    }

    /** x and not x: unsatisfiable by unit propagation alone, so the empty DRAT proof refutes it. */
    private static Model contradiction() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        b.addClause(new Literal(x, true));
        b.addClause(new Literal(x, false));
        return b.build();
    }

    /** All four clauses over x, y (CNF variables 1 and 2): unsatisfiable, but no clause is a unit. */
    private static Model allFourClauses() {
        ModelBuilder b = new ModelBuilder();
        Var x = b.newBool("x");
        Var y = b.newBool("y");
        for (boolean px : new boolean[] {true, false}) {
            for (boolean py : new boolean[] {true, false}) b.addClause(new Literal(x, px), new Literal(y, py));
        }
        return b.build();
    }

    /** A solver that writes a binary DRAT proof (the octal escapes {@code proof}) to its last argument and claims UNSAT. */
    private static SolveResult unsatWithProof(String name, String proof, Model m) throws IOException {
        String body = "for a; do p=\"$a\"; done\n" + (proof == null ? "" : "printf '" + proof + "' > \"$p\"\n")
                + "echo 's UNSATISFIABLE'; exit 20";
        return solveWith(name, body, ProofOutput.DRAT_AFTER_INPUT, m);
    }

    /** Runs the script {@code body} as a competition-style solver asked for proofs as {@code proofs} says. */
    private static SolveResult solveWith(String name, String body, ProofOutput proofs, Model m) throws IOException {
        try (DimacsSatSolver s = new DimacsSatSolver("fake-" + name, "0", script(name, body), DimacsSatSolver.Style.COMPETITION, List.of(), proofs, OwnTimeLimit.NONE)) {
            return s.solve(m, Limits.none());
        }
    }

    /** Binary DRAT: 'a' (\\141), literals as 2·var + sign in one byte each here, 0 ends the clause. */
    @Test
    void anUnsatClaimWithAProofThatChecksCarriesTheCertificate() throws IOException {
        SolveResult empty = unsatWithProof("drat-empty", "", contradiction());
        assertEquals(Status.UNSAT, empty.status(), empty.reason());
        assertEquals("DRAT proof of its CNF checked: 0 lemmas", empty.certificate().orElseThrow().summary());
        // lemma (x), then the empty clause; with (x) added, propagation conflicts already, so 1 lemma is checked
        SolveResult two = unsatWithProof("drat-two", "\\141\\002\\000\\141\\000", allFourClauses());
        assertEquals(Status.UNSAT, two.status(), two.reason());
        assertEquals("DRAT", two.certificate().orElseThrow().format());
        assertEquals("DRAT proof of its CNF checked: 1 lemma", two.certificate().orElseThrow().summary());
    }

    /**
     * A solver called like PicoSAT with proofs ({@code -R FILE} before the CNF): it writes the RUP text
     * {@code proof} ({@code printf} escapes) and claims UNSAT; any other command line exits with 3.
     */
    private static SolveResult unsatWithRupProof(String name, String proof, Model m) throws IOException {
        String body = "[ \"$1\" = -R ] && [ $# -eq 3 ] && [ \"${3##*.}\" = cnf ] || exit 3\n"
                + "printf '" + proof + "' > \"$2\"\necho 's UNSATISFIABLE'; exit 20";
        return solveWith(name, body, ProofOutput.RUP_OPTION, m);
    }

    @Test
    void aRupProofIsAskedForBeforeTheCnfAndChecked() throws IOException {
        // (-1) conflicts at the top level with the four clauses over x, y (hand-checked): 1 lemma
        SolveResult two = unsatWithRupProof("rup-two", "%%RUPD32 2 4   \\n-1 0\\n-2 0\\n0\\n", allFourClauses());
        assertEquals(Status.UNSAT, two.status(), two.reason());
        assertEquals("RUP", two.certificate().orElseThrow().format());
        assertEquals("RUP proof of its CNF checked: 1 lemma", two.certificate().orElseThrow().summary());
        SolveResult lie = unsatWithRupProof("rup-lie", "%%RUPD32 1 1\\n0\\n", mustBeTrue());
        assertEquals(Status.ERROR, lie.status());
        assertEquals("fake-rup-lie answered UNSAT, but its RUP proof does not check: lemma 1 (line 2) is the empty clause, "
                + "but propagation finds no conflict", lie.reason());
        SolveResult headless = unsatWithRupProof("rup-headless", "-1 0\\n0\\n", allFourClauses());
        assertEquals(Status.ERROR, headless.status());
        assertEquals("fake-rup-headless answered UNSAT, but its RUP proof does not check: malformed proof at line 1: "
                + "a RUP proof starts with the line %RUPD32 VARIABLES CLAUSES", headless.reason());
    }

    /** An UNSAT claim is an answer only with its proof: a wrong, empty or missing proof makes it an error. */
    @Test
    void anUnsatClaimWhoseProofDoesNotCheckIsAnError() throws IOException {
        SolveResult satisfiable = unsatWithProof("drat-lie", "\\141\\000", mustBeTrue());
        assertEquals(Status.ERROR, satisfiable.status());
        assertTrue(satisfiable.reason().startsWith("fake-drat-lie answered UNSAT, but its DRAT proof does not check: "), satisfiable.reason());
        assertTrue(satisfiable.certificate().isEmpty());
        SolveResult noLemmas = unsatWithProof("drat-nothing", "", allFourClauses());
        assertEquals(Status.ERROR, noLemmas.status());
        assertTrue(noLemmas.reason().contains("does not check"), noLemmas.reason());
        SolveResult noFile = unsatWithProof("drat-nofile", null, contradiction());
        assertEquals(Status.ERROR, noFile.status());
        assertEquals("fake-drat-nofile answered UNSAT but wrote no DRAT proof", noFile.reason());
    }

    @Test
    void aConsistentSatAnswerIsCheckedAndAccepted() throws IOException {
        SolveResult r = competition("sat", "echo 's SATISFIABLE'; echo 'v 1 0'; exit 10", mustBeTrue());
        assertEquals(Status.SAT, r.status(), r.reason());
        assertEquals(BigInteger.ONE, r.model().orElseThrow().value(0));
    }

    @Test
    void aModelThatViolatesTheFormulaIsAnError() throws IOException {
        SolveResult r = competition("wrongmodel", "echo 's SATISFIABLE'; echo 'v -1 0'; exit 10", mustBeTrue());
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.reason().contains("violates the model"), r.reason());
    }

    @Test
    void aConsistentUnsatAnswerIsUnsat() throws IOException {
        assertEquals(Status.UNSAT, competition("unsat", "echo 's UNSATISFIABLE'; exit 20", mustBeTrue()).status());
    }

    @Test
    void theSolversOwnUnknownIsUnknown() throws IOException {
        SolveResult r = competition("unknown", "echo 's UNKNOWN'; exit 0", mustBeTrue());
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals("fake-unknown answered UNKNOWN", r.reason());
    }

    /** The exit code and the s line must agree: either alone is not an answer. */
    @Test
    void aVerdictThatContradictsTheExitCodeIsAnError() throws IOException {
        SolveResult unsatLine = competition("mixed1", "echo 's UNSATISFIABLE'; exit 10", mustBeTrue());
        assertEquals(Status.ERROR, unsatLine.status());
        assertEquals("fake-mixed1 exited with code 10: s UNSATISFIABLE", unsatLine.reason());
        SolveResult satLine = competition("mixed2", "echo 's SATISFIABLE'; echo 'v 1 0'; exit 20", mustBeTrue());
        assertEquals(Status.ERROR, satLine.status());
        SolveResult noLine = competition("mixed3", "echo 'oops' >&2; exit 20", mustBeTrue());
        assertEquals(Status.ERROR, noLine.status());
        assertEquals("fake-mixed3 exited with code 20: oops", noLine.reason());
    }

    @Test
    void unreadableLiteralsAreAnErrorNotAnException() throws IOException {
        SolveResult r = competition("garbage", "echo 's SATISFIABLE'; echo 'v one 0'; exit 10", mustBeTrue());
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.reason().startsWith("fake-garbage failed: "), r.reason());
    }

    @Test
    void minisatStyleReadsTheResultFile() throws IOException {
        String body = "out=\"$2\"\n"; // minisat CNF RESULT
        try (DimacsSatSolver sat = new DimacsSatSolver("fake-minisat", "0",
                script("minisat-sat", body + "printf 'SAT\\n1 0\\n' > \"$out\"; exit 10"), DimacsSatSolver.Style.MINISAT_RESULT_FILE, List.of(), ProofOutput.NONE, OwnTimeLimit.NONE);
             DimacsSatSolver unsat = new DimacsSatSolver("fake-minisat", "0",
                script("minisat-unsat", body + "printf 'UNSAT\\n' > \"$out\"; exit 20"), DimacsSatSolver.Style.MINISAT_RESULT_FILE, List.of(), ProofOutput.NONE, OwnTimeLimit.NONE);
             DimacsSatSolver indet = new DimacsSatSolver("fake-minisat", "0",
                script("minisat-indet", body + "printf 'INDET\\n' > \"$out\"; exit 0"), DimacsSatSolver.Style.MINISAT_RESULT_FILE, List.of(), ProofOutput.NONE, OwnTimeLimit.NONE);
             DimacsSatSolver none = new DimacsSatSolver("fake-minisat", "0",
                script("minisat-none", "exit 10"), DimacsSatSolver.Style.MINISAT_RESULT_FILE, List.of(), ProofOutput.NONE, OwnTimeLimit.NONE)) {
            SolveResult s = sat.solve(mustBeTrue(), Limits.none());
            assertEquals(Status.SAT, s.status(), s.reason());
            assertEquals(BigInteger.ONE, s.model().orElseThrow().value(0));
            assertEquals(Status.UNSAT, unsat.solve(mustBeTrue(), Limits.none()).status());
            assertEquals(Status.UNKNOWN, indet.solve(mustBeTrue(), Limits.none()).status());
            assertEquals(Status.ERROR, none.solve(mustBeTrue(), Limits.none()).status());
        }
    }

    // CBC: arguments are FILE -threads 1 -preprocess off -printingOptions all -solve -solution SOL
    // -saveSolution BIN; without -solution (the retry) it prints its log only.

    private static SolveResult cbc(String name, String body, Model m) throws IOException {
        String args = "prev=\nfor a; do\n  [ \"$prev\" = -solution ] && sol=\"$a\"\n  [ \"$prev\" = -saveSolution ] && bin=\"$a\"\n  prev=\"$a\"\ndone\n";
        try (LpSolver s = new LpSolver("fake-" + name, "0", script(name, args + body), OwnTimeLimit.NONE)) {
            return s.solve(m, Limits.none());
        }
    }

    /**
     * The values beyond the text's 8 significant digits come from the binary file (here: k = 2^40 + 3,
     * printed 1.0995116e+12); a binary file that does not fit the text's counts is not used, and the
     * rounded text value then fails the exact check.
     */
    @Test
    void cbcValuesComeFromTheBinarySolutionWhenItFits() throws IOException {
        BigInteger big = BigInteger.TWO.pow(40).add(BigInteger.valueOf(3));
        ModelBuilder b = new ModelBuilder();
        Var k = b.newInt("k", BigInteger.ZERO, big.add(BigInteger.TWO));
        b.addLinear(LinearExpr.of(k), Relation.GE, big);
        b.minimize(LinearExpr.of(k));
        Model m = b.build();
        String text = "printf 'Optimal - objective value 1099511627779.00000000\\n      0 c1  1.0995116e+12  1\\n      0 x1  1.0995116e+12  0\\n' > \"$sol\"\n";
        Path fits = bin.resolve("cbc-saved-fits.bin");
        Files.write(fits, savedSolution(1, 1, big.doubleValue()));
        SolveResult exact = cbc("cbc-saved", text + "cp " + fits + " \"$bin\"", m);
        assertEquals(Status.OPTIMAL, exact.status(), exact.reason());
        assertEquals(big, exact.model().orElseThrow().value(0));
        Path other = bin.resolve("cbc-saved-other.bin");
        Files.write(other, savedSolution(2, 1, big.doubleValue()));
        SolveResult rounded = cbc("cbc-saved-other", text + "cp " + other + " \"$bin\"", m);
        assertEquals(Status.ERROR, rounded.status(), rounded.reason());
        assertTrue(rounded.reason().contains("violates the model"), rounded.reason());
    }

    /** CBC's {@code -saveSolution} layout in this machine's byte order: counts, objective, rows twice, the column, its reduced cost. */
    private static byte[] savedSolution(int rows, int columns, double column) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 16 * rows + 16 * columns).order(java.nio.ByteOrder.nativeOrder());
        b.putInt(rows).putInt(columns).putDouble(column);
        for (int i = 0; i < 2 * rows; i++) b.putDouble(column);
        for (int j = 0; j < columns; j++) b.putDouble(column);
        for (int j = 0; j < columns; j++) b.putDouble(0.0);
        return b.array();
    }

    @Test
    void cbcOptimalSolutionIsReadAsDecimalsAndIsOptimal() throws IOException {
        SolveResult r = cbc("cbc-opt", "printf 'Optimal - objective value 2.00000000\\n      0 x1   1.9999999999   1\\n' > \"$sol\"", minimiseK());
        assertEquals(Status.OPTIMAL, r.status(), r.reason());
        assertEquals(BigInteger.TWO, r.model().orElseThrow().value(0));
        assertEquals(BigInteger.TWO, r.objective().orElseThrow());
    }

    /** Columns the model does not have are ignored (not an exception); columns the file omits are 0. */
    @Test
    void cbcColumnsOutsideTheModelAreIgnoredAndMissingOnesAreZero() throws IOException {
        SolveResult extra = cbc("cbc-extra", "printf 'Optimal - objective value 2\\n      0 x1   2   1\\n      1 x2   7   0\\n' > \"$sol\"", minimiseK());
        assertEquals(Status.OPTIMAL, extra.status(), extra.reason());
        assertEquals(BigInteger.TWO, extra.model().orElseThrow().value(0));
        SolveResult missing = cbc("cbc-missing", "printf 'Optimal - objective value 0\\n' > \"$sol\"", minimiseK());
        assertEquals(Status.ERROR, missing.status(), "k = 0 violates k >= 2: " + missing.reason());
        assertTrue(missing.reason().contains("violates the model"), missing.reason());
    }

    @Test
    void cbcInfeasibleVerdictsAreUnsatAndOtherStatusesUnknown() throws IOException {
        assertEquals(Status.UNSAT, cbc("cbc-inf", "printf 'Infeasible - objective value 0\\n' > \"$sol\"", minimiseK()).status());
        assertEquals(Status.UNSAT, cbc("cbc-iinf", "printf 'Integer infeasible - objective value 0\\n' > \"$sol\"", minimiseK()).status());
        SolveResult stopped = cbc("cbc-stop", "printf 'Stopped on time - objective value 3\\n      0 x1   3   1\\n' > \"$sol\"", minimiseK());
        assertEquals(Status.UNKNOWN, stopped.status());
        assertEquals("fake-cbc-stop: Stopped on time - objective value 3", stopped.reason());
        SolveResult blank = cbc("cbc-blank", "printf '\\n' > \"$sol\"", minimiseK());
        assertEquals(Status.UNKNOWN, blank.status());
        assertEquals("fake-cbc-blank: no status", blank.reason());
    }

    /** CBC 2.10.8 crashes writing the solution file after an infeasible bound tightening; the retry's log decides. */
    @Test
    void cbcWithoutSolutionFileFallsBackToItsLog() throws IOException {
        String crashThenLog = "case \"$*\" in *-solution*) echo 'Segmentation fault' >&2; exit 139;; esac\n";
        SolveResult inf = cbc("cbc-crash-inf", crashThenLog + "echo 'Problem is infeasible - tightenPrimalBounds!'", minimiseK());
        assertEquals(Status.UNSAT, inf.status(), inf.reason());
        SolveResult other = cbc("cbc-crash", crashThenLog + "echo 'Result - something else'", minimiseK());
        assertEquals(Status.ERROR, other.status());
        assertEquals("fake-cbc-crash wrote no solution (exit code 139): Segmentation fault", other.reason());
    }

    // SMT-LIB: the script path is the last argument; the answer is on stdout.

    private static SmtLibSolver smt(String name, String body, boolean optimizing, boolean products) throws IOException {
        return new SmtLibSolver("fake-" + name, "0", script(name, body), List.of(), optimizing, products, OwnTimeLimit.NONE);
    }

    @Test
    void smtVerdicts() throws IOException {
        try (SmtLibSolver sat = smt("smt-sat", "echo sat; echo '((|k| 3))'", false, false);
             SmtLibSolver unsat = smt("smt-unsat", "echo; echo unsat", false, false);
             SmtLibSolver unknown = smt("smt-unknown", "echo unknown", false, false);
             SmtLibSolver silent = smt("smt-silent", "echo 'parse error' >&2; exit 1", false, false);
             SmtLibSolver error = smt("smt-error", "echo '(error \"line 1: unknown constant\")'", false, false);
             SmtLibSolver badModel = smt("smt-bad", "echo sat; echo '((k 3.5))'", false, false)) {
            SolveResult s = sat.solve(minimiseK(), Limits.none());
            assertEquals(Status.SAT, s.status(), "not optimising: a model is SAT, not OPTIMAL: " + s.reason());
            assertEquals(BigInteger.valueOf(3), s.model().orElseThrow().value(0));
            assertEquals(Status.UNSAT, unsat.solve(minimiseK(), Limits.none()).status(), "blank lines before the verdict are skipped");
            assertEquals("fake-smt-unknown answered unknown", unknown.solve(minimiseK(), Limits.none()).reason());
            SolveResult none = silent.solve(minimiseK(), Limits.none());
            assertEquals(Status.ERROR, none.status());
            assertEquals("fake-smt-silent exited with code 1: parse error", none.reason());
            assertEquals(Status.ERROR, error.solve(minimiseK(), Limits.none()).status());
            SolveResult bad = badModel.solve(minimiseK(), Limits.none());
            assertEquals(Status.ERROR, bad.status());
            assertTrue(bad.reason().startsWith("fake-smt-bad answered sat but its model could not be read"), bad.reason());
        }
    }

    @Test
    void linearOptimisationTrustsTheSolversMinimum() throws IOException {
        try (SmtLibSolver s = smt("smt-min", "echo sat; echo '((k 2))'", true, false)) {
            SolveResult r = s.solve(minimiseK(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.reason());
            assertEquals(BigInteger.TWO, r.objective().orElseThrow());
        }
    }

    /**
     * With products the first "optimum" (k = 4) is not trusted: the backend asks for k <= 3 (answered
     * k = 2), then k <= 1 (unsat), so the proved optimum is 2. The stand-in counts its calls in its
     * working directory, which is the same for the whole descent.
     */
    @Test
    void nonlinearOptimisationIsProvedByDescent() throws IOException {
        String body = "n=$(cat calls 2>/dev/null || echo 0); echo $((n + 1)) > calls\n"
                + "case $n in 0) echo sat; echo '((k 4) (p 16))';; 1) echo sat; echo '((k 2) (p 4))';; *) echo unsat;; esac";
        try (SmtLibSolver s = smt("smt-descent", body, true, true)) {
            SolveResult r = s.solve(minimiseKWithProduct(), Limits.none());
            assertEquals(Status.OPTIMAL, r.status(), r.reason());
            assertEquals(BigInteger.TWO, r.objective().orElseThrow());
        }
        String stops = "n=$(cat calls 2>/dev/null || echo 0); echo $((n + 1)) > calls\n"
                + "case $n in 0) echo sat; echo '((k 4) (p 16))';; *) echo unknown;; esac";
        try (SmtLibSolver s = smt("smt-descent-stops", stops, true, true)) {
            SolveResult r = s.solve(minimiseKWithProduct(), Limits.none());
            assertEquals(Status.SAT, r.status(), "an unproved descent keeps its best model as SAT: " + r.reason());
            assertEquals(BigInteger.valueOf(4), r.objective().orElseThrow());
        }
    }

    @Test
    void aLiaOnlySolverRefusesProducts() throws IOException {
        try (SmtLibSolver s = smt("smt-lia", "echo sat", false, false)) {
            SolveResult r = s.solve(minimiseKWithProduct(), Limits.none());
            assertEquals(Status.ERROR, r.status());
            assertEquals("not supported: products in fake-smt-lia (QF_LIA only); lower first", r.reason());
        }
    }
}
