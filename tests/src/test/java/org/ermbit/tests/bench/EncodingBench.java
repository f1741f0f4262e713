package org.ermbit.tests.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.generate.PlantedTeacher;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.SolverProvider;
import org.ermbit.core.spi.Status;
import org.ermbit.core.spi.Solver;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.lower.Lowered;
import org.ermbit.reductions.lower.Lowerings;
import org.ermbit.solvers.registry.SolverRegistry;

/**
 * Compares encoder options on planted teachers in one process (docs/BENCHMARKS.md, "NP route:
 * planted teachers"): for each seed, every variant is run back to back (same load). Usage:
 * {@code java -cp cli/target/ermbit.jar:tests/target/test-classes org.ermbit.tests.bench.EncodingBench
 * INPUTS HIDDEN BITS POINTS SEEDS SOLVER TIMEOUT_S LIMIT...} where each LIMIT is a
 * configuration limit (0 = no first-layer selection; −1 = first-layer-aware products instead). Time = encode + lower + solve; a SAT answer
 * is decoded and checked by the exact verifier (a rejected witness aborts the run).
 */
public final class EncodingBench {

    private EncodingBench() {
    }

    public static void main(String[] args) {
        int inputs = Integer.parseInt(args[0]);
        int hidden = Integer.parseInt(args[1]);
        int bits = Integer.parseInt(args[2]);
        int points = Integer.parseInt(args[3]);
        int seeds = Integer.parseInt(args[4]);
        SolverProvider provider = SolverRegistry.load().byId(args[5]);
        int timeout = Integer.parseInt(args[6]);
        List<Integer> limits = new ArrayList<>();
        for (int k = 7; k < args.length; k++) limits.add(Integer.parseInt(args[k]));
        List<List<Double>> times = new ArrayList<>();
        int[] solved = new int[limits.size()];
        for (int v = 0; v < limits.size(); v++) times.add(new ArrayList<>());
        for (long s = 1; s <= seeds; s++) {
            ErmInstance inst = PlantedTeacher.generate(new PlantedTeacher.Spec(inputs, hidden, bits, points, 3, 0, s));
            for (int v = 0; v < limits.size(); v++) {
                Instant start = Instant.now();
                Encoding enc = ErmEncoder.encode(inst, new EncoderOptions(true, limits.get(v) > 0 ? limits.get(v) : 0, limits.get(v) < 0)).atMost(inst.threshold());
                Model m = enc.model();
                Lowered low = Lowerings.forCapabilities(provider.capabilities()).apply(m);
                SolveResult r;
                try (Solver solver = provider.create()) {
                    r = solver.solve(low.model(), Limits.timeout(Duration.ofSeconds(timeout).minus(Duration.between(start, Instant.now()))));
                }
                double t = Duration.between(start, Instant.now()).toMillis() / 1000.0;
                if (r.status() == Status.SAT) {
                    Assignment a = low.lift().lift(r.model().orElseThrow());
                    NetworkParameters p = enc.decodeParameters(a);
                    if (!m.isSatisfiedBy(a) || !Verifier.verify(inst, p).accepted() || !ActivationPattern.of(inst, p).equals(enc.decodePattern(a))) {
                        throw new IllegalStateException("witness rejected: " + inst.name() + " limit " + limits.get(v));
                    }
                }
                boolean ok = r.status() == Status.SAT || r.status() == Status.UNSAT;
                if (ok) solved[v]++;
                times.get(v).add(ok ? t : timeout);
                System.out.printf("%s limit=%d status=%s time=%.2fs size=%s%n", inst.name(), limits.get(v), r.status(), t, Encoding.summary(low.model()));
            }
        }
        for (int v = 0; v < limits.size(); v++) {
            List<Double> ts = times.get(v);
            Collections.sort(ts);
            System.out.printf("SUMMARY %d-%d-1 b%d n%d solver=%s limit=%d solved=%d/%d median=%.2fs%n", inputs, hidden, bits, points,
                    provider.id(), limits.get(v), solved[v], seeds, ts.get(ts.size() / 2));
        }
    }
}
