package org.ermbit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT and SIGTERM on a real {@code ermbit} JVM: the command stops its solvers, reports what it
 * knows and exits with the signal's status — optimize keeps its best verified witness (on disk at
 * every improvement, so even SIGKILL loses nothing), solve and
 * count say UNKNOWN, bench kills its child JVMs and keeps its CSV. The runs are slow instances
 * (a 3-16-1 planted network, a 500-variable CNF) that no solver finishes before the signal.
 */
class SignalStopTest {

    @TempDir
    static Path dir;

    static Path planted;

    @BeforeAll
    static void slowInstances() {
        CliRun g = CliRun.of("generate", "planted", "--inputs", "3", "--hidden", "16", "--bits", "4", "--points", "50",
                "--count", "1", "-o", dir.toString());
        assertEquals(0, g.exit(), g.err());
        planted = dir.resolve("planted").resolve("planted-3-16-1-b4-n50-s1.json");
        assertTrue(Files.isRegularFile(planted), planted + " was generated");
    }

    @Test
    void sigtermStopsOptimizeWithTheBestVerifiedWitnessWritten() throws Exception {
        Path witness = dir.resolve("best.json");
        Child c = optimizeUntilItImproves("optimize", witness);
        c.signal("TERM");
        assertEquals(143, c.awaitExit(), "the exit status of SIGTERM; stderr: " + c.err());
        List<String> out = c.stdoutLines();
        String best = lastImprovement(c);
        assertTrue(out.contains("s SATISFIABLE"), "the unproved best is an answer: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("c best loss found " + best + "; optimality not proved")), String.join("\n", out));
        assertTrue(c.err().contains("ermbit: interrupted; stopping and reporting what is known"), c.err());
        // the witness file holds that loss, as the exact verifier (another command) computes it
        CliRun v = CliRun.of("verify", planted.toString(), witness.toString());
        assertTrue(v.out().lines().toList().contains("c loss " + best), v.out());
    }

    /**
     * SIGKILL gives the command no chance to report: the witness file must already hold a verified
     * witness at least as good as the last {@code o} line (it is replaced before each o line is printed).
     */
    @Test
    void sigkillLeavesOptimizesLastImprovedWitnessOnDisk() throws Exception {
        Path witness = dir.resolve("killed.json");
        Child c = optimizeUntilItImproves("killed", witness);
        c.signal("KILL");
        assertEquals(137, c.awaitExit(), "the exit status of SIGKILL");
        java.math.BigInteger printed = new java.math.BigInteger(lastImprovement(c));
        CliRun v = CliRun.of("verify", planted.toString(), witness.toString());
        String loss = v.out().lines().filter(l -> l.startsWith("c loss ")).findFirst()
                .orElseThrow(() -> new AssertionError(v.out() + v.err())).substring("c loss ".length());
        assertTrue(new java.math.BigInteger(loss).compareTo(printed) <= 0, "file loss " + loss + ", last o line " + printed);
    }

    /** {@code ermbit optimize} on the slow planted instance with {@code --witness}, once it has printed its first {@code o} line. */
    private static Child optimizeUntilItImproves(String name, Path witness) throws Exception {
        Child c = Child.start(dir.resolve(name), "optimize", planted.toString(), "--witness", witness.toString());
        c.awaitStdout(line -> line.startsWith("o "));
        return c;
    }

    /** The loss of the child's last {@code o} line. */
    private static String lastImprovement(Child c) {
        List<String> improvements = c.stdoutLines().stream().filter(l -> l.startsWith("o ")).toList();
        return improvements.get(improvements.size() - 1).substring(2);
    }

    @Test
    void sigintStopsSolveWithUnknown() throws Exception {
        Child c = Child.start(dir.resolve("solve"), "solve", planted.toString());
        c.awaitStdout(line -> line.startsWith("c instance "));
        c.signal("INT");
        assertEquals(130, c.awaitExit(), "the exit status of SIGINT; stderr: " + c.err());
        List<String> out = c.stdoutLines();
        assertTrue(out.contains("s UNKNOWN"), String.join("\n", out));
        // "cancelled", or "cancelled while encoding" when the signal comes that early
        assertTrue(out.stream().anyMatch(l -> l.startsWith("c reason: cancelled")), String.join("\n", out));
        assertFalse(out.contains("s SATISFIABLE") || out.contains("s UNSATISFIABLE"), String.join("\n", out));
    }

    /**
     * Z3 catches SIGINT itself unless told not to (its {@code ctrl_c} parameter): it would end its
     * own query as "interrupted from keyboard", the JVM would never see the signal and exit 0, and
     * sat4j in the same race would run on.
     */
    @Test
    void sigintReachesErmbitWhileZ3Solves() throws Exception {
        Child real = Child.start(dir.resolve("real"), "solve", planted.toString(), "--real");
        real.awaitStdout(line -> line.startsWith("c real mode:"));
        Thread.sleep(1_500); // into Z3's check (an earlier signal gives the same answer)
        real.signal("INT");
        assertEquals(130, real.awaitExit(), "stderr: " + real.err());
        assertTrue(real.stdoutLines().contains("s UNKNOWN") && real.stdoutLines().contains("c reason: cancelled"), String.join("\n", real.stdoutLines()));
        Child race = Child.start(dir.resolve("race"), "solve", planted.toString(), "--solver", "sat4j,z3", "--no-local-search");
        race.awaitStdout(line -> line.startsWith("c instance "));
        Thread.sleep(1_500); // past the encoding, into the race (an earlier signal gives the same answer)
        race.signal("INT");
        assertEquals(130, race.awaitExit(), "stderr: " + race.err());
        assertTrue(race.stdoutLines().contains("s UNKNOWN"), String.join("\n", race.stdoutLines()));
    }

    /**
     * Bug fixed (session 24): CP-SAT installs its own SIGINT handler during a solve unless told not to
     * ({@code catch_sigint_signal}); Ctrl-C then aborted the JVM (exit 134, {@code std::bad_function_call},
     * no report) — with {@code --solver cpsat} and in every portfolio, which includes cpsat.
     */
    @Test
    void sigintReachesErmbitWhileCpSatSolves() throws Exception {
        org.ermbit.core.spi.Availability cpsat = org.ermbit.solvers.registry.SolverRegistry.load().byId("cpsat").probe();
        Assumptions.assumeTrue(cpsat.available(), "cpsat: " + cpsat.reason());
        Child c = Child.start(dir.resolve("cpsat"), "solve", planted.toString(), "--solver", "cpsat", "--no-local-search");
        c.awaitStdout(line -> line.startsWith("c instance "));
        Thread.sleep(1_500); // past the encoding, into CP-SAT's search (an earlier signal gives the same answer)
        c.signal("INT");
        assertEquals(130, c.awaitExit(), "stderr: " + c.err());
        assertTrue(c.stdoutLines().contains("s UNKNOWN"), String.join("\n", c.stdoutLines()));
    }

    /** A check over many files stops after the current one and summarises the files done; nothing is called a disagreement. */
    @Test
    void sigintStopsACheckAfterTheCurrentFile() throws Exception {
        List<String> args = new ArrayList<>(List.of("check", "3sat-relu"));
        Path cnf = Path.of("src", "test", "resources", "satlib", "uf20-01.cnf");
        for (int i = 0; i < 2_000; i++) args.add(cnf.toString());
        Child c = Child.start(dir.resolve("check"), args.toArray(new String[0]));
        c.awaitStdout(line -> line.endsWith(" agree"));
        c.signal("INT");
        assertEquals(130, c.awaitExit(), "stderr: " + c.err());
        List<String> out = c.stdoutLines();
        String stop = out.stream().filter(l -> l.startsWith("c interrupted after ")).findFirst().orElseThrow(() -> new AssertionError(out));
        int done = Integer.parseInt(stop.split(" ")[3]);
        assertTrue(done > 0 && done < 2_000 && stop.equals("c interrupted after " + done + " of 2000 files"), stop);
        assertEquals(done, out.stream().filter(l -> l.startsWith(cnf.toString())).count(), "one line per file done");
        assertFalse(out.stream().anyMatch(l -> l.contains("DISAGREE")), String.join("\n", out));
        assertTrue(out.get(out.size() - 1).endsWith(" passed, 0 failed"), out.get(out.size() - 1));
    }

    @Test
    void sigintStopsCountWithUnknown() throws Exception {
        Path cnf = RandomCnfFile.write(dir.resolve("slow.cnf"), 500, 1_150, 3);
        Child c = Child.start(dir.resolve("count"), "count", cnf.toString());
        c.awaitStdout(line -> line.startsWith("c variables "));
        c.signal("INT");
        assertEquals(130, c.awaitExit(), "stderr: " + c.err());
        List<String> out = c.stdoutLines();
        assertTrue(out.contains("c cancelled before the count was known"), String.join("\n", out));
        assertTrue(out.contains("s UNKNOWN"), String.join("\n", out));
        assertFalse(out.stream().anyMatch(l -> l.startsWith("c s exact")), String.join("\n", out));
    }

    @Test
    void sigtermStopsBenchAndItsChildJvms() throws Exception {
        Path csv = dir.resolve("bench.csv");
        Child c = Child.start(dir.resolve("bench"), "bench", dir.toString(), "--solvers", "sat4j", "--timeout", "600",
                "--csv", csv.toString(), "--no-plot");
        List<ProcessHandle> children = c.awaitDescendants();
        c.signal("TERM");
        assertEquals(143, c.awaitExit(), "stderr: " + c.err());
        assertTrue(c.err().contains("ermbit bench: interrupted after 0 of 1 runs; none had finished, the same command resumes"), c.err());
        for (ProcessHandle h : children) {
            // bounded only so that a failure cannot hang the build; the kill is immediate
            h.onExit().get(60, TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "child " + h.pid() + " was killed");
        }
        assertEquals(List.of(), Files.exists(csv) ? Files.readAllLines(csv).stream().skip(1).toList() : List.of(), "no row for the interrupted run");
    }

    /**
     * Ctrl-C on a terminal signals the whole process group, the child JVMs included. The bench runs
     * in a process group of its own (setsid) and the group gets SIGINT: the child's answer to the
     * signal ("s UNKNOWN", exit 130) must not become a row — the run did not end, it was stopped.
     */
    @Test
    void ctrlCOnTheWholeProcessGroupLeavesNoRowForTheStoppedRun() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "no setsid here");
        Path csv = dir.resolve("group.csv");
        Child c = Child.start(dir.resolve("group"), List.of("/usr/bin/setsid"), "bench", dir.toString(), "--solvers", "sat4j",
                "--timeout", "600", "--csv", csv.toString(), "--no-plot");
        List<ProcessHandle> children = c.awaitDescendants();
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + c.process().pid()).start();
        assertEquals(0, kill.waitFor(), "kill -INT to the process group");
        assertEquals(130, c.awaitExit(), "stderr: " + c.err());
        assertTrue(c.err().contains("ermbit bench: interrupted after 0 of 1 runs"), c.err());
        for (ProcessHandle h : children) h.onExit().get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), Files.exists(csv) ? Files.readAllLines(csv).stream().skip(1).toList() : List.of(), "no row for the stopped run");
    }

    /**
     * The deterministic half of the process-group case: only the child JVM gets SIGINT. Its answer
     * ("s UNKNOWN", exit 130) is not a result: no row, and the harness stops as if interrupted itself.
     */
    @Test
    void aChildJvmStoppedBySigintGetsNoRowAndStopsTheBench() throws Exception {
        Path csv = dir.resolve("child.csv");
        Child c = Child.start(dir.resolve("child"), "bench", dir.toString(), "--solvers", "sat4j", "--timeout", "600",
                "--csv", csv.toString(), "--no-plot");
        // whenever it comes, SIGINT ends a JVM with status 130: by ermbit's graceful stop, or by the JVM's default handler
        ProcessHandle child = c.awaitDescendants().get(0);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -INT to the child JVM");
        assertEquals(130, c.awaitExit(), "stderr: " + c.err());
        assertTrue(c.err().contains("ermbit bench: interrupted after 0 of 1 runs"), c.err());
        assertEquals(List.of(), Files.exists(csv) ? Files.readAllLines(csv).stream().skip(1).toList() : List.of(), "no row for the stopped run");
    }

    /** Every child started, so that a failed test leaves none running. */
    private static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process p : STARTED) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        STARTED.clear();
    }

    /** An {@code ermbit} child JVM with its output in files. */
    private record Child(Process process, Path out, Path errFile) {
        static Child start(Path work, String... args) throws IOException {
            return start(work, List.of(), args);
        }

        /** Starts {@code ermbit ARGS} behind the {@code prefix} command (e.g. setsid). */
        static Child start(Path work, List<String> prefix, String... args) throws IOException {
            Files.createDirectories(work);
            List<String> cmd = new ArrayList<>(prefix);
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
            cmd.addAll(List.of(args));
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            STARTED.add(p);
            return new Child(p, out, err);
        }

        void awaitStdout(Predicate<String> line) throws Exception {
            await(() -> stdoutLines().stream().anyMatch(line), "the expected stdout line");
        }

        List<ProcessHandle> awaitDescendants() throws Exception {
            await(() -> process.descendants().findAny().isPresent(), "a child JVM");
            return process.descendants().toList();
        }

        void signal(String name) throws Exception {
            assertTrue(process.isAlive(), "still running when signalled; stdout: " + Files.readString(out));
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -" + name);
        }

        int awaitExit() throws Exception {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("no exit after the signal");
            }
            return process.exitValue();
        }

        List<String> stdoutLines() {
            try {
                return Files.readAllLines(out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }

        /** Polls until {@code condition} holds; the bound only keeps a broken child from hanging the build. */
        private void await(java.util.function.BooleanSupplier condition, String what) throws Exception {
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) throw new AssertionError("ended (" + process.exitValue() + ") before " + what + ": " + err());
                if (System.nanoTime() > until) throw new AssertionError("no " + what + " within 5 minutes");
                Thread.sleep(50);
            }
        }
    }
}
