package org.ermbit.reductions.export;

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

/** Seeded random tiny IR models for differential tests. */
final class RandomModels {
    private RandomModels() {
    }

    /**
     * A purely Boolean model: 1..6 variables, linear rows (optionally enforced, coefficients
     * sometimes huge), clauses, Boolean products, optionally an objective.
     */
    static Model booleanModel(long seed, boolean enforcement, boolean products, boolean objective) {
        Random r = new Random(seed);
        ModelBuilder b = new ModelBuilder();
        int n = 1 + r.nextInt(6);
        List<Var> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) xs.add(b.newBool(i % 2 == 0 ? "x[" + i + "]" : "b:" + i));
        int m = r.nextInt(5);
        for (int c = 0; c < m; c++) {
            int kind = r.nextInt(products ? 4 : 3);
            if (kind == 0) {
                List<Literal> lits = new ArrayList<>();
                int k = r.nextInt(4);
                for (int j = 0; j < k; j++) lits.add(lit(r, xs));
                b.addClause(lits);
            } else if (kind == 3 && n >= 3) {
                b.addProduct(xs.get(r.nextInt(n)), xs.get(r.nextInt(n)), xs.get(r.nextInt(n)));
            } else {
                LinearExpr.Builder e = LinearExpr.builder();
                int terms = r.nextInt(n + 1);
                BigInteger sum = BigInteger.ZERO;
                for (int j = 0; j < terms; j++) {
                    BigInteger coef = coefficient(r);
                    e.add(coef, xs.get(r.nextInt(n)));
                    sum = sum.add(coef.abs());
                }
                BigInteger rhs = sum.signum() == 0 ? BigInteger.valueOf(r.nextInt(3) - 1)
                        : new BigInteger(sum.bitLength() + 1, r).mod(sum.shiftLeft(1).add(BigInteger.ONE)).subtract(sum);
                Relation rel = Relation.values()[r.nextInt(3)];
                List<Literal> enf = new ArrayList<>();
                if (enforcement) for (int j = r.nextInt(3); j > 0; j--) enf.add(lit(r, xs));
                b.addLinear(e.build(), rel, rhs, enf);
            }
        }
        if (objective) {
            LinearExpr.Builder e = LinearExpr.builder();
            for (Var x : xs) if (r.nextBoolean()) e.add(r.nextInt(21) - 10, x);
            e.addConstant(BigInteger.valueOf(r.nextInt(7) - 3));
            b.minimize(e.build());
        }
        return b.build();
    }

    /** A mixed model: Booleans and small bounded integers, enforced linear rows, clauses, objective. */
    static Model mixedModel(long seed, boolean products) {
        Random r = new Random(seed);
        ModelBuilder b = new ModelBuilder();
        List<Var> bools = new ArrayList<>();
        List<Var> all = new ArrayList<>();
        int nb = 1 + r.nextInt(3), ni = 1 + r.nextInt(3);
        for (int i = 0; i < nb; i++) {
            Var v = b.newBool("p[" + i + "]");
            bools.add(v);
            all.add(v);
        }
        for (int i = 0; i < ni; i++) {
            int lo = r.nextInt(7) - 4;
            all.add(b.newInt("z:" + i, BigInteger.valueOf(lo), BigInteger.valueOf(lo + r.nextInt(5))));
        }
        int m = 1 + r.nextInt(4);
        for (int c = 0; c < m; c++) {
            if (r.nextInt(5) == 0) {
                b.addClause(lit(r, bools), lit(r, bools));
            } else if (products && r.nextInt(4) == 0) {
                b.addProduct(all.get(r.nextInt(all.size())), all.get(r.nextInt(all.size())), all.get(r.nextInt(all.size())));
            } else {
                LinearExpr.Builder e = LinearExpr.builder();
                for (Var v : all) if (r.nextBoolean()) e.add(r.nextInt(11) - 5, v);
                List<Literal> enf = new ArrayList<>();
                for (int j = r.nextInt(3); j > 0; j--) enf.add(lit(r, bools));
                b.addLinear(e.build(), Relation.values()[r.nextInt(3)], BigInteger.valueOf(r.nextInt(13) - 6), enf);
            }
        }
        if (r.nextBoolean()) {
            LinearExpr.Builder e = LinearExpr.builder();
            for (Var v : all) if (r.nextBoolean()) e.add(r.nextInt(9) - 4, v);
            b.minimize(e.build());
        }
        return b.build();
    }

    private static Literal lit(Random r, List<Var> xs) {
        Var v = xs.get(r.nextInt(xs.size()));
        return r.nextBoolean() ? v.lit() : v.not();
    }

    private static BigInteger coefficient(Random r) {
        BigInteger c = switch (r.nextInt(4)) {
            case 0 -> BigInteger.ONE;
            case 1 -> BigInteger.valueOf(1 + r.nextInt(9));
            case 2 -> BigInteger.ONE.shiftLeft(60 + r.nextInt(20)).add(BigInteger.valueOf(r.nextInt(5)));
            default -> BigInteger.valueOf(1 + r.nextInt(100));
        };
        return r.nextBoolean() ? c : c.negate();
    }
}
