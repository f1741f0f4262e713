package org.ermbit.solvers.count;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;

/**
 * Benchmark (not a test): the component counter at several elimination widths on CNF files and
 * seeded random 3-CNFs at ratio 1.5, one line per run. Arguments: files, or {@code rN-S} for the
 * random formula with N variables, 1.5·N clauses and seed S. Properties: {@code widths}
 * (comma-separated, -1 = branching only; default -1,14), {@code threads} (default 1),
 * {@code timeout} (seconds, default 120). Numbers are in docs/BENCHMARKS.md "Model counting".
 */
public final class EliminationWidthBench {
    private EliminationWidthBench() {
    }

    /** The random 3-CNF named {@code rN-S}: 3 distinct variables per clause, random signs. */
    static Cnf random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + n);
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < n * 3 / 2; i++) {
            int[] c = rnd.ints(1, n + 1).distinct().limit(3).toArray();
            for (int k = 0; k < 3; k++) if (rnd.nextBoolean()) c[k] = -c[k];
            clauses.add(c);
        }
        return new Cnf(n, clauses);
    }

    public static void main(String[] args) {
        int threads = Integer.getInteger("threads", 1);
        long timeout = Long.getLong("timeout", 120);
        String[] widths = System.getProperty("widths", "-1,14").split(",");
        System.out.println("formula\twidth\tthreads\tcount\tdecisions\teliminated\tseconds");
        for (String a : args) {
            Cnf cnf;
            if (a.matches("r[0-9]+-[0-9]+")) {
                String[] p = a.substring(1).split("-");
                cnf = random(Integer.parseInt(p[0]), Long.parseLong(p[1]));
            } else {
                cnf = DimacsReader.read(Path.of(a));
            }
            for (String w : widths) {
                long t0 = System.nanoTime();
                CountResult r = new ComponentCounter(Runtime.getRuntime().maxMemory() / 3, threads, Integer.parseInt(w))
                        .count(cnf, Limits.timeout(Duration.ofSeconds(timeout)), CountProgress.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                String count = r.status() == CountStatus.COUNTED ? r.exactCount().toString() : r.status().toString();
                System.out.printf("%s\t%s\t%d\t%s\t%d\t%d\t%.2f%n", Path.of(a).getFileName(), w, threads, count,
                        r.stats().decisions(), r.stats().eliminated(), seconds);
            }
        }
    }
}
