package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.WitnessReader;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ermbit reduce 3sat-relu} and {@code ermbit check 3sat-relu} end to end: line contract and
 * exit codes, both witness directions through files, and malformed input (one line, exit 2).
 * Labels: uf20-01 is satisfiable, uuf50-01 unsatisfiable (SATLIB test sets).
 */
class ThreeSatReluCommandsTest {

    @TempDir
    Path dir;
    Path sat;
    Path unsat;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void copyResources() throws IOException {
        sat = copy("uf20-01.cnf");
        unsat = copy("uuf50-01.cnf");
    }

    private Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/satlib/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Found while fuzzing the CNF inputs (declared-variable counts): reduce 3sat-relu wrote, exit 0, an
     * instance that ermbit itself refuses to read ("$.network.inputs: expected an integer in
     * 1..1000000, got 1000001"); the counting reductions already refused such instances. Now it is
     * refused the same way, one line, exit 2, nothing written.
     */
    @Test
    void anInstancePastTheReadersCapsIsRefusedNotWritten() throws IOException {
        Path cnf = dir.resolve("wide.cnf");
        Files.writeString(cnf, "p cnf 1000000 1\n1 2 0\n");
        Path out = dir.resolve("wide.json");
        Run r = run("reduce", "3sat-relu", cnf.toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("ermbit: not supported: the reduced instance of " + cnf + " would have 2 layers and 1000004 parameters: 1000001 inputs,"
                + " more than 1000000 (ermbit/1 caps)", r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(out));
        // at the cap it is written, and read back
        Files.writeString(cnf, "p cnf 999999 1\n1 2 0\n");
        Run ok = run("reduce", "3sat-relu", cnf.toString(), "-o", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(1_000_000, InstanceReader.read(out).architecture().inputs());
    }

    @Test
    void checkAgreesOnASatAndAnUnsatFile() {
        Run r = run("check", "3sat-relu", sat.toString(), unsat.toString());
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(3, lines.length, r.out());
        assertEquals(sat + " source=SAT target=SAT agree", lines[0]);
        assertEquals(unsat + " source=UNSAT target=UNSAT agree", lines[1]);
        assertEquals("2 passed, 0 failed", lines[2]);
    }

    /**
     * No answer is no contradiction: pigeonhole 11 → 10 (resolution needs exponential size, far more
     * than Sat4j does in 0.5 s) under {@code --timeout 0.5} is skipped with both reasons, neither
     * passed nor failed, exit 1; the satisfiable file next to it still agrees.
     */
    @Test
    void aSideWithoutAnAnswerIsSkippedNotADisagreement() throws IOException {
        StringBuilder php = new StringBuilder();
        int holes = 10, pigeons = 11;
        php.append("p cnf ").append(pigeons * holes).append(' ').append(pigeons + holes * pigeons * (pigeons - 1) / 2).append('\n');
        for (int p = 0; p < pigeons; p++) {
            for (int h = 0; h < holes; h++) php.append(p * holes + h + 1).append(' ');
            php.append("0\n");
        }
        for (int h = 0; h < holes; h++) {
            for (int p = 0; p < pigeons; p++) {
                for (int q = p + 1; q < pigeons; q++) php.append(-(p * holes + h + 1)).append(' ').append(-(q * holes + h + 1)).append(" 0\n");
            }
        }
        Path hard = Files.writeString(dir.resolve("php-11-10.cnf"), php);
        Run r = run("check", "3sat-relu", "--timeout", "0.5", hard.toString(), sat.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[0].startsWith(hard + " source=UNKNOWN target=UNKNOWN skipped (direct solve: no answer (timeout); pipeline: no answer ("),
                lines[0]);
        assertEquals(sat + " source=SAT target=SAT agree", lines[1]);
        assertEquals("c 1 skipped (not counted as passed)", lines[2]);
        assertEquals("1 passed, 0 failed", lines[3]);
        assertEquals("", r.err(), "no contradiction to report");
    }

    @Test
    void malformedCnfIsExit2WithOneLine() throws IOException {
        Path bad = dir.resolve("bad.cnf");
        Files.writeString(bad, "p cnf 2 1\n1 x 0\n");
        Run r = run("check", "3sat-relu", sat.toString(), bad.toString());
        assertEquals(2, r.exit());
        assertEquals("", r.out(), "nothing is solved before every file parsed");
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(r.err().contains("bad.cnf") && r.err().contains("line 2"), r.err());
        Run r2 = run("reduce", "3sat-relu", bad.toString(), "-o", dir.resolve("i.json").toString());
        assertEquals(2, r2.exit());
        assertTrue(r2.err().contains("bad.cnf"), r2.err());
    }

    @Test
    void missingFileAndUnknownReductionAreExit2() {
        assertEquals(2, run("check", "3sat-relu", dir.resolve("nope.cnf").toString()).exit());
        assertEquals(2, run("check", "no-such-reduction", sat.toString()).exit());
        assertEquals(2, run("reduce", "3sat-relu", sat.toString()).exit(), "-o is required");
    }

    /** Forward: an assignment from an independent backtracking search maps to a verified network; back: the same assignment. */
    @Test
    void forwardMapWritesAVerifiedNetworkWhoseWeightsAreTheAssignment() throws IOException {
        // Forward direction from an assignment we check independently against every clause of the file.
        boolean[] a = solveByBacktracking(org.ermbit.reductions.cnf.DimacsReader.read(sat));
        Path assignment = dir.resolve("a.txt");
        Files.writeString(assignment, "c from a test\ns SATISFIABLE\n" + AssignmentFile.vLine(a) + "\n");
        Path inst = dir.resolve("i.json");
        Path w = dir.resolve("w.json");
        Run r = run("reduce", "3sat-relu", sat.toString(), "-o", inst.toString(), "--assignment", assignment.toString(),
                "--witness-out", w.toString());
        assertEquals(0, r.exit(), r.err());
        ErmInstance instance = InstanceReader.read(inst);
        NetworkParameters p = WitnessReader.read(w).parameters();
        assertTrue(Verifier.verify(instance, p).accepted());
        for (int v = 1; v <= 20; v++) {
            assertEquals(a[v] ? Rational.ONE : Rational.ZERO, p.get(ParameterRef.weight(1, 0, v - 1)), "w" + v);
        }
        // ... and back again: the same assignment.
        Run back = run("reduce", "3sat-relu", sat.toString(), "-o", inst.toString(), "--map-back", w.toString());
        assertEquals(0, back.exit(), back.err());
        assertTrue(back.out().contains("s SATISFIABLE\n" + AssignmentFile.vLine(a)), back.out());
    }

    @Test
    void falsifyingAssignmentAndNonCertificateWitnessAreExit2() throws IOException {
        boolean[] allFalse = new boolean[21];
        var cnf = org.ermbit.reductions.cnf.DimacsReader.read(sat);
        assertFalse(cnf.isSatisfiedBy(allFalse), "premise: all-false falsifies uf20-01");
        Path assignment = dir.resolve("a.txt");
        Files.writeString(assignment, AssignmentFile.vLine(allFalse) + "\n");
        Run r = run("reduce", "3sat-relu", sat.toString(), "-o", dir.resolve("i.json").toString(),
                "--assignment", assignment.toString(), "--witness-out", dir.resolve("w.json").toString());
        assertEquals(2, r.exit());
        // all-false falsifies exactly the clauses without a negative literal; the message names the first (1-based)
        int first = 0;
        while (java.util.Arrays.stream(cnf.clauses().get(first)).anyMatch(l -> l < 0)) first++;
        assertTrue(r.err().contains("the assignment falsifies clause " + (first + 1) + " of "), r.err());
        assertFalse(Files.exists(dir.resolve("i.json")), "nothing is written when an input is rejected");
        assertEquals("", r.out());

        // all-zero hidden weights: output weight 1, bias 0 — not a certificate (some clause point has h = 1)
        StringBuilder w = new StringBuilder("{\"format\": \"ermbit-witness/1\", \"instance\": \"x\", \"layers\": [{\"weights\": [[");
        for (int i = 0; i <= 20; i++) w.append(i > 0 ? "," : "").append(i == 20 ? "\"1\"" : "\"0\"");
        w.append("]], \"biases\": [\"0\"]}, {\"weights\": [[\"1\"]], \"biases\": [\"0\"]}]}");
        Path wf = dir.resolve("w0.json");
        Files.writeString(wf, w.toString());
        Run back = run("reduce", "3sat-relu", sat.toString(), "-o", dir.resolve("i.json").toString(), "--map-back", wf.toString());
        assertEquals(2, back.exit());
        assertTrue(back.err().contains("not a certificate"), back.err());
        assertEquals(1, back.err().strip().split("\n").length, back.err());

        Path badAssignment = dir.resolve("b.txt");
        Files.writeString(badAssignment, "v 1 2 3 0\n");
        Run incomplete = run("reduce", "3sat-relu", sat.toString(), "-o", dir.resolve("i.json").toString(),
                "--assignment", badAssignment.toString(), "--witness-out", dir.resolve("w.json").toString());
        assertEquals(2, incomplete.exit());
        assertTrue(incomplete.err().contains("variable 4 is not assigned"), incomplete.err());
        assertFalse(Files.exists(dir.resolve("i.json")));
    }

    @Test
    void unwritableOutputsAreUsageErrors() throws IOException {
        Run missingDir = run("reduce", "3sat-relu", sat.toString(), "-o", dir.resolve("no").resolve("i.json").toString());
        assertEquals(2, missingDir.exit());
        assertTrue(missingDir.err().startsWith("ermbit: --output: directory "), missingDir.err());
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        Run generate = run("generate", "planted", "-o", file.toString());
        assertEquals(2, generate.exit());
        assertTrue(generate.err().contains("is a file, not a directory"), generate.err());
        Run wrap = run("generate", "planted", "-o", dir.toString(), "--seed", Long.toString(Long.MAX_VALUE), "--count", "2");
        assertEquals(2, wrap.exit());
        assertTrue(wrap.err().contains("runs past the largest seed"), wrap.err());
    }

    /** An independent tiny DPLL-free solver: plain backtracking over variables 1..n. */
    private static boolean[] solveByBacktracking(org.ermbit.reductions.cnf.Cnf cnf) {
        boolean[] a = new boolean[cnf.variables() + 1];
        if (!extend(cnf, a, new boolean[cnf.variables() + 1], 1)) throw new IllegalStateException("unsatisfiable");
        return a;
    }

    private static boolean extend(org.ermbit.reductions.cnf.Cnf cnf, boolean[] a, boolean[] set, int v) {
        for (int[] c : cnf.clauses()) {
            boolean open = false;
            for (int lit : c) {
                int x = Math.abs(lit);
                if (!set[x] || a[x] == (lit > 0)) {
                    open = true;
                    break;
                }
            }
            if (!open) return false;
        }
        if (v == a.length) return true;
        set[v] = true;
        for (boolean value : new boolean[] {true, false}) {
            a[v] = value;
            if (extend(cnf, a, set, v + 1)) return true;
        }
        set[v] = false;
        return false;
    }
}
