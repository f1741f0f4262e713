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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inputs that never end and runs that exhaust the heap: every file a command reads goes through the
 * input size cap (an endless {@code /dev/zero} is one line and exit 2, not an out-of-memory crash),
 * and running out of memory is one line and exit 1, not a stack trace.
 */
class ResourceExhaustionTest {

    /**
     * A background thread that runs out of memory printed the JVM's stack trace on stderr, sometimes
     * before the command's one line; now it prints nothing (the command reports the shortage), and any
     * other failure of a background thread is one line, with the trace only under --debug.
     */
    @Test
    void backgroundThreadsThatFailPrintNoStackTrace() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(text, true);
        Thread worker = new Thread(() -> { }, "ermbit-limit-watcher");
        Main.backgroundFailures(err, false).uncaughtException(worker, new OutOfMemoryError("Java heap space"));
        assertEquals("", text.toString());
        // said once at the end of a run that went on (the local search dying of it is otherwise silent)
        assertTrue(Main.backgroundOutOfMemory().orElseThrow().startsWith("ermbit: warning: thread ermbit-limit-watcher ran out of memory"));
        assertTrue(Main.backgroundOutOfMemory().isEmpty(), "once");
        Main.backgroundFailures(err, false).uncaughtException(worker, new IllegalStateException("broken\nstate"));
        assertEquals(List.of("ermbit: internal error in thread ermbit-limit-watcher: java.lang.IllegalStateException: broken state"),
                text.toString().lines().toList());
        java.io.StringWriter debugText = new java.io.StringWriter();
        Main.backgroundFailures(new java.io.PrintWriter(debugText, true), true).uncaughtException(worker, new IllegalStateException("x"));
        assertTrue(debugText.toString().lines().count() > 1, debugText.toString());
    }

    private static final Path ZERO = Path.of("/dev/zero");

    /** Commands and the position of the file argument that is replaced by an endless or a directory input. */
    static Stream<List<String>> fileReadingCommands() {
        return Stream.of(
                List.of("info", "@"),
                List.of("count", "@"),
                List.of("reduce", "3sat-relu", "@", "-o", "#out.json"),
                List.of("reduce", "sharp3sat-gradbit", "@", "-o", "#out.json"),
                List.of("reduce", "posslp-gradsign", "@", "-o", "#out.json"),
                List.of("check", "3sat-relu", "@"),
                List.of("check", "sharp3sat-gradbit", "@"),
                List.of("check", "posslp-gradsign", "@"),
                List.of("bench", "@", "--solvers", "sat4j", "--no-plot"),
                List.of("bench", "--merge", "@", "-o", "#merged.csv"),
                List.of("bench", "#suite", "--solvers", "sat4j", "--no-plot", "--csv", "@"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileReadingCommands")
    void anEndlessInputIsCutAtTheCap(List<String> command, @TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isReadable(ZERO), "no /dev/zero on this system");
        CliRun r = CliRun.of(arguments(command, ZERO.toString(), dir));
        assertOneLine(r, 2, ZERO + ": file has more than the cap of 67108864 bytes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileReadingCommands")
    void aDirectoryIsNotReadAsAFile(List<String> command, @TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("a-directory"));
        // bench SUITE takes a directory (it reads SUITE/MANIFEST); give it a directory named MANIFEST inside
        boolean suite = command.get(0).equals("bench") && command.get(1).equals("@");
        if (suite) Files.createDirectory(sub.resolve("MANIFEST"));
        CliRun r = CliRun.of(arguments(command, sub.toString(), dir));
        Path named = suite ? sub.resolve("MANIFEST") : sub;
        // bench --csv is checked up front like its other options ("--csv: PATH is a directory")
        assertOneLine(r, 2, named + (command.contains("--csv") ? " is a directory" : ": is a directory, expected "));
    }

    /**
     * A heap far too small for the input: a child JVM with 48 MB counts a 30 MB CNF. The answer is
     * one line naming the cause and the remedy, exit 1 (an internal failure, not bad input).
     */
    @Test
    void runningOutOfMemoryIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
        Path cnf = RandomCnfFile.write(dir.resolve("big.cnf"), 100_000, 1_500_000, 1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "count", cnf.toString())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
        // no time limit on the answer: only a guard against a hung child so the build cannot hang
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not end");
        }
        CliRun r = new CliRun(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
        assertOneLine(r, 1, "ermbit: out of memory (Java heap space); give the JVM more heap, e.g. ERMBIT_JAVA_OPTS=-Xmx8g");
    }

    private static String[] arguments(List<String> command, String file, Path dir) throws IOException {
        List<String> args = new ArrayList<>();
        for (String a : command) {
            if (a.equals("@")) {
                args.add(file);
            } else if (a.equals("#suite")) {
                Path suite = Files.createDirectories(dir.resolve("suite"));
                Files.copy(VerifyAndInfoTest.EXAMPLES.resolve("xor-2-2-1.json"), suite.resolve("xor.json"));
                Files.writeString(suite.resolve("MANIFEST"), "xor.json xor solve sat hand\n");
                args.add(suite.toString());
            } else if (a.startsWith("#")) {
                args.add(dir.resolve(a.substring(1)).toString());
            } else {
                args.add(a);
            }
        }
        return args.toArray(new String[0]);
    }

    /**
     * Bug fixed (session 24): a standard output that fails (a full disk, a closed pipe) lost the answer
     * silently — {@code export -o - > /dev/full} exited 0 and {@code solve} 10. Now one line, exit 2.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("standardOutputCommands")
    void aFailingStandardOutputIsReportedNotLost(List<String> command) {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(command.toArray(String[]::new), new java.io.PrintWriter(full, true), new java.io.PrintWriter(err, true));
        assertOneLine(new CliRun(code, "", err.toString()), 2, "ermbit: cannot write to standard output");
    }

    static Stream<List<String>> standardOutputCommands() {
        String xor = Path.of("..", "instances", "examples", "xor-2-2-1.json").toString();
        return Stream.of(
                List.of("export", xor, "--format", "cnf", "-o", "-"),
                List.of("solve", xor),
                List.of("info", xor),
                List.of("solvers"),
                List.of("count", Path.of("src", "test", "resources", "satlib", "uf20-01.cnf").toString()));
    }

    private static void assertOneLine(CliRun r, int exit, String expected) {
        assertEquals(exit, r.exit(), "exit code; stderr: " + r.err());
        assertFalse(r.out().lines().anyMatch(l -> l.startsWith("s ")), "no answer on stdout: " + r.out());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), "exactly one stderr line: " + r.err());
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + lines.get(0));
        assertFalse(lines.get(0).contains("Exception") || lines.get(0).contains("\tat "), "no stack trace: " + lines.get(0));
    }
}
