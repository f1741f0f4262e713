package org.ermbit.tests.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.core.spi.Solver;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.lower.Lowerings;
import org.ermbit.solvers.sat4j.Sat4jConfig;
import org.ermbit.solvers.sat4j.Sat4jProofs;
import org.ermbit.solvers.sat4j.Sat4jProvider;

/**
 * What Sat4j's checked proofs cost (docs/BENCHMARKS.md, "Checked DRUP proofs of Sat4j"): for each
 * instance file, the question "loss ≤ threshold" (encoded with symmetry breaking, lowered for sat4j)
 * is solved by sat4j alone, without proofs, then with proofs recorded and checked forward, then with
 * the default ({@link Sat4jProofs#CHECK}: backward for proofs that fit), one after the other in one JVM. Usage: {@code java -cp cli/target/ermbit.jar:tests/target/test-classes
 * org.ermbit.tests.bench.Sat4jProofBench TIMEOUT_S FILE...}. Prints per run the status, the wall time
 * of the solve (including the check), and the proof's size, lemmas and check time.
 */
public final class Sat4jProofBench {

    private Sat4jProofBench() {
    }

    public static void main(String[] args) {
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[0]));
        System.out.println("| instance | proofs | status | solve + check (s) | proof (MB) | lemmas checked / read | check (s) |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        for (int k = 1; k < args.length; k++) {
            ErmInstance inst = InstanceReader.read(Path.of(args[k]));
            Model m = ErmEncoder.encode(inst, new EncoderOptions(true)).atMost(inst.threshold()).model();
            for (Sat4jProofs proofs : Sat4jProofs.values()) {
                Sat4jProvider provider = new Sat4jProvider(Sat4jConfig.DEFAULT, proofs);
                Model low = Lowerings.forCapabilities(provider.capabilities()).apply(m).model();
                Instant start = Instant.now();
                SolveResult r;
                try (Solver s = provider.create()) {
                    r = s.solve(low, Limits.timeout(timeout));
                }
                long ms = Duration.between(start, Instant.now()).toMillis();
                String bytes = r.stats().get("proof.bytes");
                String lemmas = r.stats().containsKey("proof.lemmas checked")
                        ? r.stats().get("proof.lemmas checked") + " / " + r.stats().get("proof.lemmas") : r.reason();
                System.out.printf("| %s | %s | %s | %d.%03d | %s | %s | %s |%n", inst.name(), r.stats().getOrDefault("proof.check", proofs.optionName()),
                        r.status(), ms / 1000, ms % 1000, bytes == null ? "" : megabytes(Long.parseLong(bytes)), lemmas,
                        r.stats().getOrDefault("proof.check time", "").replace(" s", ""));
            }
        }
    }

    /** Bytes as MB with one decimal, in integer arithmetic. */
    private static String megabytes(long bytes) {
        long tenths = (bytes * 10 + 500_000) / 1_000_000;
        return tenths / 10 + "." + tenths % 10;
    }
}
