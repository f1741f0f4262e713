package org.ermbit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ermbit.core.number.Rational;
import org.ermbit.bench.generate.DomainTags;
import org.ermbit.bench.generate.Labeler;
import org.ermbit.bench.generate.ParityGenerator;
import org.ermbit.bench.generate.SuiteWriter;
import org.ermbit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through {@code ermbit bench} with real child JVMs (sat4j on XOR; a deliberately wrong MANIFEST). */
class ChildJvmTest {

    @Test
    void aDeliberatelyWrongManifestIsCaughtWithExitCode4(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("suite");
        new SuiteWriter(suite, new Labeler(Labeler.DEFAULT_CAP)).write(ParityGenerator.generate(2, 2, DomainTags.integers(3)));
        // XOR with two ReLU units is feasible (planted witness); claim the opposite
        Path manifest = suite.resolve(Manifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("solve sat planted", "solve unsat planted"));
        Path csv = dir.resolve("r.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", suite.toString(), "--solvers", "sat4j", "--timeout", "120", "--memory", "512",
                "--csv", csv.toString(), "--no-plot"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(BenchRunner.EXIT_WRONG, code, err.toString());
        assertTrue(err.toString().contains("WRONG ANSWER: sat4j on parity/parity-k2-h2-b3.json"), err.toString());
        List<RunResult> rows = ResultCsv.open(csv).rows();
        assertEquals(1, rows.size());
        assertEquals(RunStatus.SAT, rows.get(0).status(), "the child JVM answered: " + rows.get(0).reason());
        assertTrue(rows.get(0).wrong());
        assertTrue(Files.readString(dir.resolve("r.md")).contains("WRONG"));
    }

    /**
     * Bug fixed (session 23): ermbit's settings ({@code -Dermbit.…}, e.g. via ERMBIT_JAVA_OPTS) did not
     * reach the child JVMs, so bench measured the defaults. With {@code ermbit.cpsat.workers=0} (an
     * invalid setting) the child's cpsat must be unavailable with that reason.
     */
    @Test
    void ermbitSettingsReachTheChildJvms(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("suite");
        new SuiteWriter(suite, new Labeler(Labeler.DEFAULT_CAP)).write(ParityGenerator.generate(2, 1, DomainTags.integers(3)));
        Path csv = dir.resolve("r.csv");
        String old = System.getProperty("ermbit.cpsat.workers");
        System.setProperty("ermbit.cpsat.workers", "0");
        int code;
        StringWriter err = new StringWriter();
        try {
            code = Main.run(new String[] {"bench", suite.toString(), "--solvers", "cpsat", "--timeout", "60", "--memory", "256",
                    "--csv", csv.toString(), "--no-plot"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        } finally {
            if (old == null) System.clearProperty("ermbit.cpsat.workers");
            else System.setProperty("ermbit.cpsat.workers", old);
        }
        assertEquals(0, code, err.toString());
        RunResult row = ResultCsv.open(csv).rows().get(0);
        assertEquals(RunStatus.UNAVAILABLE, row.status(), row.reason());
        assertTrue(row.reason().contains("invalid -Dermbit.cpsat.workers=0"), row.reason());
    }

    @Test
    void onlyErmbitSettingsArePassedOnInOrder() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("ermbit.z3.products", "native");
        p.setProperty("ermbit.cadical.proof", "off");
        p.setProperty("java.io.tmpdir", "/elsewhere");
        p.setProperty("ermbitx.other", "1");
        assertEquals(List.of("-Dermbit.cadical.proof=off", "-Dermbit.z3.products=native"), ChildRunner.ermbitSettings(p));
    }

    /** Bug fixed (session 23): a missing SUITE, or a directory without a MANIFEST, said "no instances". */
    @Test
    void aMissingSuiteOrManifestIsNamed(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("nope");
        int code = Main.run(new String[] {"bench", missing.toString(), "--csv", dir.resolve("r.csv").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertEquals("ermbit: " + missing + ": no such file or directory", err.toString().strip());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        StringWriter err2 = new StringWriter();
        code = Main.run(new String[] {"bench", empty.toString(), "--csv", dir.resolve("r.csv").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err2));
        assertEquals(2, code);
        assertEquals("ermbit: " + empty + ": no MANIFEST in this directory (a suite is a directory with a MANIFEST, see ermbit generate)",
                err2.toString().strip());
        assertFalse(Files.exists(dir.resolve("r.csv")), "nothing is written for a refused suite");
    }

    /** Bug fixed (session 23): the list of known ids named logicng twice (a backend and a model counter). */
    @Test
    void theKnownSolverListNamesEachIdOnce(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", dir.toString(), "--solvers", "nosuch"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        String known = err.toString().substring(err.toString().indexOf("(known: ") + 8, err.toString().lastIndexOf(')'));
        List<String> ids = List.of(known.split(", "));
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), known);
        assertTrue(ids.contains("logicng") && ids.contains("sat4j") && ids.contains("default"), known);
    }

    @Test
    void aCountSuiteRunsCountersInChildJvmsAndCatchesAWrongCount(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("counts");
        Files.createDirectories(suite);
        // (x1 ∨ x2) ∧ (¬x1 ∨ x3) over 3 variables: 4 models by hand (x1=0: x2=1, x3 free; x1=1: x3=1, x2 free)
        Files.writeString(suite.resolve("a.cnf"), "p cnf 3 2\n1 2 0\n-1 3 0\n");
        Files.writeString(suite.resolve("b.cnf"), "p cnf 1 2\n1 0\n-1 0\n");
        Files.writeString(suite.resolve(Manifest.FILE_NAME),
                "a.cnf counting count count=4 hand\nb.cnf counting count count=1 deliberately-wrong\n");
        Path csv = dir.resolve("r.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", suite.toString(), "--solvers", "default,logicng,sat4j", "--timeout", "60",
                "--memory", "512", "--csv", csv.toString(), "--no-plot"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(BenchRunner.EXIT_WRONG, code, err.toString());
        java.util.Map<String, RunResult> rows = new java.util.HashMap<>();
        for (RunResult r : ResultCsv.open(csv).rows()) rows.put(r.solver() + " " + r.instance(), r);
        assertEquals(6, rows.size());
        for (String counter : List.of("default", "logicng")) {
            RunResult a = rows.get(counter + " a.cnf");
            assertEquals(RunStatus.SAT, a.status(), a.reason());
            assertEquals(Rational.of(4), a.loss().orElseThrow());
            assertTrue(a.solved());
            RunResult b = rows.get(counter + " b.cnf");
            assertEquals(RunStatus.UNSAT, b.status(), b.reason());
            assertTrue(b.wrong(), "0 models against the MANIFEST's 1");
        }
        assertEquals(RunStatus.UNAVAILABLE, rows.get("sat4j a.cnf").status());
        assertTrue(err.toString().contains("WRONG ANSWER: default on b.cnf"), err.toString());
    }

    @Test
    void aMalformedCountInTheManifestIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.cnf"), "p cnf 1 1\n1 0\n");
        for (String bad : List.of("count=-1", "count=1/2", "count=", "count=ten")) {
            Files.writeString(dir.resolve(Manifest.FILE_NAME), "a.cnf counting count " + bad + " hand\n");
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"bench", dir.toString(), "--csv", dir.resolve("r.csv").toString(), "--no-plot"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, bad + ": " + err);
            String msg = err.toString().strip();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.contains("line 1") && msg.contains("count"), msg);
        }
    }

    @Test
    void anUnknownSolverIsAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", dir.toString(), "--solvers", "no-such-solver"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown solver 'no-such-solver'"), err.toString());
    }

    /** A malformed --shard is an option error, and option errors name the option (docs/CLI.md, "Exit codes"). */
    @Test
    void aMalformedShardNamesTheOption(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.cnf"), "p cnf 1 1\n1 0\n");
        Files.writeString(dir.resolve(Manifest.FILE_NAME), "a.cnf counting count count=1 hand\n");
        for (String bad : List.of("0/3", "4/3", "2", "a/b")) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"bench", dir.toString(), "--shard", bad, "--csv", dir.resolve("r.csv").toString(), "--no-plot"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, bad + ": " + err);
            String msg = err.toString().strip();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.startsWith("ermbit: --shard: "), msg);
        }
        assertFalse(Files.exists(dir.resolve("r.csv")), "no run before the options are checked");
    }

    /** A CSV that cannot be written is found before any child JVM starts (it used to be an internal error). */
    @Test
    void anUnwritableCsvIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", dir.toString(), "--solvers", "sat4j", "--csv", file.resolve("r.csv").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith("ermbit: --csv: ") && err.toString().contains("is a file, not a directory"), err.toString());
    }

    @Test
    void aHeapOutsideSixtyFourMegabytesToTheMachinesMemoryIsAUsageError(@TempDir Path dir) {
        for (String mb : new String[] {"10", "99999999"}) {
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"bench", dir.toString(), "--solvers", "sat4j", "--memory", mb},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().startsWith("ermbit: --memory: " + mb + " MB is outside 64.."), err.toString());
        }
    }
}
