package org.ermbit.solvers;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.SolveResult;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.core.spi.Solver;

/** Models that are hard for the backends (for timeout and cancel tests) and helpers to run them. */
public final class HardModels {
    private HardModels() {
    }

    /**
     * The pigeonhole principle for {@code pigeons} pigeons and {@code pigeons − 1} holes in clause
     * form (unsatisfiable; exponential for resolution): each pigeon sits in some hole, no hole holds
     * two pigeons.
     */
    public static Model pigeonholeClauses(int pigeons) {
        int holes = pigeons - 1;
        ModelBuilder b = new ModelBuilder();
        Var[][] x = new Var[pigeons][holes];
        for (int p = 0; p < pigeons; p++) for (int h = 0; h < holes; h++) x[p][h] = b.newBool("p" + p + "h" + h);
        for (int p = 0; p < pigeons; p++) {
            java.util.List<org.ermbit.core.ir.Literal> c = new java.util.ArrayList<>();
            for (int h = 0; h < holes; h++) c.add(x[p][h].lit());
            b.addClause(c);
        }
        for (int h = 0; h < holes; h++) {
            for (int p = 0; p < pigeons; p++) for (int q = p + 1; q < pigeons; q++) b.addClause(x[p][h].not(), x[q][h].not());
        }
        return b.build();
    }

    /**
     * {@link #pigeonholeClauses} as a DIMACS CNF: variable p·holes + h + 1 says pigeon p sits in hole h
     * (for solvers that take a CNF directly).
     */
    public static Cnf pigeonholeCnf(int pigeons) {
        int holes = pigeons - 1;
        java.util.List<int[]> clauses = new java.util.ArrayList<>();
        for (int p = 0; p < pigeons; p++) {
            int[] some = new int[holes];
            for (int h = 0; h < holes; h++) some[h] = p * holes + h + 1;
            clauses.add(some);
        }
        for (int h = 0; h < holes; h++) {
            for (int p = 0; p < pigeons; p++) {
                for (int q = p + 1; q < pigeons; q++) clauses.add(new int[] {-(p * holes + h + 1), -(q * holes + h + 1)});
            }
        }
        return new Cnf(pigeons * holes, clauses);
    }

    /**
     * The pigeonhole principle for {@code pigeons} pigeons and {@code pigeons − 1} holes as linear
     * (pseudo-Boolean) constraints: Σ_h x_ph ≥ 1 for every pigeon, Σ_p x_ph ≤ 1 for every hole.
     */
    public static Model pigeonholeCardinalities(int pigeons) {
        int holes = pigeons - 1;
        ModelBuilder b = new ModelBuilder();
        Var[][] x = new Var[pigeons][holes];
        for (int p = 0; p < pigeons; p++) for (int h = 0; h < holes; h++) x[p][h] = b.newBool("p" + p + "h" + h);
        for (int p = 0; p < pigeons; p++) {
            LinearExpr.Builder sits = LinearExpr.builder();
            for (int h = 0; h < holes; h++) sits.add(1, x[p][h]);
            b.addLinear(sits.build(), Relation.GE, BigInteger.ONE);
        }
        for (int h = 0; h < holes; h++) {
            LinearExpr.Builder holds = LinearExpr.builder();
            for (int p = 0; p < pigeons; p++) holds.add(1, x[p][h]);
            b.addLinear(holds.build(), Relation.LE, BigInteger.ONE);
        }
        return b.build();
    }

    /**
     * Optimisation over the pigeonhole principle: pigeon p sits in some hole or is left out ({@code u_p});
     * no hole holds two pigeons; minimise Σ u_p. The optimum is 1 (one pigeon more than holes), found at
     * once, but proving that 0 is impossible is the pigeonhole principle again: a linear search finds
     * models quickly and cannot finish its proof of optimality.
     */
    public static Model pigeonholeOptimisation(int pigeons) {
        return pigeonholeOptimisation(pigeons, false);
    }

    /**
     * {@link #pigeonholeOptimisation(int)}, with {@code countedInInteger} minimising an integer
     * {@code n ∈ [0, pigeons]} with {@code n ≥ Σ u_p} instead of the sum itself (an arithmetic objective
     * rather than a pseudo-Boolean one).
     */
    public static Model pigeonholeOptimisation(int pigeons, boolean countedInInteger) {
        int holes = pigeons - 1;
        ModelBuilder b = new ModelBuilder();
        Var[][] x = new Var[pigeons][holes];
        Var[] out = new Var[pigeons];
        for (int p = 0; p < pigeons; p++) for (int h = 0; h < holes; h++) x[p][h] = b.newBool("p" + p + "h" + h);
        LinearExpr.Builder objective = LinearExpr.builder();
        for (int p = 0; p < pigeons; p++) {
            out[p] = b.newBool("u" + p);
            objective.add(1, out[p]);
            java.util.List<org.ermbit.core.ir.Literal> c = new java.util.ArrayList<>();
            for (int h = 0; h < holes; h++) c.add(x[p][h].lit());
            c.add(out[p].lit());
            b.addClause(c);
        }
        for (int h = 0; h < holes; h++) {
            for (int p = 0; p < pigeons; p++) for (int q = p + 1; q < pigeons; q++) b.addClause(x[p][h].not(), x[q][h].not());
        }
        if (countedInInteger) {
            Var n = b.newInt("n", BigInteger.ZERO, BigInteger.valueOf(pigeons));
            b.addLinear(objective.add(-1, n).build(), Relation.LE, BigInteger.ZERO);
            b.minimize(LinearExpr.of(n));
        } else {
            b.minimize(objective.build());
        }
        return b.build();
    }

    /**
     * Pigeonhole with integer variables: pigeon p sits in hole {@code h_p ∈ [0, holes−1]}, all
     * different via {@code d_pq → h_p < h_q}, {@code ¬d_pq → h_p > h_q} (unsatisfiable, hard for
     * SMT solvers).
     */
    public static Model pigeonholeInts(int pigeons) {
        int holes = pigeons - 1;
        ModelBuilder b = new ModelBuilder();
        Var[] h = new Var[pigeons];
        for (int p = 0; p < pigeons; p++) h[p] = b.newInt("h" + p, BigInteger.ZERO, BigInteger.valueOf(holes - 1));
        for (int p = 0; p < pigeons; p++) {
            for (int q = p + 1; q < pigeons; q++) {
                Var d = b.newBool("d" + p + "_" + q);
                LinearExpr diff = LinearExpr.builder().add(1, h[p]).add(-1, h[q]).build();
                b.addLinear(diff, Relation.LE, BigInteger.ONE.negate(), java.util.List.of(d.lit()));
                b.addLinear(diff, Relation.GE, BigInteger.ONE, java.util.List.of(d.not()));
            }
        }
        return b.build();
    }

    /**
     * A random 3-SAT formula with {@code vars} variables and {@code clauses} clauses of three distinct
     * variables with random signs (seeded). Above the threshold ratio ≈ 4.26 it is unsatisfiable with
     * high probability and, for a few hundred variables, needs large resolution proofs; it serves as a
     * hard model for solvers that detect pigeonhole structure (CP-SAT finds the at-most-one cliques).
     */
    public static Model randomThreeSat(int vars, int clauses, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        ModelBuilder b = new ModelBuilder();
        Var[] x = new Var[vars];
        for (int i = 0; i < vars; i++) x[i] = b.newBool("x" + i);
        for (int c = 0; c < clauses; c++) {
            int i = rnd.nextInt(vars);
            int j;
            do j = rnd.nextInt(vars); while (j == i);
            int k;
            do k = rnd.nextInt(vars); while (k == i || k == j);
            b.addClause(lit(x[i], rnd.nextBoolean()), lit(x[j], rnd.nextBoolean()), lit(x[k], rnd.nextBoolean()));
        }
        return b.build();
    }

    /**
     * Random Max-3-SAT: the clauses of {@link #randomThreeSat} each relaxed by a fresh Boolean
     * {@code u_c}, minimising Σ u_c. Every assignment of the original variables extends to a model, so
     * models are found at once; proving the optimum of 2000 random clauses over 400 variables is far
     * out of reach within seconds.
     */
    public static Model randomMaxThreeSat(int vars, int clauses, long seed) {
        Model sat = randomThreeSat(vars, clauses, seed);
        ModelBuilder out = new ModelBuilder();
        for (Var v : sat.vars()) out.newVar(v.name(), v.lower(), v.upper(), v.bool());
        LinearExpr.Builder objective = LinearExpr.builder();
        int k = 0;
        for (org.ermbit.core.ir.Constraint c : sat.constraints()) {
            Var u = out.newBool("u" + k++);
            objective.add(1, u);
            java.util.List<org.ermbit.core.ir.Literal> lits = new java.util.ArrayList<>(((org.ermbit.core.ir.Constraint.Clause) c).literals());
            lits.add(u.lit());
            out.addClause(lits);
        }
        out.minimize(objective.build());
        return out.build();
    }

    private static org.ermbit.core.ir.Literal lit(Var v, boolean positive) {
        return positive ? v.lit() : v.not();
    }

    /** Solves with a deadline {@code d} from now and logs the elapsed time. */
    public static SolveResult solveWithTimeout(Solver s, Model m, Duration d) {
        long t0 = System.nanoTime();
        SolveResult r = s.solve(m, Limits.timeout(d));
        System.out.printf("timeout test: %s after %d ms (deadline %d ms)%n", r.status(), (System.nanoTime() - t0) / 1_000_000, d.toMillis());
        return r;
    }

    /** Starts a solve without deadline on another thread, cancels it after {@code after}, returns the result. */
    public static SolveResult solveAndCancel(Solver s, Model m, Duration after) throws Exception {
        CancelToken token = new CancelToken();
        Limits limits = new Limits(java.util.Optional.empty(), token);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            long t0 = System.nanoTime();
            Future<SolveResult> f = ex.submit(() -> s.solve(m, limits));
            Thread.sleep(after.toMillis());
            long t1 = System.nanoTime();
            token.cancel();
            SolveResult r = f.get(120, TimeUnit.SECONDS); // guards against a hang only, not a timing assertion
            System.out.printf("cancel test: %s %s, stopped %d ms after cancel (total %d ms)%n", r.status(), r.reason(),
                    (System.nanoTime() - t1) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
            return r;
        } finally {
            ex.shutdownNow();
        }
    }
}
