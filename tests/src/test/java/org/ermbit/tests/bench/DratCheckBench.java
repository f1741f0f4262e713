package org.ermbit.tests.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ermbit.core.spi.Limits;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.cnf.DimacsReader;
import org.ermbit.reductions.cnf.DimacsWriter;
import org.ermbit.reductions.cnf.DratChecker;
import org.ermbit.reductions.cnf.ProofCheck;

/**
 * Times CaDiCaL (the {@code cadical} binary on the PATH) against ermbit's checks of the binary DRAT
 * proof it writes, forward and backward one after the other, one Markdown row per formula
 * (docs/BENCHMARKS.md, "Checked DRAT proofs" and "Backward checking"). With
 * {@code -Dermbit.bench.prover=picosat} PicoSAT and its RUP proof ({@code picosat -R}) take CaDiCaL's place.
 * Formulas: {@code php:N} (N pigeons, N − 1 holes), {@code rand3:V:C:SEED} (uniform random 3-SAT),
 * or a DIMACS file.
 *
 * <pre>java -cp cli/target/ermbit.jar:tests/target/test-classes org.ermbit.tests.bench.DratCheckBench php:10 rand3:250:1100:2</pre>
 */
public final class DratCheckBench {
    private DratCheckBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean picosat = System.getProperty("ermbit.bench.prover", "cadical").equals("picosat");
        String prover = picosat ? "picosat" : "cadical";
        DratChecker.Format format = picosat ? DratChecker.Format.RUP : DratChecker.Format.BINARY;
        Path dir = Files.createTempDirectory("ermbit-drat-bench-");
        System.out.println("| formula | variables | clauses | " + prover + ", s | answer | proof, bytes | lemmas | RAT"
                + " | forward check, s | backward: lemmas checked | backward check, s | forward / " + prover + " | backward / " + prover + " |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (String spec : args) {
            Cnf cnf = formula(spec);
            Path in = dir.resolve("f.cnf");
            Path proof = dir.resolve("f.drat");
            Files.writeString(in, DimacsWriter.write(cnf), StandardCharsets.US_ASCII);
            Files.deleteIfExists(proof);
            long t0 = System.nanoTime();
            List<String> command = picosat ? List.of("picosat", "-n", "-R", proof.toString(), in.toString())
                    : List.of("cadical", "-q", in.toString(), proof.toString());
            Process p = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            int exit = p.waitFor();
            double solve = (System.nanoTime() - t0) / 1e9;
            String answer = exit == 20 ? "UNSAT" : exit == 10 ? "SAT" : "exit " + exit;
            String row = "— | — | — | — | — | — | —";
            if (exit == 20) {
                Timed forward = check(cnf, proof, format, DratChecker.Order.FORWARD, spec);
                Timed backward = check(cnf, proof, format, DratChecker.Order.BACKWARD, spec);
                row = String.format("%d | %d | %.2f | %d | %.2f | %.1f | %.1f", forward.v().lemmas(), forward.v().ratLemmas(),
                        forward.seconds(), backward.v().checkedLemmas(), backward.seconds(), forward.seconds() / solve,
                        backward.seconds() / solve);
            }
            System.out.printf("| %s | %d | %d | %.2f | %s | %d | %s |%n", spec, cnf.variables(), cnf.clauses().size(),
                    solve, answer, Files.exists(proof) ? Files.size(proof) : 0, row);
            Files.deleteIfExists(proof);
            Files.delete(in);
        }
        Files.delete(dir);
    }

    /** A verified check and its time. */
    private record Timed(ProofCheck.Verified v, double seconds) {
    }

    private static Timed check(Cnf cnf, Path proof, DratChecker.Format format, DratChecker.Order order, String spec) throws IOException {
        long t1 = System.nanoTime();
        ProofCheck c;
        try (InputStream proofIn = new BufferedInputStream(Files.newInputStream(proof), 1 << 16)) {
            c = DratChecker.check(cnf, List.of(), proofIn, format, order, Limits.none());
        }
        double took = (System.nanoTime() - t1) / 1e9;
        if (!(c instanceof ProofCheck.Verified v)) throw new IllegalStateException(spec + " " + order + ": " + c);
        return new Timed(v, took);
    }

    static Cnf formula(String spec) {
        String[] f = spec.split(":");
        if (f[0].equals("php")) return pigeonhole(Integer.parseInt(f[1]));
        if (f[0].equals("rand3")) return random3Sat(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]));
        return DimacsReader.read(Path.of(spec));
    }

    /** n pigeons in n − 1 holes: every pigeon in some hole, no two in one. */
    static Cnf pigeonhole(int n) {
        List<int[]> clauses = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            int[] c = new int[n - 1];
            for (int h = 0; h < n - 1; h++) c[h] = p * (n - 1) + h + 1;
            clauses.add(c);
        }
        for (int h = 0; h < n - 1; h++) {
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) clauses.add(new int[] {-(p * (n - 1) + h + 1), -(q * (n - 1) + h + 1)});
            }
        }
        return new Cnf(n * (n - 1), clauses);
    }

    static Cnf random3Sat(int vars, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> clauses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int a = 1 + r.nextInt(vars);
            int b;
            do b = 1 + r.nextInt(vars); while (b == a);
            int c;
            do c = 1 + r.nextInt(vars); while (c == a || c == b);
            clauses.add(new int[] {r.nextBoolean() ? a : -a, r.nextBoolean() ? b : -b, r.nextBoolean() ? c : -c});
        }
        return new Cnf(vars, clauses);
    }
}
