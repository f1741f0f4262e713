package org.ermbit.tests.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ermbit.core.generate.PlantedTeacher;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;

/**
 * In-process timing of the NP route on planted teachers (docs/BENCHMARKS.md, "NP route: planted
 * teachers"). Usage: {@code java -cp cli/target/ermbit.jar:tests/target/test-classes
 * org.ermbit.tests.bench.NpRouteBench INPUTS HIDDEN BITS POINTS SEEDS SOLVER SYMMETRY(on|off) TIMEOUT_S [NOISY]}.
 * Prints one row per seed and the median (an unsolved run counts as the timeout). NOISY targets shifted
 * by ±1 make most instances UNSAT at threshold 0 (then UNSAT counts as solved). The local search for witnesses
 * runs next to the solver, as in the default configuration; {@code -Dermbit.bench.noLocalSearch=true} turns it off,
 * {@code -Dermbit.bench.searchSeed=K} gives it seed K (default 1, as {@code --seed}).
 */
public final class NpRouteBench {

    private NpRouteBench() {
    }

    public static void main(String[] args) {
        int inputs = Integer.parseInt(args[0]);
        int hidden = Integer.parseInt(args[1]);
        int bits = Integer.parseInt(args[2]);
        int points = Integer.parseInt(args[3]);
        int seeds = Integer.parseInt(args[4]);
        String solver = args[5];
        boolean sym = args[6].equals("on");
        int timeout = Integer.parseInt(args[7]);
        int noisy = args.length > 8 ? Integer.parseInt(args[8]) : 0;
        boolean localSearch = !Boolean.getBoolean("ermbit.bench.noLocalSearch");
        ErmOptions opts = ErmOptions.defaults().withSolvers(List.of(solver)).withSymmetryBreaking(sym).withTimeout(Duration.ofSeconds(timeout))
                .withLocalSearch(localSearch).withSeed(Long.getLong("ermbit.bench.searchSeed", ErmOptions.DEFAULT_SEED));
        List<Double> times = new ArrayList<>();
        int solved = 0;
        for (long s = 1; s <= seeds; s++) {
            ErmInstance inst = PlantedTeacher.generate(new PlantedTeacher.Spec(inputs, hidden, bits, points, 3, noisy, s));
            ErmResult r = new ErmSolver(opts).decide(inst);
            double t = r.time().toMillis() / 1000.0;
            boolean ok = r.outcome() == ErmResult.Outcome.SAT || r.outcome() == ErmResult.Outcome.UNSAT;
            if (ok) solved++;
            times.add(ok ? t : timeout);
            System.out.printf("%s solver=%s sym=%s local-search=%s outcome=%s time=%.2fs by=%s%n", inst.name(), solver, sym ? "on" : "off",
                    localSearch ? "on" : "off", r.outcome(), t, String.join(",", r.provenance()));
        }
        Collections.sort(times);
        System.out.printf("SUMMARY %d-%d-1 b%d n%d noisy=%d solver=%s sym=%s solved=%d/%d median=%.2fs%n", inputs, hidden, bits, points, noisy, solver,
                sym ? "on" : "off", solved, seeds, times.get(times.size() / 2));
    }
}
