package org.ermbit.cli;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.DimacsReader;
import org.ermbit.solvers.count.ComponentCounter;
import org.ermbit.solvers.count.CountProgress;
import org.ermbit.solvers.count.CountResult;
import org.ermbit.solvers.count.CountStats;
import org.ermbit.solvers.count.CountStatus;
import org.ermbit.solvers.count.ModelCounter;
import org.ermbit.solvers.count.ModelCounters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit count FILE.cnf}: exact model count of a DIMACS CNF in the Model Counting
 * Competition output style (DESIGN §9): {@code s SATISFIABLE} / {@code s UNSATISFIABLE},
 * {@code c s type mc}, {@code c s exact arb int N}; {@code s UNKNOWN} when the timeout passes first.
 * Exit 0 in all three cases; malformed input exits 2 with one line naming file and line.
 */
@Command(name = "count", description = "Exact model count of a DIMACS CNF (Model Counting Competition output).")
public final class CountCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.cnf", description = "DIMACS CNF file")
    Path file;

    @Option(names = "--counter", paramLabel = "ID", defaultValue = "component",
            description = "component (DPLL + components + cache) or logicng (DNNF cross-check). Default: component.")
    String counter;

    @Option(names = "--timeout", paramLabel = "S", description = "Wall-clock limit in seconds (decimals allowed). Default: none.")
    String timeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelCounter mc = ModelCounters.byId(counter).orElseThrow(() -> new UsageException(
                "--counter: unknown counter '" + counter + "' (known: " + String.join(", ", ModelCounters.ids()) + ")"));
        Optional<Instant> deadline = Optional.ofNullable(timeout)
                .map(t -> Instant.now().plus(SolverOptions.parseTimeout(t)));
        DimacsReader.Parsed parsed = DimacsReader.readWithWarnings(file);
        CnfInputs.requirePlainCount(parsed, file, "ermbit count computes plain model counts");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("c ermbit count " + PrintableText.oneLine(file.toString()));
        out.println("c counter " + mc.id());
        out.println("c variables " + parsed.cnf().variables() + ", clauses " + parsed.cnf().clauses().size());
        for (String w : parsed.warnings()) out.println("c warning: " + w);
        out.flush();
        Limits limits = new Limits(deadline, new CancelToken());
        boolean console = StandardError.isTerminal();
        CountResult r;
        // the component counter reports statistics; for the others a ticker shows elapsed time
        ProgressTicker ticker = mc.id().equals(ComponentCounter.ID) ? null : ProgressTicker.start(err, "count");
        // an interrupt (SIGINT / SIGTERM through SignalStop) cancels the count (ModelCounter's contract): s UNKNOWN
        try {
            r = mc.count(parsed.cnf(), limits, console ? stats -> progress(err, stats) : CountProgress.NONE);
        } finally {
            if (ticker != null) ticker.close();
        }
        if (console && ticker == null) {
            err.print("\r\033[K");
            err.flush();
        }
        out.println("c time " + Seconds.of(r.stats().elapsed()) + " s");
        if (r.stats().decisions() > 0 || r.stats().components() > 0) out.println("c stats " + r.stats().summary());
        if (r.status() != CountStatus.COUNTED) {
            out.println("c " + (r.status() == CountStatus.TIMEOUT ? "timeout" : "cancelled") + " before the count was known");
            out.println("s UNKNOWN");
            out.println("c s type mc");
            out.flush();
            return 0;
        }
        BigInteger n = r.exactCount();
        out.println(n.signum() > 0 ? "s SATISFIABLE" : "s UNSATISFIABLE");
        out.println("c s type mc");
        out.println("c s exact arb int " + n);
        out.flush();
        return 0;
    }

    private static void progress(PrintWriter err, CountStats stats) {
        err.print("\r\033[Kermbit count: " + Seconds.of(stats.elapsed()) + " s, " + stats.summary());
        err.flush();
    }
}
