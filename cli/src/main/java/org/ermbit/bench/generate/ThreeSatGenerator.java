package org.ermbit.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ermbit.bench.ExpectedAnswer;
import org.ermbit.bench.Mode;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.hardness.ThreeSatToRelu;

/**
 * Family {@code 3sat}: a seeded uniform random 3-CNF (each clause: three distinct variables, random
 * signs) reduced to ReLU ERM_bit by {@link ThreeSatToRelu}. The expected answer is computed
 * independently of the reduction, by enumerating all 2^n assignments of the CNF (n ≤
 * {@value #MAX_ENUMERATED_VARS}); for a satisfiable formula the reduction's forward map of the found
 * assignment must be accepted by the exact verifier (a check of the reduction, not a label source).
 */
public final class ThreeSatGenerator {
    /** Largest variable count whose CNF is labelled by enumeration. */
    public static final int MAX_ENUMERATED_VARS = 26;

    private ThreeSatGenerator() {
    }

    /** e.g. {@code 3sat-relu-v20-c91-s1}. */
    public static String name(int vars, int clauses, long seed) {
        return "3sat-relu-v" + vars + "-c" + clauses + "-s" + seed;
    }

    /** The seeded random 3-CNF. */
    public static Cnf randomCnf(int vars, int clauses, long seed) {
        if (vars < 3 || vars > 62 || clauses < 1) throw new IllegalArgumentException("3sat: need 3 <= vars <= 62 and clauses >= 1");
        SplittableRandom rnd = new SplittableRandom(seed);
        List<int[]> cs = new ArrayList<>();
        for (int c = 0; c < clauses; c++) {
            int a = 1 + rnd.nextInt(vars);
            int b;
            do {
                b = 1 + rnd.nextInt(vars);
            } while (b == a);
            int d;
            do {
                d = 1 + rnd.nextInt(vars);
            } while (d == a || d == b);
            cs.add(new int[] {rnd.nextBoolean() ? a : -a, rnd.nextBoolean() ? b : -b, rnd.nextBoolean() ? d : -d});
        }
        return new Cnf(vars, cs);
    }

    /** A satisfying assignment (index 1..n) found by enumerating all assignments, or empty if there is none. */
    public static Optional<boolean[]> enumerate(Cnf cnf) {
        int n = cnf.variables();
        if (n > MAX_ENUMERATED_VARS) throw new IllegalArgumentException("too many variables to enumerate: " + n);
        int m = cnf.clauses().size();
        long[] pos = new long[m];
        long[] neg = new long[m];
        for (int c = 0; c < m; c++) {
            for (int lit : cnf.clauses().get(c)) {
                if (lit > 0) pos[c] |= 1L << (lit - 1);
                else neg[c] |= 1L << (-lit - 1);
            }
        }
        for (long a = 0; a < (1L << n); a++) {
            boolean all = true;
            for (int c = 0; c < m && all; c++) all = (a & pos[c]) != 0 || (~a & neg[c]) != 0;
            if (all) {
                boolean[] out = new boolean[n + 1];
                for (int v = 1; v <= n; v++) out[v] = ((a >> (v - 1)) & 1) != 0;
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    public static Generated generate(int vars, int clauses, long seed) {
        Cnf cnf = randomCnf(vars, clauses, seed);
        ThreeSatToRelu reduction = new ThreeSatToRelu();
        ErmInstance r = reduction.reduce(cnf);
        ErmInstance inst = new ErmInstance(name(vars, clauses, seed), Optional.of("uniform random 3-CNF (" + vars + " variables, "
                + clauses + " clauses, seed " + seed + ") reduced by 3sat-relu; feasible iff the CNF is satisfiable"),
                r.architecture(), r.domains(), r.fixed(), r.loss(), r.threshold(), r.data(), Optional.empty());
        Optional<Label> label = Optional.empty();
        Optional<NetworkParameters> planted = Optional.empty();
        if (vars <= MAX_ENUMERATED_VARS) {
            Optional<boolean[]> model = enumerate(cnf);
            if (model.isPresent()) {
                NetworkParameters p = reduction.forward(cnf, inst, model.get());
                if (!Verifier.verify(inst, p).accepted()) {
                    throw new IllegalStateException("3sat-relu: the image of a satisfying assignment is refuted for " + inst.name());
                }
                planted = Optional.of(p);
            }
            label = Optional.of(new Label(model.isPresent() ? ExpectedAnswer.sat() : ExpectedAnswer.unsat(), "cnf-enumeration"));
        }
        return new Generated(inst, "3sat", Mode.SOLVE, planted, label);
    }
}
