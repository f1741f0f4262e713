package org.ermbit.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.solvers.baseline.Baselines;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.Routes;
import org.ermbit.solvers.pipeline.SquaredLossPath;
import org.ermbit.solvers.registry.SolverRegistry;
import picocli.CommandLine.Option;

/** Options shared by {@code solve} and {@code optimize}: backend choice, timeout, encoding choices, witness file, JSON output. */
final class SolverOptions {

    @Option(names = "--solver", paramLabel = "ID", split = ",",
            description = "Backend id (see 'ermbit solvers'), several ids separated by commas to race them, or 'portfolio'. Default: sat4j.")
    List<String> solvers = new ArrayList<>(List.of("sat4j"));

    @Option(names = "--timeout", paramLabel = "S", description = "Wall-clock limit in seconds (decimals allowed). Default: none.")
    String timeout;

    @Option(names = "--cross-check", paramLabel = "ID", split = ",",
            description = "Backends that must confirm an UNSAT answer (a verified witness from any of them is an internal error);"
                    + " sat4j confirms with a DRUP proof, logicng and ext-cadical with a DRAT proof that ermbit checks.")
    List<String> crossCheck = new ArrayList<>();

    @Option(names = "--no-symmetry-breaking", description = "Do not order interchangeable hidden units.")
    boolean noSymmetryBreaking;

    @Option(names = "--refine", description = "Lazy data refinement: decide on a growing subset of the data points (same answers; off by default).")
    boolean refine;

    @Option(names = "--no-local-search", description = "Do not run the local search for witnesses next to the solver "
            + "(it only ever answers SAT, with a verified witness; on by default).")
    boolean noLocalSearch;

    @Option(names = "--squares", paramLabel = "auto|products|cuts",
            description = "How the squared loss's squares reach the backends: auto (each backend's measured default), products "
                    + "(native on nonlinear backends, bit products elsewhere) or cuts (lazy integer tangent cuts). Default: auto.")
    String squares = "auto";

    @Option(names = "--seed", paramLabel = "N", description = "Random seed of the local search (an integer; runs with the same seed "
            + "make the same moves, other seeds may find other witnesses). Default: 1.")
    String seed = Long.toString(ErmOptions.DEFAULT_SEED);

    @Option(names = "--witness", paramLabel = "FILE", description = "Write the verified witness (ermbit-witness/1) to FILE.")
    Path witness;

    @Option(names = "--json", description = "Print one JSON object on stdout instead of the line protocol.")
    boolean json;

    /** The pipeline options; a malformed timeout, squares choice or seed is a usage error. */
    ErmOptions toErmOptions() {
        ErmOptions o = ErmOptions.defaults().withSolvers(solvers).withCrossCheck(crossCheck).withSymmetryBreaking(!noSymmetryBreaking)
                .withRefinement(refine).withLocalSearch(!noLocalSearch).withSquaredLoss(parseSquares(squares)).withSeed(parseSeed(seed));
        if (timeout != null) o = o.withTimeout(parseTimeout(timeout));
        return o;
    }

    /**
     * Usage errors naming the option for solver ids no backend, portfolio or baseline answers to:
     * {@code --solver} takes those of 'ermbit solvers', {@code portfolio} and the baselines;
     * {@code --cross-check} only backends (availability is left to the pipeline, which says why).
     */
    static void checkIds(List<String> solvers, List<String> crossCheck) {
        List<String> backends = SolverRegistry.load().ids();
        List<String> known = new ArrayList<>(backends);
        known.add(Routes.PORTFOLIO);
        known.addAll(Baselines.ids());
        for (String id : solvers) {
            if (!known.contains(id)) throw new UsageException("--solver: unknown solver '" + id + "' (known: " + String.join(", ", known) + ")");
        }
        for (String id : crossCheck) {
            if (!backends.contains(id)) {
                throw new UsageException("--cross-check: unknown backend '" + id + "' (cross-checks take backend ids: "
                        + String.join(", ", backends) + ")");
            }
        }
    }

    static SquaredLossPath parseSquares(String text) {
        return switch (text) {
            case "auto" -> SquaredLossPath.AUTO;
            case "products" -> SquaredLossPath.PRODUCTS;
            case "cuts" -> SquaredLossPath.TANGENT_CUTS;
            default -> throw new UsageException("--squares: '" + text + "' is not one of auto, products, cuts");
        };
    }

    static long parseSeed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed: '" + text + "' is not an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        }
    }

    static Duration parseTimeout(String text) {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout: '" + text + "' is not a number of seconds");
        }
        if (seconds.signum() <= 0) throw new UsageException("--timeout: must be positive, got " + text);
        if (seconds.compareTo(BigDecimal.valueOf(10_000_000)) > 0) throw new UsageException("--timeout: " + text + " seconds is too long");
        return Duration.ofMillis(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    }
}
