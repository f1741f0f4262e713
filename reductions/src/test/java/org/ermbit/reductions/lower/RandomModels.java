package org.ermbit.reductions.lower;

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

/**
 * Seeded random tiny IR models for the lowering tests: Booleans, integers with negative bounds
 * and (optionally) bounds beyond 2^63, linear constraints with enforcement literals, clauses,
 * constant constraints, Boolean-defined integers, products and squares (with exact or narrowed
 * result bounds) and an optional objective. Small enough for {@link ModelEnumerator}.
 */
final class RandomModels {

    static final BigInteger HUGE = BigInteger.ONE.shiftLeft(64);
    static final BigInteger HUGE_COEF = BigInteger.ONE.shiftLeft(70);

    /** Which features a generated model uses. */
    record Features(boolean products, boolean hugeFactors, boolean hugeLinear) {
    }

    private RandomModels() {
    }

    static Model create(long seed, Features f) {
        Random r = new Random(seed);
        ModelBuilder b = new ModelBuilder();
        List<Var> bools = new ArrayList<>();
        List<Var> ints = new ArrayList<>();
        List<Var> factors = new ArrayList<>();
        int nb = 1 + r.nextInt(3);
        int ni = 1 + r.nextInt(3);
        for (int i = 0; i < nb; i++) bools.add(b.newBool((r.nextInt(4) == 0 ? Var.AUX_PREFIX : "") + "b" + i));
        for (int i = 0; i < ni; i++) {
            int kind = r.nextInt(f.hugeLinear() || f.hugeFactors() ? 5 : 3);
            BigInteger lo = switch (kind) {
                case 0 -> BigInteger.ZERO;
                case 1 -> BigInteger.valueOf(-1 - r.nextInt(4));
                case 2 -> BigInteger.valueOf(r.nextInt(7) - 4);
                case 3 -> HUGE.add(BigInteger.valueOf(r.nextInt(3) - 1));
                default -> HUGE_COEF.negate().subtract(BigInteger.valueOf(r.nextInt(3)));
            };
            BigInteger hi = lo.add(BigInteger.valueOf(1 + r.nextInt(kind >= 3 ? 3 : 4)));
            Var x = b.newInt("x" + i, lo, hi);
            ints.add(x);
            if (kind < 3 || f.hugeFactors()) factors.add(x);
        }
        factors.addAll(bools);
        List<Var> all = new ArrayList<>(bools);
        all.addAll(ints);
        if (f.products()) {
            int np = 1 + r.nextInt(2);
            for (int k = 0; k < np; k++) {
                Var x = factors.get(r.nextInt(factors.size()));
                Var y = r.nextInt(3) == 0 ? x : factors.get(r.nextInt(factors.size()));
                BigInteger[] c = {x.lower().multiply(y.lower()), x.lower().multiply(y.upper()),
                        x.upper().multiply(y.lower()), x.upper().multiply(y.upper())};
                BigInteger lo = c[0].min(c[1]).min(c[2]).min(c[3]);
                BigInteger hi = c[0].max(c[1]).max(c[2]).max(c[3]);
                if (x == y && x.lower().signum() < 0 && x.upper().signum() > 0) lo = BigInteger.ZERO;
                if (r.nextInt(3) == 0 && hi.subtract(lo).compareTo(BigInteger.TWO) >= 0) {
                    // narrower result bounds than the product's range: the lowering must keep them
                    if (r.nextBoolean()) lo = lo.add(BigInteger.ONE);
                    else hi = hi.subtract(BigInteger.ONE);
                }
                Var p = b.newInt("p" + k, lo, hi);
                b.addProduct(p, x, y);
                all.add(p);
            }
        }
        if (r.nextInt(3) == 0 && !ints.isEmpty()) {
            // an integer defined by Booleans: x − Σ c·b = k
            Var x = ints.get(r.nextInt(ints.size()));
            LinearExpr.Builder e = LinearExpr.builder().add(BigInteger.ONE, x);
            for (Var bv : bools) e.add(BigInteger.valueOf(r.nextInt(5) - 2), bv);
            b.addLinear(e.build(), Relation.EQ, x.lower().add(BigInteger.valueOf(r.nextInt(3))));
        }
        int nl = 1 + r.nextInt(4);
        for (int k = 0; k < nl; k++) {
            LinearExpr.Builder e = LinearExpr.builder();
            int terms = 1 + r.nextInt(3);
            for (int t = 0; t < terms; t++) {
                Var v = all.get(r.nextInt(all.size()));
                BigInteger c = BigInteger.valueOf(r.nextInt(7) - 3);
                if (f.hugeLinear() && r.nextInt(4) == 0) c = r.nextBoolean() ? HUGE_COEF : HUGE_COEF.negate();
                e.add(c, v);
            }
            LinearExpr ex = e.build();
            BigInteger at = ex.evaluate(v -> v.lower().add(BigInteger.valueOf(r.nextInt(v.upper().subtract(v.lower()).min(BigInteger.valueOf(64)).intValueExact() + 1))));
            BigInteger rhs = at.add(BigInteger.valueOf(r.nextInt(3) - 1));
            Relation rel = Relation.values()[r.nextInt(3)];
            b.addLinear(ex, rel, rhs, enforcement(r, bools));
        }
        if (r.nextInt(5) == 0) {
            // a constraint without variables: 0 rel k
            b.addLinear(LinearExpr.constant(BigInteger.ZERO), Relation.values()[r.nextInt(3)], BigInteger.valueOf(r.nextInt(3) - 1),
                    enforcement(r, bools));
        }
        int nc = r.nextInt(3);
        for (int k = 0; k < nc; k++) {
            List<Literal> lits = new ArrayList<>();
            int len = 1 + r.nextInt(3);
            for (int t = 0; t < len; t++) {
                Var v = bools.get(r.nextInt(bools.size()));
                lits.add(r.nextBoolean() ? v.lit() : v.not());
            }
            b.addClause(lits);
        }
        if (r.nextBoolean()) {
            LinearExpr.Builder o = LinearExpr.builder().addConstant(BigInteger.valueOf(r.nextInt(5)));
            for (Var v : all) if (r.nextBoolean()) o.add(BigInteger.valueOf(r.nextInt(7) - 3), v);
            b.minimize(o.build());
        }
        return b.build();
    }

    private static List<Literal> enforcement(Random r, List<Var> bools) {
        List<Literal> enf = new ArrayList<>();
        int n = r.nextInt(3) == 0 ? 0 : r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Var v = bools.get(r.nextInt(bools.size()));
            enf.add(r.nextBoolean() ? v.lit() : v.not());
        }
        return enf;
    }
}
