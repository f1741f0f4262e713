package org.ermbit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.ermbit.core.format.InputException;
import org.ermbit.core.format.PrintableText;
import org.ermbit.solvers.pipeline.ExactnessViolation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ermbit} command: dispatches to subcommands and maps failures to the exit-code contract
 * of DESIGN §9 (usage and input errors: one line on stderr, exit 2; internal errors: exit 1, stack
 * trace only with {@code --debug}).
 */
@Command(name = "ermbit", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Exact empirical risk minimisation in the bit model (ERM_bit).",
        subcommands = {
            CommandLine.HelpCommand.class,
            SolveCommand.class,
            OptimizeCommand.class,
            SolversCommand.class,
            VerifyCommand.class,
            InfoCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            ExportCommand.class,
            ReduceCommand.class,
            CheckCommand.class,
            CountCommand.class,
        })
public final class Main implements Runnable {

    /** Exit code for usage and input errors. */
    public static final int EXIT_INPUT = 2;
    /** Exit code of a command stopped by an interrupt that has no answer line to give (bench); as for SIGINT. */
    public static final int EXIT_INTERRUPTED = 130;
    /** Exit code for internal errors. */
    public static final int EXIT_INTERNAL = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of internal errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try ermbit --help)");
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Thread.setDefaultUncaughtExceptionHandler(backgroundFailures(err, List.of(args).contains("--debug")));
        int code;
        try (SignalStop stop = SignalStop.install(Thread.currentThread(), err)) {
            code = run(args, new PrintWriter(System.out, true), err);
        }
        System.exit(code);
    }

    /** The name of a background thread that died of running out of memory, if one did. */
    private static final AtomicReference<String> BACKGROUND_OUT_OF_MEMORY = new AtomicReference<>();

    /**
     * What a thread of the run that dies of an uncaught throwable prints: nothing at once for running out
     * of memory (the JVM's own report was a stack trace, sometimes before the command's line): the run
     * says it once at the end, unless the command itself ran out of memory and said so; one line for
     * anything else, with the stack trace under --debug.
     */
    static Thread.UncaughtExceptionHandler backgroundFailures(PrintWriter err, boolean debug) {
        return (thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                BACKGROUND_OUT_OF_MEMORY.compareAndSet(null, thread.getName());
                return;
            }
            err.println("ermbit: internal error in thread " + PrintableText.oneLine(thread.getName()) + ": "
                    + PrintableText.oneLine(String.valueOf(e)));
            if (debug) e.printStackTrace(err);
        };
    }

    /** The warning for a background thread that ran out of memory while the command went on, if one did. */
    static Optional<String> backgroundOutOfMemory() {
        return Optional.ofNullable(BACKGROUND_OUT_OF_MEMORY.getAndSet(null)).map(t -> "ermbit: warning: thread "
                + PrintableText.oneLine(t) + " ran out of memory and stopped (what was printed is still exact); give the JVM"
                + " more heap, e.g. ERMBIT_JAVA_OPTS=-Xmx8g ./ermbit …");
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            int code = cl.execute(args);
            backgroundOutOfMemory().ifPresent(err::println);
            if (out.checkError()) {
                // a PrintWriter swallows write errors: without this a full disk or a closed pipe lost the
                // answer while the exit code still reported it
                err.println("ermbit: cannot write to standard output (a full disk or a closed pipe?); the output is lost");
                return EXIT_INPUT;
            }
            return code;
        } catch (OutOfMemoryError e) {
            // Errors pass picocli's handlers; the work's memory is unreachable again once the stack has unwound
            backgroundOutOfMemory(); // this line says it
            err.println("ermbit: out of memory (" + PrintableText.oneLine(String.valueOf(e.getMessage()))
                    + "); give the JVM more heap, e.g. ERMBIT_JAVA_OPTS=-Xmx8g ./ermbit …");
            return EXIT_INTERNAL;
        } catch (StackOverflowError e) {
            err.println("ermbit: internal error: stack overflow; give threads a larger stack, e.g. ERMBIT_JAVA_OPTS=-Xss64m ./ermbit …");
            return EXIT_INTERNAL;
        }
    }

    /** The configured picocli command line (subcommands, error handlers). */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("ermbit: " + ArgumentErrors.message(ex));
            return EXIT_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof InputException ie) {
                err.println("ermbit: " + ie.oneLine());
                return EXIT_INPUT;
            }
            if (ex instanceof UsageException ue) {
                err.println("ermbit: " + PrintableText.oneLine(ue.getMessage()));
                return EXIT_INPUT;
            }
            if (ex instanceof ExactnessViolation ev) {
                err.println("ermbit: internal error: exactness check failed: " + PrintableText.oneLine(ev.getMessage()));
                if (main.debug) ex.printStackTrace(err);
                return EXIT_INTERNAL;
            }
            err.println("ermbit: internal error: " + PrintableText.oneLine(String.valueOf(ex)));
            if (main.debug) ex.printStackTrace(err);
            return EXIT_INTERNAL;
        });
        return cl;
    }
}
