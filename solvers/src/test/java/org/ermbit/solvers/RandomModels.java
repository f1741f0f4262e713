package org.ermbit.solvers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;

/** Seeded generator of tiny random IR models for differential tests against {@link BruteForce}. */
public final class RandomModels {
    /** Which constraint shapes to generate. */
    public enum Shape {
        /** 0/1 variables, unenforced linear constraints, clauses (for pseudo-Boolean backends). */
        PSEUDO_BOOLEAN,
        /** Booleans and small-range integers, enforced linear constraints, clauses. */
        LIA,
        /** LIA plus products. */
        NIA
    }

    private RandomModels() {
    }

    /** A random model; about half of them carry an objective when {@code withObjective}. */
    public static Model generate(long seed, Shape shape, boolean withObjective) {
        Random r = new Random(seed);
        ModelBuilder b = new ModelBuilder();
        List<Var> bools = new ArrayList<>();
        List<Var> all = new ArrayList<>();
        boolean pb = shape == Shape.PSEUDO_BOOLEAN;
        int nb = pb ? 3 + r.nextInt(6) : 1 + r.nextInt(4);
        int ni = pb ? 0 : r.nextInt(4);
        for (int i = 0; i < nb; i++) {
            Var v = b.newBool("b" + i);
            bools.add(v);
            all.add(v);
        }
        for (int i = 0; i < ni; i++) {
            int lo = -3 + r.nextInt(4);
            int hi = lo + r.nextInt(5);
            all.add(b.newInt("x" + i, BigInteger.valueOf(lo), BigInteger.valueOf(hi)));
        }
        int nc = 1 + r.nextInt(pb ? 6 : 5);
        for (int c = 0; c < nc; c++) {
            int kind = r.nextInt(shape == Shape.NIA ? 4 : 3);
            if (kind == 0) {
                int len = 1 + r.nextInt(3);
                List<Literal> lits = new ArrayList<>();
                for (int i = 0; i < len; i++) {
                    Var v = bools.get(r.nextInt(bools.size()));
                    lits.add(r.nextBoolean() ? v.lit() : v.not());
                }
                b.addClause(lits);
            } else if (kind == 3) {
                b.addProduct(all.get(r.nextInt(all.size())), all.get(r.nextInt(all.size())), all.get(r.nextInt(all.size())));
            } else {
                LinearExpr.Builder e = LinearExpr.builder();
                int len = 1 + r.nextInt(Math.min(4, all.size()));
                for (int i = 0; i < len; i++) e.add(r.nextInt(9) - 4, all.get(r.nextInt(all.size())));
                LinearExpr expr = e.build();
                Relation rel = Relation.values()[r.nextInt(3)];
                BigInteger rhs = BigInteger.valueOf(r.nextInt(7) - 3);
                List<Literal> enf = new ArrayList<>();
                if (!pb && r.nextBoolean()) {
                    int k = 1 + r.nextInt(2);
                    for (int i = 0; i < k; i++) {
                        Var v = bools.get(r.nextInt(bools.size()));
                        enf.add(r.nextBoolean() ? v.lit() : v.not());
                    }
                }
                b.addLinear(expr, rel, rhs, enf);
            }
        }
        if (withObjective && r.nextBoolean()) {
            LinearExpr.Builder e = LinearExpr.builder();
            for (Var v : all) if (r.nextInt(3) > 0) e.add(r.nextInt(11) - 5, v);
            e.addConstant(BigInteger.valueOf(r.nextInt(5) - 2));
            b.minimize(e.build());
        }
        return b.build();
    }
}
