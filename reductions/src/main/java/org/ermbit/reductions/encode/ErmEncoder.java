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
 * <p><b>Loss</b>: R = E·H_L − E·A_L·y = T·(ŷ − y). squared: Σ R² (Product R·R), scale T²;
 * absolute: Σ A with A ≥ ±R, scale T; max_abs: M ≥ ±R for all, scale T; zero_one: Σ e with
 * ¬e → y·H_L ≥ 1, scale 1; hinge: Σ U with U ≥ 0, U ≥ A_L − y·H_L, scale A_L; mean multiplies the
 * scale by N.
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
                        } else {
                            Domain.Grid g = (Domain.Grid) d;
                            lo = g.low();
                            hi = g.high();
                        }
                        Var k = newVar(r.toString(), lo, hi, (p, vals) -> p.get(r).multiply(Rational.of(q)).numerator());
                        paramVars.put(r, k);
                        paramDen.put(r, q);
                    }
                }
            }
        }

        // ---------------------------------------------------------------- forward pass

        /** Encodes one data point; returns the scaled outputs H_L (as expressions). */
        private List<LinearExpr> encodePoint(int pt) {
            List<LinearExpr> h = new ArrayList<>();
            for (Rational x : inst.data().inputs().get(pt)) h.add(LinearExpr.constant(x.multiply(Rational.of(sc.inputScale())).numerator()));
            for (int l = 1; l <= arch.depth(); l++) {
                int units = arch.layer(l).units();
                actVars[pt][l - 1] = new Var[units][];
                List<LinearExpr> next = new ArrayList<>();
                List<Var> factorCache = new ArrayList<>();
                for (int j = 0; j < h.size(); j++) factorCache.add(null);
                for (int i = 0; i < units; i++) {
                    LinearExpr z = preActivation(pt, l, i, h, factorCache);
                    next.add(activate(pt, l, i, z));
                }
                h = next;
            }
            return h;
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
            Var a = newBool("act" + at, (p, vals) -> vals[zv.index()].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
            actVars[pt][l - 1][i] = new Var[] {a};
            BigInteger lo = piecewise(zv.lower(), pc, nc);
            BigInteger hi = piecewise(zv.upper(), pc, nc);
            Var h = newVar(Var.AUX_PREFIX + "h" + at, lo, hi, (p, vals) -> piecewise(vals[zv.index()], pc, nc));
            mb.addLinear(zx, Relation.GE, BigInteger.ONE, List.of(a.lit()));
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, h).add(pc.negate(), zv).build(), Relation.EQ, BigInteger.ZERO, List.of(a.lit()));
            mb.addLinear(zx, Relation.LE, BigInteger.ZERO, List.of(a.not()));
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, h).add(nc.negate(), zv).build(), Relation.EQ, BigInteger.ZERO, List.of(a.not()));
            return LinearExpr.of(h);
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
                        Var r = cap == null ? asVar(residuals.get(k), "r" + residualNames.get(k))
                                : defineWithin(residuals.get(k), "r" + residualNames.get(k), cap);
                        BigInteger[] b = productBounds(r, r);
                        Var sq = newVar(Var.AUX_PREFIX + "sq" + residualNames.get(k), b[0].max(BigInteger.ZERO), b[1],
                                (p, vals) -> vals[r.index()].multiply(vals[r.index()]));
                        mb.addProduct(sq, r, r);
                        loss.add(BigInteger.ONE, sq);
                    }
                }
                case ABSOLUTE -> {
                    scale = t;
                    for (int k = 0; k < residuals.size(); k++) loss.add(BigInteger.ONE, absAux("abs" + residualNames.get(k), List.of(residuals.get(k))));
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

        /** An auxiliary R = e with bounds narrowed to [−cap, cap] (the defining equality enforces them on e). */
        private Var defineWithin(LinearExpr e, String name, BigInteger cap) {
            BigInteger lo = e.lowerBound().max(cap.negate());
            BigInteger hi = e.upperBound().min(cap);
            if (lo.compareTo(hi) > 0) {
                // no value of e is small enough: the model is infeasible under the bound
                lo = cap.negate();
                hi = cap;
            }
            Var v = newVar(Var.AUX_PREFIX + name, lo, hi, (p, vals) -> e.evaluate(x -> vals[x.index()]));
            mb.addLinear(minus(LinearExpr.of(v), e), Relation.EQ, BigInteger.ZERO);
            return v;
        }

        /** An auxiliary A ≥ |r| for every r given (intended value: max |r|), at most the bound G when there is one. */
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
