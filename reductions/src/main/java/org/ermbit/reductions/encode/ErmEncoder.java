package org.ermbit.reductions.encode;

import static org.ermbit.reductions.encode.EncodingBuilder.minus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;

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
 *
 * <p>This class encodes the forward pass; {@link ParameterVariables} creates the parameters,
 * {@link SymmetryBreaking}, {@link FirstLayerSelection}, {@link FirstLayerProducts} and
 * {@link LossEncoder} the other sections, all through one {@link EncodingBuilder}.
 */
public final class ErmEncoder {

    private ErmEncoder() {
    }

    /**
     * Encodes {@code inst}.
     *
     * @throws UnsupportedInstanceException ("not supported: …") for polynomial activations of degree
     *                                      ≥ 2, rational domains past {@link Scaling#MAX_RATIONAL_BITS}
     *                                      bits and scales past {@link Scaling#MAX_SCALE_BITS} bits
     */
    public static Encoding encode(ErmInstance inst, EncoderOptions opts) {
        return encode(inst, opts, Limits.none());
    }

    /**
     * {@link #encode(ErmInstance, EncoderOptions)} within {@code limits}: large instances take
     * seconds to encode, so the deadline and the cancel token are checked between data points.
     *
     * @throws EncodingStopped when the limits expire before the encoding is complete
     */
    public static Encoding encode(ErmInstance inst, EncoderOptions opts, Limits limits) {
        for (var spec : inst.architecture().layers()) {
            if (spec.activation().degree() >= 2) {
                throw new UnsupportedInstanceException("not supported: polynomial activation of degree "
                        + spec.activation().degree() + " goes to the counting route");
            }
        }
        return new Run(inst, opts, null, limits).encode();
    }

    /**
     * Encodes {@code inst} for the question "scaled loss ≤ G" ({@code scaledBound} = G): the model
     * contains the constraint scaledLoss ≤ G, and when G ≥ 0 every per-point loss auxiliary (and,
     * for squared loss, every residual) gets bounds no wider than G allows (|R| ≤ ⌊√G⌋ for squared,
     * A ≤ G for absolute / max_abs / hinge) — exact because every per-point term is non-negative.
     * Variables before the loss section are created exactly as by {@link #encode}, so parameters
     * and activation literals keep their indices.
     */
    static Encoding encodeForBound(ErmInstance inst, EncoderOptions opts, BigInteger scaledBound, Limits limits) {
        return new Run(inst, opts, scaledBound, limits).encode();
    }

    /** One encoding run: parameters, symmetry breaking, the forward pass of every data point, the loss. */
    private static final class Run {
        private final ErmInstance inst;
        private final EncoderOptions opts;
        private final Architecture arch;
        private final Scaling sc;
        private final EncodingBuilder b = new EncodingBuilder();
        private final ModelBuilder mb = b.model();
        private final Var[][][][] actVars;
        /** G of "scaled loss ≤ G" when encoding for a bound, else null. */
        private final BigInteger lossBound;
        private ParameterVariables params;
        /** First-layer configuration selection (§3a of docs/ENCODING.md), null when not used. */
        private FirstLayerSelection selection;
        /** First-layer-aware products (§3b of docs/ENCODING.md), null when not used. */
        private FirstLayerProducts firstLayerProducts;

        private final Limits limits;

        Run(ErmInstance inst, EncoderOptions opts, BigInteger bound, Limits limits) {
            this.limits = limits;
            this.inst = inst;
            this.opts = opts;
            this.lossBound = bound;
            this.arch = inst.architecture();
            this.sc = Scaling.of(inst);
            this.actVars = new Var[inst.data().size()][arch.depth()][][];
        }

        Encoding encode() {
            EncodingStopped.check(limits);
            params = ParameterVariables.create(b, inst, sc, limits);
            if (opts.symmetryBreaking()) SymmetryBreaking.apply(b, arch, params, limits);
            if (FirstLayerSelection.applies(opts.configurationLimit(), arch, params)) {
                selection = new FirstLayerSelection(b, arch, params, sc);
            } else if (opts.firstLayerProducts() && FirstLayerProducts.applies(arch, params)) {
                firstLayerProducts = new FirstLayerProducts(b, arch, params);
            }
            int n = inst.data().size();
            List<List<LinearExpr>> outputs = new ArrayList<>();
            for (int pt = 0; pt < n; pt++) {
                EncodingStopped.check(limits);
                outputs.add(encodePoint(pt));
            }
            EncodingStopped.check(limits);
            LossEncoder.ScaledLoss loss = new LossEncoder(b, inst, sc, lossBound).encode(outputs);
            return new Encoding(inst, opts, lossBound, sc, mb.build(), loss.scale(), loss.expression(), b.definitions(),
                    params.vars(), params.denominators(), actVars);
        }

        /** Encodes one data point; returns the scaled outputs H_L (as expressions). */
        private List<LinearExpr> encodePoint(int pt) {
            List<LinearExpr> h = inputs(pt);
            int first = 1;
            BigInteger[][] selected = null;
            LinearExpr[] z1 = null;
            Var[] a1 = null;
            if (selection != null) {
                List<LinearExpr> z = new ArrayList<>();
                for (int i = 0; i < arch.layer(1).units(); i++) z.add(preActivation(pt, 1, i, h, null));
                FirstLayerSelection.PointLayer layer = selection.atPoint(pt, z);
                actVars[pt][0] = layer.literals();
                selected = layer.activations();
                first = 2;
            } else if (firstLayerProducts != null) {
                int units = arch.layer(1).units();
                actVars[pt][0] = new Var[units][];
                z1 = new LinearExpr[units];
                a1 = new Var[units];
                for (int i = 0; i < units; i++) {
                    z1[i] = preActivation(pt, 1, i, h, null);
                    a1[i] = reluLiteral(pt, 1, i, b.asVar(z1[i], "z[" + pt + "][1][" + i + "]"));
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
                    EncodingStopped.check(limits); // a point of a wide network takes long on its own
                    LinearExpr z = l == 2 && selected != null ? selection.secondLayerPreActivation(i, selected)
                            : l == 2 && z1 != null ? firstLayerProducts.secondLayerPreActivation(i, z1, a1)
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

        /**
         * Z_ℓ[i] as an integer linear expression: products of a weight and a non-constant H_(ℓ−1)[j]
         * go through Product constraints ({@code factorCache} holds H_(ℓ−1)[j] as variables; it may be
         * null when every H is constant).
         */
        private LinearExpr preActivation(int pt, int l, int i, List<LinearExpr> h, List<Var> factorCache) {
            LinearExpr.Builder zb = LinearExpr.builder();
            for (int j = 0; j < h.size(); j++) {
                ParameterRef r = ParameterRef.weight(l, i, j);
                Var k = params.var(r);
                if (k == null) {
                    zb.add(params.fixedWeightCoefficient(r), h.get(j));
                    continue;
                }
                BigInteger c = params.freeWeightCoefficient(r);
                LinearExpr hj = h.get(j);
                if (hj.terms().isEmpty()) {
                    zb.add(c.multiply(hj.constant()), k);
                    continue;
                }
                Var hv = factorCache.get(j);
                if (hv == null) {
                    hv = b.asVar(hj, "h[" + pt + "][" + (l - 1) + "][" + j + "]");
                    factorCache.set(j, hv);
                }
                zb.add(c, b.product("p[" + pt + "][" + l + "][" + i + "][" + j + "]", k, hv));
            }
            params.addBias(zb, l, i);
            return zb.build();
        }

        /** H_ℓ[i] for pre-activation {@code z}, adding the activation's literals and constraints. */
        private LinearExpr activate(int pt, int l, int i, LinearExpr z) {
            Activation act = arch.layer(l).activation();
            String at = "[" + pt + "][" + l + "][" + i + "]";
            if (act instanceof Activation.Identity) return z;
            if (act instanceof Activation.Polynomial poly) {
                return LinearExpr.builder()
                        .add(ScaledActivation.affineSlope(sc, l, poly), z)
                        .addConstant(ScaledActivation.affineOffset(sc, l, poly))
                        .build();
            }
            Var zv = b.asVar(z, "z" + at);
            if (act instanceof Activation.HardTanh) return hardtanh(at, zv, sc.pre(l), pt, l, i);
            // relu and leaky_relu: H = P·Z on the positive piece, N·Z on the other
            ScaledActivation.Slopes slopes = ScaledActivation.Slopes.of(act);
            Var a = reluLiteral(pt, l, i, zv);
            Var h = b.newVar(Var.AUX_PREFIX + "h" + at, slopes.apply(zv.lower()), slopes.apply(zv.upper()),
                    (p, vals) -> slopes.apply(vals[zv.index()]));
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, h).add(slopes.positive().negate(), zv).build(), Relation.EQ, BigInteger.ZERO,
                    List.of(a.lit()));
            mb.addLinear(LinearExpr.builder().add(BigInteger.ONE, h).add(slopes.negative().negate(), zv).build(), Relation.EQ, BigInteger.ZERO,
                    List.of(a.not()));
            return LinearExpr.of(h);
        }

        /** The relu / leaky_relu literal a ⇔ Z ≥ 1 (a → Z ≥ 1, ¬a → Z ≤ 0), recorded as the unit's activation. */
        private Var reluLiteral(int pt, int l, int i, Var zv) {
            Var a = b.newBool("act[" + pt + "][" + l + "][" + i + "]", (p, vals) -> vals[zv.index()].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
            actVars[pt][l - 1][i] = new Var[] {a};
            mb.addLinear(LinearExpr.of(zv), Relation.GE, BigInteger.ONE, List.of(a.lit()));
            mb.addLinear(LinearExpr.of(zv), Relation.LE, BigInteger.ZERO, List.of(a.not()));
            return a;
        }

        /** Hardtanh H = clip(Z, −S, S) with literals up ⇔ Z ≥ S and down ⇔ Z ≤ −S. */
        private LinearExpr hardtanh(String at, Var zv, BigInteger s, int pt, int l, int i) {
            BigInteger ms = s.negate();
            Var up = b.newBool("act" + at + ".up", (p, vals) -> vals[zv.index()].compareTo(s) >= 0 ? BigInteger.ONE : BigInteger.ZERO);
            Var down = b.newBool("act" + at + ".down", (p, vals) -> vals[zv.index()].compareTo(ms) <= 0 ? BigInteger.ONE : BigInteger.ZERO);
            actVars[pt][l - 1][i] = new Var[] {up, down};
            Var h = b.newVar(Var.AUX_PREFIX + "h" + at, ScaledActivation.clip(zv.lower(), s), ScaledActivation.clip(zv.upper(), s),
                    (p, vals) -> ScaledActivation.clip(vals[zv.index()], s));
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

    }
}
