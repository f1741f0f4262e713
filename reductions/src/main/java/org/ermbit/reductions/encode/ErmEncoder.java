package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * Encodes a piecewise-linear ERM_bit instance as a constraint-IR model (DESIGN §5,
 * docs/ENCODING.md).
 *
 * <p><b>Scaling</b> ({@link Scaling}): with D = lcm of input denominators, W_ℓ / B_ℓ the lcm of
 * the weight / bias domain denominator and the fixed weights' / biases' denominators of layer ℓ,
 * A_0 = D, S_ℓ = lcm(W_ℓ·A_(ℓ−1), B_ℓ) and A_ℓ = m_ℓ·S_ℓ (m = den α for leaky_relu, lcm(den c0,
 * den c1) for an affine polynomial, else 1), the integers Z_ℓ = S_ℓ·z_ℓ and H_ℓ = A_ℓ·h_ℓ satisfy
 * <pre>
 *   Z_ℓ[i] = Σ_j (S_ℓ / (q_w·A_(ℓ−1)))·K[i][j]·H_(ℓ−1)[j] + (S_ℓ / q_b)·K_b[i]
 * </pre>
 * (a fixed weight w contributes the integer S_ℓ·w / A_(ℓ−1) times H, a fixed bias S_ℓ·b), where
 * K is the parameter's integer numerator over its domain denominator q. All coefficients are
 * integers because W_ℓ·A_(ℓ−1) and B_ℓ divide S_ℓ. Activations: relu H = max(0, Z); leaky_relu
 * with α = p/q: H = q·Z or p·Z; hardtanh H = clip(Z, −S_ℓ, S_ℓ); affine c0 + c1·z:
 * H = m·c1·Z + m·S_ℓ·c0; identity H = Z.
 *
 * <p><b>Variables</b>: {@code w[l][i][j]}, {@code b[l][i]} (numerators K with the domain's exact
 * range), activation literals {@code act[n][l][i]} (relu, leaky: true iff z &gt; 0; hardtanh:
 * {@code act[n][l][i].up} iff z ≥ 1 and {@code act[n][l][i].down} iff z ≤ −1) and auxiliaries
 * (names starting {@link Var#AUX_PREFIX}): scaled pre-activations, activations, products
 * K·H ({@code Product} constraints, lowered by {@code ProductToBits}), residuals, loss and
 * symmetry-breaking auxiliaries. Every bound is exact interval arithmetic over the domains.
 *
 * <p><b>Loss</b>: R = E·H_L − E·A_L·y = T·(ŷ − y). squared: Σ A² with A = |R| (Product A·A),
 * scale T²; absolute: Σ A with A = |R|, scale T; max_abs: M ≥ ±R for all, scale T; zero_one: Σ e
 * with e ⇔ y·H_L ≤ 0, scale 1; hinge: Σ U with U = max(0, A_L − y·H_L), scale A_L; mean multiplies
 * the scale by N. Per-point auxiliaries are functions of the parameters (sign literals), so fixing
 * the parameters propagates to the loss (docs/ENCODING.md §4).
 */
public final class ErmEncoder {

    private ErmEncoder() {
    }

    /**
     * Encodes {@code inst}.
     *
     * @throws UnsupportedInstanceException for polynomial activations of degree ≥ 2 and for free
     *                                      parameters with a rational domain
     */
    public static Encoding encode(ErmInstance inst, EncoderOptions opts) {
        for (var spec : inst.architecture().layers()) {
            if (spec.activation().degree() >= 2) {
                throw new UnsupportedInstanceException("not supported: polynomial activation of degree "
                        + spec.activation().degree() + " goes to the counting route");
            }
        }
        return new Run(inst, opts, null).encode();
    }

    /**
     * Encodes {@code inst} for the question "scaled loss ≤ G" ({@code scaledBound} = G): the model
     * contains the constraint scaledLoss ≤ G, and when G ≥ 0 every per-point loss auxiliary (and,
     * for squared loss, every residual) gets bounds no wider than G allows (|R| ≤ ⌊√G⌋ for squared,
     * A ≤ G for absolute / max_abs / hinge) — exact because every per-point term is non-negative.
     * Variables before the loss section are created exactly as by {@link #encode}, so parameters
     * and activation literals keep their indices.
     */
    static Encoding encodeForBound(ErmInstance inst, EncoderOptions opts, BigInteger scaledBound) {
        return new Run(inst, opts, scaledBound).encode();
    }

    /** One encoding run: the builder state. */
    private static final class Run {
        private final ErmInstance inst;
        private final EncoderOptions opts;
        private final Architecture arch;
        private final Scaling sc;
        private final ModelBuilder mb = new ModelBuilder();
        private final List<Encoding.Definition> defs = new ArrayList<>();
        private final Map<ParameterRef, Var> paramVars = new HashMap<>();
        private final Map<ParameterRef, BigInteger> paramDen = new HashMap<>();
        private final Map<ParameterRef, Rational> fixed;
        private final Var[][][][] actVars;
        /** G of "scaled loss ≤ G" when encoding for a bound, else null. */
        private final BigInteger lossBound;
        /** G when it is ≥ 0 (the caps on loss auxiliaries), else null. */
        private final BigInteger bound;
        /** First-layer configuration selection (§3a of docs/ENCODING.md), null when not used. */
        private Selection selection;
        /** First-layer-aware products (§3b of docs/ENCODING.md). */
        private boolean firstLayerProducts;

        Run(ErmInstance inst, EncoderOptions opts, BigInteger bound) {
            this.inst = inst;
            this.opts = opts;
            this.lossBound = bound;
            this.bound = bound == null || bound.signum() < 0 ? null : bound;
            this.arch = inst.architecture();
            this.fixed = inst.fixedValues();
            this.sc = Scaling.of(inst);
            this.actVars = new Var[inst.data().size()][arch.depth()][][];
        }

        Encoding encode() {
            createParameters();
            if (opts.symmetryBreaking()) breakSymmetries();
            if (selectionApplies()) selection = createSelectors();
            else firstLayerProducts = firstLayerProductsApply();
            int n = inst.data().size();
            List<List<LinearExpr>> outputs = new ArrayList<>();
            for (int pt = 0; pt < n; pt++) outputs.add(encodePoint(pt));
            return encodeLoss(outputs);
        }

        // ---------------------------------------------------------------- variables

        private Var newVar(String name, BigInteger lo, BigInteger hi, Encoding.Definition d) {
            defs.add(d);
            return mb.newVar(name, lo, hi, false);
        }

        private Var newBool(String name, Encoding.Definition d) {
            defs.add(d);
            return mb.newBool(name);
        }

        /** An auxiliary integer equal to {@code e} (bounds of e). */
        private Var define(String name, LinearExpr e) {
            Var v = newVar(Var.AUX_PREFIX + name, e.lowerBound(), e.upperBound(), (p, vals) -> e.evaluate(x -> vals[x.index()]));
            mb.addLinear(minus(LinearExpr.of(v), e), Relation.EQ, BigInteger.ZERO);
            return v;
        }

        private void createParameters() {
            for (int l = 1; l <= arch.depth(); l++) {
                for (int i = 0; i < arch.layer(l).units(); i++) {
                    for (int j = 0; j <= arch.fanIn(l); j++) {
                        ParameterRef r = j < arch.fanIn(l) ? ParameterRef.weight(l, i, j) : ParameterRef.bias(l, i);
                        if (fixed.containsKey(r)) continue;
                        Domain d = inst.domains().of(r);
                        BigInteger q = Scaling.denominator(d);
                        BigInteger lo;
                        BigInteger hi;
                        if (d instanceof Domain.FixedPoint f) {
                            lo = f.minNumerator();
                            hi = f.maxNumerator();
                        } else if (d instanceof Domain.Grid g) {
                            lo = g.low();
                            hi = g.high();
                        } else {
                            BigInteger m = ((Domain.RationalBits) d).bound();
                            lo = m.negate().multiply(q);
                            hi = m.multiply(q);
                        }
                        Var k = newVar(r.toString(), lo, hi, (p, vals) -> p.get(r).multiply(Rational.of(q)).numerator());
                        paramVars.put(r, k);
                        paramDen.put(r, q);
                        if (d instanceof Domain.RationalBits rb) restrictToFractions(r, k, rb, q);
                    }
                }
            }
        }

        /**
         * A {@code rational} parameter is K/L with L = lcm(1..2^B − 1) (every p/q of the domain is a
         * multiple of 1/L); K/L is in the domain iff K·q = L·p for some |p| ≤ 2^B − 1, 1 ≤ q ≤ 2^B − 1
         * (then K/L = p/q, and p/q in lowest terms has a numerator and denominator no larger). One
         * product K·q per parameter; the pipeline lowers it (to the B bits of q) for every backend,
         * see {@link Encoding#hasRationalDomains()}.
         */
        private void restrictToFractions(ParameterRef r, Var k, Domain.RationalBits d, BigInteger den) {
            BigInteger m = d.bound();
            Var num = newVar(Var.AUX_PREFIX + "num[" + r + "]", m.negate(), m, (p, vals) -> p.get(r).numerator());
            Var q = newVar(Var.AUX_PREFIX + "den[" + r + "]", BigInteger.ONE, m, (p, vals) -> p.get(r).denominator());
            Var kq = newVar(Var.AUX_PREFIX + "numden[" + r + "]", m.multiply(m).multiply(den).negate(), m.multiply(m).multiply(den),
                    (p, vals) -> vals[k.index()].multiply(vals[q.index()]));
            mb.addProduct(kq, k, q);
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, kq).add(den.negate(), num).build(), Relation.EQ, BigInteger.ZERO);
        }

        // ---------------------------------------------------------------- forward pass

        /** Encodes one data point; returns the scaled outputs H_L (as expressions). */
        private List<LinearExpr> encodePoint(int pt) {
            List<LinearExpr> h = inputs(pt);
            int first = 1;
            BigInteger[][] selected = null;
            if (selection != null) {
                selected = selectFirstLayer(pt);
                first = 2;
            }
            LinearExpr[] z1 = null;
            Var[] a1 = null;
            if (firstLayerProducts) {
                int units = arch.layer(1).units();
                actVars[pt][0] = new Var[units][];
                z1 = new LinearExpr[units];
                a1 = new Var[units];
                for (int i = 0; i < units; i++) {
                    z1[i] = preActivation(pt, 1, i, h, null);
                    a1[i] = reluLiteral(pt, 1, i, asVar(z1[i], "z[" + pt + "][1][" + i + "]"));
                }
                first = 2;
            }
            for (int l = first; l <= arch.depth(); l++) {
                int units = arch.layer(l).units();
                actVars[pt][l - 1] = new Var[units][];
                List<LinearExpr> next = new ArrayList<>();
                List<Var> factorCache = new ArrayList<>();
                for (int j = 0; j < h.size(); j++) factorCache.add(null);
                for (int i = 0; i < units; i++) {
                    LinearExpr z = l == 2 && selected != null ? preActivationFromSelection(i, selected)
                            : l == 2 && z1 != null ? preActivationFromProducts(pt, i, z1, a1)
                            : preActivation(pt, l, i, h, factorCache);
                    next.add(activate(pt, l, i, z));
                }
                h = next;
            }
            return h;
        }

        private List<LinearExpr> inputs(int pt) {
            List<LinearExpr> h = new ArrayList<>();
            for (Rational x : inst.data().inputs().get(pt)) h.add(LinearExpr.constant(x.multiply(Rational.of(sc.inputScale())).numerator()));
            return h;
        }

        // ---------------------------------------------------------------- first-layer configuration selection

        /** The selectors of every first-layer unit: {@code selectors[i][c]} is true iff unit i has configuration c. */
        private record Selection(Var[][] selectors, List<List<Var>> params, List<BigInteger[][]> configs) {
        }

        /** Whether the first layer is hidden and every one of its units has at most the configured number of configurations. */
        private boolean selectionApplies() {
            if (opts.configurationLimit() <= 0 || arch.depth() < 2) return false;
            BigInteger limit = BigInteger.valueOf(opts.configurationLimit());
            for (int i = 0; i < arch.layer(1).units(); i++) {
                BigInteger count = BigInteger.ONE;
                for (Var k : incomingFree(1, i)) count = count.multiply(k.upper().subtract(k.lower()).add(BigInteger.ONE));
                if (count.compareTo(limit) > 0) return false;
            }
            return true;
        }

        private List<Var> incomingFree(int l, int i) {
            List<Var> v = new ArrayList<>();
            for (int j = 0; j <= arch.fanIn(l); j++) {
                ParameterRef r = j < arch.fanIn(l) ? ParameterRef.weight(l, i, j) : ParameterRef.bias(l, i);
                Var k = paramVars.get(r);
                if (k != null) v.add(k);
            }
            return v;
        }

        /**
         * One Boolean per configuration (values of the free incoming parameters, in lexicographic
         * order) of every first-layer unit: exactly one is true, and each free parameter equals
         * Σ_c value_c·s_c.
         */
        private Selection createSelectors() {
            int units = arch.layer(1).units();
            Var[][] sel = new Var[units][];
            List<List<Var>> params = new ArrayList<>();
            List<BigInteger[][]> configs = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                List<Var> ks = incomingFree(1, i);
                BigInteger[][] cs = enumerate(ks);
                sel[i] = new Var[cs.length];
                LinearExpr.Builder one = LinearExpr.builder();
                for (int c = 0; c < cs.length; c++) {
                    BigInteger[] cfg = cs[c];
                    sel[i][c] = newBool(Var.AUX_PREFIX + "sel[1][" + i + "][" + c + "]", (p, vals) -> {
                        for (int k = 0; k < ks.size(); k++) if (!vals[ks.get(k).index()].equals(cfg[k])) return BigInteger.ZERO;
                        return BigInteger.ONE;
                    });
                    one.add(BigInteger.ONE, sel[i][c]);
                }
                mb.addLinear(one.build(), Relation.EQ, BigInteger.ONE);
                for (int k = 0; k < ks.size(); k++) {
                    LinearExpr.Builder link = LinearExpr.builder().add(BigInteger.ONE, ks.get(k));
                    for (int c = 0; c < cs.length; c++) link.add(cs[c][k].negate(), sel[i][c]);
                    mb.addLinear(link.build(), Relation.EQ, BigInteger.ZERO);
                }
                params.add(ks);
                configs.add(cs);
            }
            return new Selection(sel, params, configs);
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
         * Layer 1 at data point {@code pt} under selection: the activation literals as sums of the
         * selectors of the configurations on their side; returns H_1[i] for every unit and
         * configuration (constants).
         */
        private BigInteger[][] selectFirstLayer(int pt) {
            int units = arch.layer(1).units();
            actVars[pt][0] = new Var[units][];
            List<LinearExpr> x = inputs(pt);
            Activation act = arch.layer(1).activation();
            BigInteger s = sc.pre(1);
            BigInteger[][] out = new BigInteger[units][];
            for (int i = 0; i < units; i++) {
                LinearExpr z = preActivation(pt, 1, i, x, null);
                List<Var> ks = selection.params().get(i);
                BigInteger[][] cs = selection.configs().get(i);
                Var[] sel = selection.selectors()[i];
                BigInteger[] zc = new BigInteger[cs.length];
                out[i] = new BigInteger[cs.length];
                for (int c = 0; c < cs.length; c++) {
                    BigInteger[] cfg = cs[c];
                    zc[c] = z.evaluate(v -> cfg[ks.indexOf(v)]);
                    out[i][c] = activateConstant(1, zc[c]);
                }
                String at = "[" + pt + "][1][" + i + "]";
                if (act instanceof Activation.HardTanh) {
                    Var up = indicator("act" + at + ".up", sel, zc, v -> v.compareTo(s) >= 0);
                    Var down = indicator("act" + at + ".down", sel, zc, v -> v.compareTo(s.negate()) <= 0);
                    actVars[pt][0][i] = new Var[] {up, down};
                } else if (act instanceof Activation.Relu || act instanceof Activation.LeakyRelu) {
                    actVars[pt][0][i] = new Var[] {indicator("act" + at, sel, zc, v -> v.signum() > 0)};
                }
            }
            return out;
        }

        /** A literal equal to the sum of the selectors whose pre-activation satisfies {@code side}. */
        private Var indicator(String name, Var[] sel, BigInteger[] zc, java.util.function.Predicate<BigInteger> side) {
            List<Var> on = new ArrayList<>();
            for (int c = 0; c < sel.length; c++) if (side.test(zc[c])) on.add(sel[c]);
            Var a = newBool(name, (p, vals) -> {
                BigInteger sum = BigInteger.ZERO;
                for (Var v : on) sum = sum.add(vals[v.index()]);
                return sum;
            });
            LinearExpr.Builder e = LinearExpr.builder().add(BigInteger.ONE, a);
            for (Var v : on) e.add(BigInteger.ONE.negate(), v);
            mb.addLinear(e.build(), Relation.EQ, BigInteger.ZERO);
            return a;
        }

        /** H_ℓ for a constant Z_ℓ (the activation on scaled integers, as in {@link #activate}). */
        private BigInteger activateConstant(int l, BigInteger z) {
            Activation act = arch.layer(l).activation();
            if (act instanceof Activation.Identity) return z;
            if (act instanceof Activation.Polynomial poly) {
                BigInteger m = sc.multiplier().get(l - 1);
                Rational c0 = poly.coefficients().get(0);
                Rational c1 = poly.coefficients().size() > 1 ? poly.coefficients().get(1) : Rational.ZERO;
                return integer(c1.multiply(Rational.of(m))).multiply(z).add(integer(c0.multiply(Rational.of(m.multiply(sc.pre(l))))));
            }
            if (act instanceof Activation.HardTanh) return clip(z, sc.pre(l));
            if (act instanceof Activation.LeakyRelu lr) return piecewise(z, lr.alpha().denominator(), lr.alpha().numerator());
            return piecewise(z, BigInteger.ONE, BigInteger.ZERO);
        }

        /** Products K·s of a second-layer weight and a first-layer selector, shared by all data points. */
        private final Map<List<Var>, Var> selectedProducts = new HashMap<>();

        /**
         * Z_2[i] under first-layer selection: Σ_j Σ_c coef·H_1[j](c)·(K[i][j]·s_(j,c)) + bias, with
         * the products K·s shared by all data points (a fixed weight multiplies s_(j,c) directly).
         */
        private LinearExpr preActivationFromSelection(int i, BigInteger[][] h1) {
            BigInteger s = sc.pre(2);
            Rational prevScale = Rational.of(sc.act(1));
            LinearExpr.Builder zb = LinearExpr.builder();
            for (int j = 0; j < h1.length; j++) {
                ParameterRef r = ParameterRef.weight(2, i, j);
                Rational f = fixed.get(r);
                Var[] sel = selection.selectors()[j];
                if (f != null) {
                    BigInteger coef = integer(Rational.of(s).multiply(f).divide(prevScale));
                    for (int c = 0; c < sel.length; c++) if (h1[j][c].signum() != 0) zb.add(coef.multiply(h1[j][c]), sel[c]);
                    continue;
                }
                Var k = paramVars.get(r);
                BigInteger coef = integer(Rational.of(s).divide(Rational.of(paramDen.get(r)).multiply(prevScale)));
                for (int c = 0; c < sel.length; c++) {
                    if (h1[j][c].signum() == 0) continue;
                    zb.add(coef.multiply(h1[j][c]), selectedProduct(k, sel[c]));
                }
            }
            ParameterRef rb = ParameterRef.bias(2, i);
            Rational fb = fixed.get(rb);
            if (fb != null) zb.addConstant(integer(Rational.of(s).multiply(fb)));
            else zb.add(integer(Rational.of(s, paramDen.get(rb))), paramVars.get(rb));
            return zb.build();
        }

        private Var selectedProduct(Var k, Var sel) {
            return selectedProducts.computeIfAbsent(List.of(k, sel), key -> {
                BigInteger[] b = productBounds(k, sel);
                Var q = newVar(Var.AUX_PREFIX + "ks(" + k.name() + "," + sel.name() + ")", b[0], b[1],
                        (p, vals) -> vals[k.index()].multiply(vals[sel.index()]));
                mb.addProduct(q, k, sel);
                return q;
            });
        }

        /** Z_ℓ[i] as an integer linear expression (products of unknowns go through Product constraints). */
        private LinearExpr preActivation(int pt, int l, int i, List<LinearExpr> h, List<Var> factorCache) {
            BigInteger s = sc.pre(l);
            Rational prevScale = Rational.of(sc.act(l - 1));
            LinearExpr.Builder zb = LinearExpr.builder();
            for (int j = 0; j < h.size(); j++) {
                ParameterRef r = ParameterRef.weight(l, i, j);
                Rational f = fixed.get(r);
                if (f != null) {
                    zb.add(integer(Rational.of(s).multiply(f).divide(prevScale)), h.get(j));
                    continue;
                }
                Var k = paramVars.get(r);
                BigInteger c = integer(Rational.of(s).divide(Rational.of(paramDen.get(r)).multiply(prevScale)));
                LinearExpr hj = h.get(j);
                if (hj.terms().isEmpty()) {
                    zb.add(c.multiply(hj.constant()), k);
                    continue;
                }
                Var hv = factorCache.get(j);
                if (hv == null) {
                    hv = asVar(hj, "h[" + pt + "][" + (l - 1) + "][" + j + "]");
                    factorCache.set(j, hv);
                }
                Var hvar = hv;
                BigInteger[] b = productBounds(k, hvar);
                Var prod = newVar(Var.AUX_PREFIX + "p[" + pt + "][" + l + "][" + i + "][" + j + "]", b[0], b[1],
                        (p, vals) -> vals[k.index()].multiply(vals[hvar.index()]));
                mb.addProduct(prod, k, hvar);
                zb.add(c, prod);
            }
            ParameterRef rb = ParameterRef.bias(l, i);
            Rational fb = fixed.get(rb);
            if (fb != null) zb.addConstant(integer(Rational.of(s).multiply(fb)));
            else zb.add(integer(Rational.of(s, paramDen.get(rb))), paramVars.get(rb));
            return zb.build();
        }

        private Var asVar(LinearExpr e, String name) {
            if (e.constant().signum() == 0 && e.terms().size() == 1) {
                var t = e.terms().entrySet().iterator().next();
                if (t.getValue().equals(BigInteger.ONE)) return t.getKey();
            }
            return define(name, e);
        }

        /** H_ℓ[i] for pre-activation {@code z}, adding the activation's literals and constraints. */
        private LinearExpr activate(int pt, int l, int i, LinearExpr z) {
            Activation act = arch.layer(l).activation();
            String at = "[" + pt + "][" + l + "][" + i + "]";
            if (act instanceof Activation.Identity) return z;
            if (act instanceof Activation.Polynomial poly) {
                BigInteger m = sc.multiplier().get(l - 1);
                Rational c0 = poly.coefficients().get(0);
                Rational c1 = poly.coefficients().size() > 1 ? poly.coefficients().get(1) : Rational.ZERO;
                return LinearExpr.builder()
                        .add(integer(c1.multiply(Rational.of(m))), z)
                        .addConstant(integer(c0.multiply(Rational.of(m.multiply(sc.pre(l))))))
                        .build();
            }
            Var zv = asVar(z, "z" + at);
            LinearExpr zx = LinearExpr.of(zv);
            if (act instanceof Activation.HardTanh) return hardtanh(at, zv, sc.pre(l), pt, l, i);
            // relu and leaky_relu: H = hi·Z on the positive piece, lo·Z on the other
            BigInteger posCoef = BigInteger.ONE;
            BigInteger negCoef = BigInteger.ZERO;
            if (act instanceof Activation.LeakyRelu lr) {
                posCoef = lr.alpha().denominator();
                negCoef = lr.alpha().numerator();
            }
            BigInteger pc = posCoef;
            BigInteger nc = negCoef;
            Var a = reluLiteral(pt, l, i, zv);
            BigInteger lo = piecewise(zv.lower(), pc, nc);
            BigInteger hi = piecewise(zv.upper(), pc, nc);
            Var h = newVar(Var.AUX_PREFIX + "h" + at, lo, hi, (p, vals) -> piecewise(vals[zv.index()], pc, nc));
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, h).add(pc.negate(), zv).build(), Relation.EQ, BigInteger.ZERO, List.of(a.lit()));
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, h).add(nc.negate(), zv).build(), Relation.EQ, BigInteger.ZERO, List.of(a.not()));
            return LinearExpr.of(h);
        }

        /** The relu / leaky_relu literal a ⇔ Z ≥ 1 (a → Z ≥ 1, ¬a → Z ≤ 0), recorded as the unit's activation. */
        private Var reluLiteral(int pt, int l, int i, Var zv) {
            Var a = newBool("act[" + pt + "][" + l + "][" + i + "]", (p, vals) -> vals[zv.index()].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
            actVars[pt][l - 1][i] = new Var[] {a};
            mb.addLinear(LinearExpr.of(zv), Relation.GE, BigInteger.ONE, List.of(a.lit()));
            mb.addLinear(LinearExpr.of(zv), Relation.LE, BigInteger.ZERO, List.of(a.not()));
            return a;
        }

        /** Whether first-layer-aware products apply: hidden relu / leaky_relu first layer, every second-layer weight free. */
        private boolean firstLayerProductsApply() {
            if (!opts.firstLayerProducts() || arch.depth() < 2) return false;
            Activation act = arch.layer(1).activation();
            if (!(act instanceof Activation.Relu) && !(act instanceof Activation.LeakyRelu)) return false;
            for (int i = 0; i < arch.layer(2).units(); i++) {
                for (int j = 0; j < arch.fanIn(2); j++) if (fixed.containsKey(ParameterRef.weight(2, i, j))) return false;
            }
            return true;
        }

        /** Products of two parameters (or a literal and a product), shared where the factors are the same. */
        private final Map<List<Var>, Var> sharedProducts = new HashMap<>();

        private Var product(String name, Var x, Var y) {
            return sharedProducts.computeIfAbsent(List.of(x, y), key -> {
                BigInteger[] b = productBounds(x, y);
                Var q = newVar(Var.AUX_PREFIX + name, b[0], b[1], (p, vals) -> vals[x.index()].multiply(vals[y.index()]));
                mb.addProduct(q, x, y);
                return q;
            });
        }

        /**
         * Z_2[i] with first-layer-aware products: H_1[j] = N·Z_j + (P−N)·a_j·Z_j with Z_j = Σ_k e_k·K_k + e_0
         * linear in first-layer parameters, so K2·H_1[j] = N·Σ e_k·(K2·K_k) + N·e_0·K2
         * + (P−N)·(Σ e_k·a_j·(K2·K_k) + e_0·a_j·K2): products K2·K_k shared by all points, per point
         * only a_j times those.
         */
        private LinearExpr preActivationFromProducts(int pt, int i, LinearExpr[] z1, Var[] a1) {
            BigInteger s = sc.pre(2);
            Rational prevScale = Rational.of(sc.act(1));
            BigInteger pc = BigInteger.ONE;
            BigInteger nc = BigInteger.ZERO;
            if (arch.layer(1).activation() instanceof Activation.LeakyRelu lr) {
                pc = lr.alpha().denominator();
                nc = lr.alpha().numerator();
            }
            BigInteger diff = pc.subtract(nc);
            LinearExpr.Builder zb = LinearExpr.builder();
            for (int j = 0; j < z1.length; j++) {
                Var v = paramVars.get(ParameterRef.weight(2, i, j));
                BigInteger c = integer(Rational.of(s).divide(Rational.of(paramDen.get(ParameterRef.weight(2, i, j))).multiply(prevScale)));
                Var a = a1[j];
                for (var t : z1[j].terms().entrySet()) {
                    Var q = product("vk(" + v.name() + "," + t.getKey().name() + ")", v, t.getKey());
                    if (nc.signum() != 0) zb.add(c.multiply(nc).multiply(t.getValue()), q);
                    zb.add(c.multiply(diff).multiply(t.getValue()), product("aq(" + a.name() + "," + q.name() + ")", a, q));
                }
                BigInteger e0 = z1[j].constant();
                if (e0.signum() != 0) {
                    if (nc.signum() != 0) zb.add(c.multiply(nc).multiply(e0), v);
                    zb.add(c.multiply(diff).multiply(e0), product("av(" + a.name() + "," + v.name() + ")", a, v));
                }
            }
            ParameterRef rb = ParameterRef.bias(2, i);
            Rational fb = fixed.get(rb);
            if (fb != null) zb.addConstant(integer(Rational.of(s).multiply(fb)));
            else zb.add(integer(Rational.of(s, paramDen.get(rb))), paramVars.get(rb));
            return zb.build();
        }

        private static BigInteger piecewise(BigInteger z, BigInteger pos, BigInteger neg) {
            return z.multiply(z.signum() > 0 ? pos : neg);
        }

        private LinearExpr hardtanh(String at, Var zv, BigInteger s, int pt, int l, int i) {
            BigInteger ms = s.negate();
            Var up = newBool("act" + at + ".up", (p, vals) -> vals[zv.index()].compareTo(s) >= 0 ? BigInteger.ONE : BigInteger.ZERO);
            Var down = newBool("act" + at + ".down", (p, vals) -> vals[zv.index()].compareTo(ms) <= 0 ? BigInteger.ONE : BigInteger.ZERO);
            actVars[pt][l - 1][i] = new Var[] {up, down};
            Var h = newVar(Var.AUX_PREFIX + "h" + at, clip(zv.lower(), s), clip(zv.upper(), s), (p, vals) -> clip(vals[zv.index()], s));
            LinearExpr zx = LinearExpr.of(zv);
            LinearExpr hx = LinearExpr.of(h);
            mb.addClause(up.not(), down.not());
            mb.addLinear(zx, Relation.GE, s, List.of(up.lit()));
            mb.addLinear(hx, Relation.EQ, s, List.of(up.lit()));
            mb.addLinear(zx, Relation.LE, s.subtract(BigInteger.ONE), List.of(up.not()));
            mb.addLinear(zx, Relation.LE, ms, List.of(down.lit()));
            mb.addLinear(hx, Relation.EQ, ms, List.of(down.lit()));
            mb.addLinear(zx, Relation.GE, ms.add(BigInteger.ONE), List.of(down.not()));
            mb.addLinear(minus(hx, zx), Relation.EQ, BigInteger.ZERO, List.of(up.not(), down.not()));
            return hx;
        }

        private static BigInteger clip(BigInteger z, BigInteger s) {
            return z.max(s.negate()).min(s);
        }

        // ---------------------------------------------------------------- symmetry breaking

        /**
         * Lexicographic order (weights, bias) of unit i ≤ unit i+1 in every hidden layer ℓ whose
         * incoming parameters and whose outgoing weights (layer ℓ+1) are all free.
         */
        private void breakSymmetries() {
            for (int l = 1; l < arch.depth(); l++) {
                if (arch.layer(l).units() < 2 || !allFree(l, true) || !allFree(l + 1, false)) continue;
                for (int i = 0; i + 1 < arch.layer(l).units(); i++) {
                    List<Var> x = incoming(l, i);
                    List<Var> y = incoming(l, i + 1);
                    lexLeq(x, y, "lex[" + l + "][" + i + "]");
                }
            }
        }

        private boolean allFree(int l, boolean withBiases) {
            for (int i = 0; i < arch.layer(l).units(); i++) {
                for (int j = withBiases ? ParameterRef.BIAS : 0; j < arch.fanIn(l); j++) {
                    if (fixed.containsKey(new ParameterRef(l, i, j))) return false;
                }
            }
            return true;
        }

        private List<Var> incoming(int l, int i) {
            List<Var> v = new ArrayList<>();
            for (int j = 0; j < arch.fanIn(l); j++) v.add(paramVars.get(ParameterRef.weight(l, i, j)));
            v.add(paramVars.get(ParameterRef.bias(l, i)));
            return v;
        }

        /**
         * x ≤_lex y with eq_k ("x_0..x_k = y_0..y_k" may be assumed) and lt_k ("x_k &lt; y_k while
         * the prefix is equal"): eq_(k−1) → x_k ≤ y_k; lt_k → x_k ≤ y_k − 1; eq_(k−1) ∨ … clause
         * ¬eq_(k−1) ∨ lt_k ∨ eq_k.
         */
        private void lexLeq(List<Var> x, List<Var> y, String name) {
            Var prevEq = null;
            for (int k = 0; k < x.size(); k++) {
                Var xk = x.get(k);
                Var yk = y.get(k);
                LinearExpr diff = LinearExpr.builder().add(BigInteger.ONE, xk).add(BigInteger.ONE.negate(), yk).build();
                List<Literal> enf = prevEq == null ? List.of() : List.of(prevEq.lit());
                mb.addLinear(diff, Relation.LE, BigInteger.ZERO, enf);
                if (k + 1 == x.size()) break;
                Var pe = prevEq;
                Var lt = newBool(Var.AUX_PREFIX + name + ".lt[" + k + "]", (p, vals) ->
                        (pe == null || vals[pe.index()].signum() != 0) && vals[xk.index()].compareTo(vals[yk.index()]) < 0
                                ? BigInteger.ONE : BigInteger.ZERO);
                Var eq = newBool(Var.AUX_PREFIX + name + ".eq[" + k + "]", (p, vals) ->
                        (pe == null || vals[pe.index()].signum() != 0) && vals[xk.index()].equals(vals[yk.index()])
                                ? BigInteger.ONE : BigInteger.ZERO);
                mb.addLinear(diff, Relation.LE, BigInteger.ONE.negate(), List.of(lt.lit()));
                List<Literal> clause = new ArrayList<>();
                if (prevEq != null) clause.add(prevEq.not());
                clause.add(lt.lit());
                clause.add(eq.lit());
                mb.addClause(clause);
                prevEq = eq;
            }
        }

        // ---------------------------------------------------------------- loss

        private Encoding encodeLoss(List<List<LinearExpr>> outputs) {
            LossType type = inst.loss().type();
            int n = outputs.size();
            BigInteger e = sc.targetScale();
            BigInteger t = sc.residualScale();
            BigInteger outScale = sc.act(arch.depth());
            LinearExpr.Builder loss = LinearExpr.builder();
            BigInteger scale;
            List<LinearExpr> residuals = new ArrayList<>();
            List<String> residualNames = new ArrayList<>();
            for (int pt = 0; pt < n; pt++) {
                List<Rational> y = inst.data().targets().get(pt);
                for (int o = 0; o < y.size(); o++) {
                    LinearExpr r = LinearExpr.builder().add(e, outputs.get(pt).get(o))
                            .addConstant(integer(y.get(o).multiply(Rational.of(t))).negate()).build();
                    residuals.add(r);
                    residualNames.add("[" + pt + "][" + o + "]");
                }
            }
            switch (type) {
                case SQUARED -> {
                    scale = t.multiply(t);
                    BigInteger cap = bound == null ? null : bound.sqrt();
                    for (int k = 0; k < residuals.size(); k++) {
                        // sq = |R|·|R|: non-negative bits, so the loss sum has only positive coefficients
                        Var m = magnitude("absr" + residualNames.get(k), residuals.get(k), cap);
                        BigInteger[] b = productBounds(m, m);
                        Var sq = newVar(Var.AUX_PREFIX + "sq" + residualNames.get(k), b[0], b[1],
                                (p, vals) -> vals[m.index()].multiply(vals[m.index()]));
                        mb.addProduct(sq, m, m);
                        loss.add(BigInteger.ONE, sq);
                    }
                }
                case ABSOLUTE -> {
                    scale = t;
                    for (int k = 0; k < residuals.size(); k++) loss.add(BigInteger.ONE, magnitude("abs" + residualNames.get(k), residuals.get(k), bound));
                }
                case MAX_ABS -> {
                    scale = t;
                    if (!residuals.isEmpty()) loss.add(BigInteger.ONE, absAux("max", residuals));
                }
                case ZERO_ONE -> {
                    scale = BigInteger.ONE;
                    for (int pt = 0; pt < n; pt++) {
                        // y·H_L ≥ 1 ⇔ y·ŷ > 0 (H_L integer, y = ±1)
                        LinearExpr margin = LinearExpr.builder().add(inst.data().targets().get(pt).get(0).numerator(), outputs.get(pt).get(0)).build();
                        Var err = newBool(Var.AUX_PREFIX + "err[" + pt + "]", (p, vals) ->
                                margin.evaluate(x -> vals[x.index()]).signum() > 0 ? BigInteger.ZERO : BigInteger.ONE);
                        mb.addLinear(margin, Relation.GE, BigInteger.ONE, List.of(err.not()));
                        mb.addLinear(margin, Relation.LE, BigInteger.ZERO, List.of(err.lit()));
                        loss.add(BigInteger.ONE, err);
                    }
                }
                case HINGE -> {
                    scale = outScale;
                    for (int pt = 0; pt < n; pt++) {
                        // U ≥ A_L − y·H_L, U ≥ 0
                        LinearExpr slack = LinearExpr.builder().add(inst.data().targets().get(pt).get(0).numerator().negate(), outputs.get(pt).get(0))
                                .addConstant(outScale).build();
                        BigInteger uHi = slack.upperBound().max(BigInteger.ZERO);
                        if (bound != null) uHi = uHi.min(bound);
                        Var u = newVar(Var.AUX_PREFIX + "hinge[" + pt + "]", BigInteger.ZERO, uHi,
                                (p, vals) -> slack.evaluate(x -> vals[x.index()]).max(BigInteger.ZERO));
                        mb.addLinear(minus(LinearExpr.of(u), slack), Relation.GE, BigInteger.ZERO);
                        definePositivePart(u, slack, "hinge" + "[" + pt + "]");
                        loss.add(BigInteger.ONE, u);
                    }
                }
                default -> throw new AssertionError(type);
            }
            if (inst.loss().aggregate() == Aggregate.MEAN && n > 0) scale = scale.multiply(BigInteger.valueOf(n));
            LinearExpr scaledLoss = loss.build();
            if (lossBound != null) mb.addLinear(scaledLoss, Relation.LE, lossBound);
            return new Encoding(inst, opts, lossBound, sc, mb.build(), scale, scaledLoss, defs, paramVars, paramDen, actVars);
        }

        /**
         * An auxiliary A = |r|, at most {@code cap} when it is not null. A is a function of r (a sign
         * literal picks A = r or A = −r), so fixing the parameters propagates to A: with only
         * A ≥ ±r a clause-learning solver has to search the bits of A, which made sums of A tight
         * at the optimum hopeless for it (docs/ENCODING.md §4).
         */
        private Var magnitude(String name, LinearExpr r, BigInteger cap) {
            BigInteger hi = r.upperBound().abs().max(r.lowerBound().abs());
            if (cap != null) hi = hi.min(cap);
            Var a = newVar(Var.AUX_PREFIX + name, BigInteger.ZERO, hi, (p, vals) -> r.evaluate(x -> vals[x.index()]).abs());
            LinearExpr aMinusR = minus(LinearExpr.of(a), r);
            LinearExpr aPlusR = LinearExpr.builder().add(BigInteger.ONE, a).add(BigInteger.ONE, r).build();
            if (hi.signum() == 0) {
                mb.addLinear(r, Relation.EQ, BigInteger.ZERO);
            } else if (r.lowerBound().signum() >= 0) {
                mb.addLinear(aMinusR, Relation.EQ, BigInteger.ZERO);
            } else if (r.upperBound().signum() <= 0) {
                mb.addLinear(aPlusR, Relation.EQ, BigInteger.ZERO);
            } else {
                mb.addLinear(aMinusR, Relation.GE, BigInteger.ZERO);
                mb.addLinear(aPlusR, Relation.GE, BigInteger.ZERO);
                Var nonNegative = newBool(Var.AUX_PREFIX + name + ".nonneg", (p, vals) ->
                        r.evaluate(x -> vals[x.index()]).signum() >= 0 ? BigInteger.ONE : BigInteger.ZERO);
                mb.addLinear(r, Relation.GE, BigInteger.ZERO, List.of(nonNegative.lit()));
                mb.addLinear(aMinusR, Relation.LE, BigInteger.ZERO, List.of(nonNegative.lit()));
                mb.addLinear(r, Relation.LE, BigInteger.ONE.negate(), List.of(nonNegative.not()));
                mb.addLinear(aPlusR, Relation.LE, BigInteger.ZERO, List.of(nonNegative.not()));
            }
            return a;
        }

        /** Makes U (already U ≥ 0 and U ≥ e) equal to max(0, e): a literal p ⇔ e ≥ 1 with p → U ≤ e, ¬p → U ≤ 0. */
        private void definePositivePart(Var u, LinearExpr e, String name) {
            if (e.upperBound().signum() <= 0) {
                mb.addLinear(LinearExpr.of(u), Relation.LE, BigInteger.ZERO);
                return;
            }
            if (e.lowerBound().signum() > 0) {
                mb.addLinear(minus(LinearExpr.of(u), e), Relation.LE, BigInteger.ZERO);
                return;
            }
            Var positive = newBool(Var.AUX_PREFIX + name + ".pos", (p, vals) ->
                    e.evaluate(x -> vals[x.index()]).signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
            mb.addLinear(e, Relation.GE, BigInteger.ONE, List.of(positive.lit()));
            mb.addLinear(minus(LinearExpr.of(u), e), Relation.LE, BigInteger.ZERO, List.of(positive.lit()));
            mb.addLinear(e, Relation.LE, BigInteger.ZERO, List.of(positive.not()));
            mb.addLinear(LinearExpr.of(u), Relation.LE, BigInteger.ZERO, List.of(positive.not()));
        }

        /**
         * An auxiliary A ≥ |r| for every r given (intended value: max |r|), at most the bound G when
         * there is one. One-sided: only max_abs uses it, where "loss ≤ γ" is the single bound A ≤ G.
         */
        private Var absAux(String name, List<LinearExpr> rs) {
            BigInteger hi = BigInteger.ZERO;
            for (LinearExpr r : rs) hi = hi.max(r.upperBound().abs()).max(r.lowerBound().abs());
            if (bound != null) hi = hi.min(bound);
            Var a = newVar(Var.AUX_PREFIX + name, BigInteger.ZERO, hi, (p, vals) -> {
                BigInteger m = BigInteger.ZERO;
                for (LinearExpr r : rs) m = m.max(r.evaluate(x -> vals[x.index()]).abs());
                return m;
            });
            for (LinearExpr r : rs) {
                mb.addLinear(minus(LinearExpr.of(a), r), Relation.GE, BigInteger.ZERO);
                mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, a).add(BigInteger.ONE, r).build(), Relation.GE, BigInteger.ZERO);
            }
            return a;
        }
    }

    // ---------------------------------------------------------------- helpers

    static BigInteger[] productBounds(Var x, Var y) {
        BigInteger[] c = {x.lower().multiply(y.lower()), x.lower().multiply(y.upper()),
                x.upper().multiply(y.lower()), x.upper().multiply(y.upper())};
        BigInteger lo = c[0];
        BigInteger hi = c[0];
        for (BigInteger v : c) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        return new BigInteger[] {lo, hi};
    }

    static LinearExpr minus(LinearExpr a, LinearExpr b) {
        return a.toBuilder().add(BigInteger.ONE.negate(), b).build();
    }

    static BigInteger integer(Rational r) {
        if (!r.isInteger()) throw new IllegalStateException("encoder bug: scaled value " + r + " is not an integer");
        return r.numerator();
    }
}
