package org.ermbit.solvers.sat4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.sat4j.core.Vec;
import org.sat4j.core.VecInt;
import org.sat4j.pb.IPBSolver;
import org.sat4j.pb.SolverFactory;
import org.sat4j.specs.IConstr;

/**
 * The recorder's binary DRAT, decoded here independently (a step byte, then 7-bit groups low first,
 * then 0): the steps come back as recorded, also across its 1 MiB chunks and with literals of several
 * bytes; deletions are recorded; learning a PB constraint or outgrowing the budget drops the proof.
 */
class Sat4jProofRecorderTest {

    /** The steps of a binary DRAT stream, each as its kind ('a' or 'd') followed by its literals. */
    private static List<List<Integer>> decode(InputStream in) throws IOException {
        List<List<Integer>> steps = new ArrayList<>();
        int kind;
        while ((kind = in.read()) >= 0) {
            List<Integer> step = new ArrayList<>();
            step.add(kind);
            while (true) {
                long code = 0;
                int shift = 0;
                int b;
                do {
                    b = in.read();
                    code |= (long) (b & 0x7f) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                if (code == 0) break;
                step.add((int) ((code & 1) == 0 ? code >> 1 : -(code >> 1)));
            }
            steps.add(step);
        }
        return steps;
    }

    @Test
    void unitStepsAcrossSeveralChunksComeBackInOrder() throws IOException {
        Sat4jProofRecorder r = new Sat4jProofRecorder(1L << 30);
        List<List<Integer>> expected = new ArrayList<>();
        // literals up to ±2^27 take four 7-bit groups: about 6 bytes per step, 2.4 MB in all
        for (int k = 1; k <= 400_000; k++) {
            int lit = (k % 2 == 0 ? 1 : -1) * (k * 331 % (1 << 27) + 1);
            r.learnUnit(lit);
            expected.add(List.of((int) 'a', lit));
        }
        assertTrue(r.bytes() > 2 << 20, "more than two chunks: " + r.bytes());
        assertTrue(r.dropped().isEmpty());
        try (InputStream in = r.proof()) {
            assertEquals(expected, decode(in));
        }
    }

    @Test
    void learnedAndDeletedClausesAreRecordedAndPbConstraintsDropTheProof() throws Exception {
        IPBSolver solver = SolverFactory.newDefault();
        solver.newVar(80);
        int[] wide = new int[70]; // longer than the recorder's first literal buffer
        for (int i = 0; i < wide.length; i++) wide[i] = i % 3 == 0 ? -(i + 1) : i + 1;
        IConstr longClause = solver.addClause(new VecInt(wide));
        IConstr binary = solver.addClause(new VecInt(new int[] {-71, 72}));
        IConstr ternary = solver.addClause(new VecInt(new int[] {73, -74, 75}));
        Sat4jProofRecorder r = new Sat4jProofRecorder(1 << 20);
        r.learn(longClause);
        r.learn(binary);
        r.delete(binary);
        r.learn(ternary);
        r.delete(ternary);
        List<Integer> longStep = new ArrayList<>(List.of((int) 'a'));
        for (int lit : wide) longStep.add(lit);
        List<List<Integer>> steps;
        try (InputStream in = r.proof()) {
            steps = decode(in);
        }
        assertEquals(5, steps.size());
        assertEquals(sorted(longStep), sorted(steps.get(0)));
        assertEquals(sorted(List.of((int) 'a', -71, 72)), sorted(steps.get(1)));
        assertEquals(sorted(List.of((int) 'd', -71, 72)), sorted(steps.get(2)));
        assertEquals(sorted(List.of((int) 'a', 73, -74, 75)), sorted(steps.get(3)));
        assertEquals(sorted(List.of((int) 'd', 73, -74, 75)), sorted(steps.get(4)));

        IConstr pb = solver.addAtLeast(new VecInt(new int[] {76, 77, 78}), new Vec<>(new BigInteger[] {BigInteger.TWO, BigInteger.ONE, BigInteger.ONE}),
                BigInteger.TWO);
        r.learn(pb);
        assertTrue(r.dropped().orElseThrow().startsWith("sat4j learned a "), r.dropped().toString());
        assertFalse(r.dropped().orElseThrow().contains("Clause"), r.dropped().get());
        assertThrows(IllegalStateException.class, r::proof);
        long kept = r.bytes();
        r.learnUnit(5); // nothing more is recorded once dropped
        assertEquals(kept, r.bytes());
    }

    @Test
    void theBudgetIsAnUpperBoundOnTheBytesKept() {
        // a unit step of variable 1 is 3 bytes: 'a', 2 (or 3), 0
        Sat4jProofRecorder exact = new Sat4jProofRecorder(9);
        for (int k = 0; k < 3; k++) exact.learnUnit(1);
        assertTrue(exact.dropped().isEmpty(), "9 bytes fit a budget of 9");
        assertEquals(9, exact.bytes());
        exact.learnUnit(-1);
        assertEquals("the proof outgrew its memory budget of 9 bytes", exact.dropped().orElseThrow());
        assertEquals("the proof outgrew its memory budget of 2 MiB", dropAbove(2L << 20));
    }

    /** 400,000 unit steps of literals up to ±2^27 (about 2.4 MB); their decoded steps go to {@code expected}. */
    private static void units(Sat4jProofRecorder r, List<List<Integer>> expected) {
        for (int k = 1; k <= 400_000 && r.dropped().isEmpty(); k++) {
            int lit = (k % 2 == 0 ? 1 : -1) * (k * 331 % (1 << 27) + 1);
            r.learnUnit(lit);
            expected.add(List.of((int) 'a', lit));
        }
    }

    private static long files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aProofThatOutgrowsMemoryMovesToAFileAndComesBackWhole(@TempDir Path dir) throws IOException {
        List<List<Integer>> expected = new ArrayList<>();
        try (Sat4jProofRecorder r = new Sat4jProofRecorder(100_000, dir, 1L << 30)) {
            units(r, expected);
            assertTrue(r.dropped().isEmpty(), r.dropped().toString());
            assertTrue(r.spilled());
            assertEquals(1, files(dir));
            try (InputStream in = r.proof()) {
                assertEquals(expected, decode(in));
            }
            r.learnUnit(7); // recording goes on after a read
            expected.add(List.of((int) 'a', 7));
            try (InputStream in = r.proof()) {
                assertEquals(expected, decode(in));
            }
        }
        assertEquals(0, files(dir), "close deletes the file");
    }

    @Test
    void aProofOverItsDiskBudgetIsDroppedWithItsFile(@TempDir Path dir) throws IOException {
        Sat4jProofRecorder r = new Sat4jProofRecorder(100, dir, 2 << 20);
        units(r, new ArrayList<>());
        assertEquals("the proof outgrew its budget of 100 bytes in memory and 2 MiB on disk (" + dir + ")", r.dropped().orElseThrow());
        assertFalse(r.spilled());
        assertEquals(0, files(dir));
        assertThrows(IllegalStateException.class, r::proof);
    }

    @Test
    void aSpillDirectoryThatCannotBeWrittenDropsTheProof(@TempDir Path dir) {
        Path missing = dir.resolve("missing");
        Sat4jProofRecorder r = new Sat4jProofRecorder(100, missing, 1L << 30);
        units(r, new ArrayList<>());
        assertTrue(r.dropped().orElseThrow().startsWith("could not write the proof to " + missing + ": "), r.dropped().get());
    }

    private static String dropAbove(long budget) {
        Sat4jProofRecorder r = new Sat4jProofRecorder(budget);
        while (r.dropped().isEmpty()) r.learnUnit(1);
        return r.dropped().get();
    }

    private static List<Integer> sorted(List<Integer> step) {
        List<Integer> s = new ArrayList<>(step.subList(1, step.size()));
        s.sort(null);
        s.add(0, step.get(0));
        return s;
    }
}
