package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ParameterRef;

/**
 * First-layer configuration selection (docs/ENCODING.md §3a, off by default): one Boolean selector
 * per configuration (value vector of the free incoming parameters) of every first-layer unit.
 * Because the inputs are constants, every first-layer activation is then a constant per
 * configuration, activation literals are sums of selectors, and the second layer needs only the
 * products K·s of its weights with the selectors, shared by all data points.
 */
final class FirstLayerSelection {
    /** One data point's first layer: H_1 per unit and configuration, and each unit's activation literals (null for identity / affine units). */
    record PointLayer(BigInteger[][] activations, Var[][] literals) {
    }

    private final EncodingBuilder b;
    private final Architecture arch;
    private final ParameterVariables params;
    private final Scaling sc;
    /** {@code selectors[i][c]} is true iff unit i has configuration c. */
    private final Var[][] selectors;
    private final List<List<Var>> unitParams = new ArrayList<>();
    private final List<BigInteger[][]> configs = new ArrayList<>();

    /** Whether selection applies: the first layer is hidden and no unit has more than {@code limit} configurations. */
    static boolean applies(int limit, Architecture arch, ParameterVariables params) {
        if (limit <= 0 || arch.depth() < 2) return false;
        BigInteger max = BigInteger.valueOf(limit);
        for (int i = 0; i < arch.layer(1).units(); i++) {
            BigInteger count = BigInteger.ONE;
            for (Var k : params.freeIncoming(1, i)) count = count.multiply(k.upper().subtract(k.lower()).add(BigInteger.ONE));
            if (count.compareTo(max) > 0) return false;
        }
        return true;
    }

    /**
     * Creates the selectors (configurations in lexicographic order): exactly one per unit is true,
     * and each free parameter equals Σ_c value_c·s_c.
     */
    FirstLayerSelection(EncodingBuilder b, Architecture arch, ParameterVariables params, Scaling sc) {
        this.b = b;
        this.arch = arch;
        this.params = params;
        this.sc = sc;
        ModelBuilder mb = b.model();
        int units = arch.layer(1).units();
        selectors = new Var[units][];
        for (int i = 0; i < units; i++) {
            List<Var> ks = params.freeIncoming(1, i);
            BigInteger[][] cs = enumerate(ks);
            selectors[i] = new Var[cs.length];
            LinearExpr.Builder one = LinearExpr.builder();
            for (int c = 0; c < cs.length; c++) {
                BigInteger[] cfg = cs[c];
                selectors[i][c] = b.newBool(Var.AUX_PREFIX + "sel[1][" + i + "][" + c + "]", (p, vals) -> {
                    for (int k = 0; k < ks.size(); k++) if (!vals[ks.get(k).index()].equals(cfg[k])) return BigInteger.ZERO;
                    return BigInteger.ONE;
                });
                one.add(BigInteger.ONE, selectors[i][c]);
            }
            mb.addLinear(one.build(), Relation.EQ, BigInteger.ONE);
            for (int k = 0; k < ks.size(); k++) {
                LinearExpr.Builder link = LinearExpr.builder().add(BigInteger.ONE, ks.get(k));
                for (int c = 0; c < cs.length; c++) link.add(cs[c][k].negate(), selectors[i][c]);
                mb.addLinear(link.build(), Relation.EQ, BigInteger.ZERO);
            }
            unitParams.add(ks);
            configs.add(cs);
        }
    }

    /** Every value vector of {@code ks} (each within its bounds), the last variable varying fastest. */
    private static BigInteger[][] enumerate(List<Var> ks) {
        List<BigInteger[]> out = new ArrayList<>();
        BigInteger[] cur = new BigInteger[ks.size()];
        for (int k = 0; k < cur.length; k++) cur[k] = ks.get(k).lower();
        while (true) {
            out.add(cur.clone());
            int k = cur.length - 1;
            while (k >= 0 && cur[k].equals(ks.get(k).upper())) {
                cur[k] = ks.get(k).lower();
                k--;
            }
            if (k < 0) return out.toArray(new BigInteger[0][]);
            cur[k] = cur[k].add(BigInteger.ONE);
        }
    }

    /**
     * Layer 1 at data point {@code pt}, given each unit's scaled pre-activation {@code z} (linear in
     * its free parameters, the inputs being constants): the activation literals as sums of the
     * selectors of the configurations on their side, and H_1 for every unit and configuration.
     */
    PointLayer atPoint(int pt, List<LinearExpr> z) {
        int units = arch.layer(1).units();
        Activation act = arch.layer(1).activation();
        BigInteger s = sc.pre(1);
        BigInteger[][] h = new BigInteger[units][];
        Var[][] literals = new Var[units][];
        for (int i = 0; i < units; i++) {
            List<Var> ks = unitParams.get(i);
            BigInteger[][] cs = configs.get(i);
            Var[] sel = selectors[i];
            BigInteger[] zc = new BigInteger[cs.length];
            h[i] = new BigInteger[cs.length];
            for (int c = 0; c < cs.length; c++) {
                BigInteger[] cfg = cs[c];
                zc[c] = z.get(i).evaluate(v -> cfg[ks.indexOf(v)]);
                h[i][c] = ScaledActivation.of(sc, 1, act, zc[c]);
            }
            String at = "[" + pt + "][1][" + i + "]";
            if (act instanceof Activation.HardTanh) {
                Var up = indicator("act" + at + ".up", sel, zc, v -> v.compareTo(s) >= 0);
                Var down = indicator("act" + at + ".down", sel, zc, v -> v.compareTo(s.negate()) <= 0);
                literals[i] = new Var[] {up, down};
            } else if (act instanceof Activation.Relu || act instanceof Activation.LeakyRelu) {
                literals[i] = new Var[] {indicator("act" + at, sel, zc, v -> v.signum() > 0)};
            }
        }
        return new PointLayer(h, literals);
    }

    /** A literal equal to the sum of the selectors whose pre-activation satisfies {@code side}. */
    private Var indicator(String name, Var[] sel, BigInteger[] zc, Predicate<BigInteger> side) {
        List<Var> on = new ArrayList<>();
        for (int c = 0; c < sel.length; c++) if (side.test(zc[c])) on.add(sel[c]);
        Var a = b.newBool(name, (p, vals) -> {
            BigInteger sum = BigInteger.ZERO;
            for (Var v : on) sum = sum.add(vals[v.index()]);
            return sum;
        });
        LinearExpr.Builder e = LinearExpr.builder().add(BigInteger.ONE, a);
        for (Var v : on) e.add(BigInteger.ONE.negate(), v);
        b.model().addLinear(e.build(), Relation.EQ, BigInteger.ZERO);
        return a;
    }

    /**
     * Z_2[i] under selection: Σ_j Σ_c coef·H_1[j](c)·(K[i][j]·s_(j,c)) + bias, with the products
     * K·s shared by all data points (a fixed weight multiplies s_(j,c) directly).
     */
    LinearExpr secondLayerPreActivation(int i, BigInteger[][] h1) {
        LinearExpr.Builder zb = LinearExpr.builder();
        for (int j = 0; j < h1.length; j++) {
            ParameterRef r = ParameterRef.weight(2, i, j);
            Var[] sel = selectors[j];
            Var k = params.var(r);
            BigInteger coef = k == null ? params.fixedWeightCoefficient(r) : params.freeWeightCoefficient(r);
            for (int c = 0; c < sel.length; c++) {
                if (h1[j][c].signum() == 0) continue;
                Var term = k == null ? sel[c] : b.product("ks(" + k.name() + "," + sel[c].name() + ")", k, sel[c]);
                zb.add(coef.multiply(h1[j][c]), term);
            }
        }
        params.addBias(zb, 2, i);
        return zb.build();
    }
}
