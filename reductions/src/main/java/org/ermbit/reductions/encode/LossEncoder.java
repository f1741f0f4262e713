package org.ermbit.reductions.encode;

import static org.ermbit.reductions.encode.EncodingBuilder.integer;
import static org.ermbit.reductions.encode.EncodingBuilder.minus;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.number.Rational;

/**
 * The loss section of an encoding: from the scaled network outputs H_L to an integer linear
 * expression equal to (loss scale)·loss, per DESIGN §3 and docs/ENCODING.md §4 (see
 * {@link ErmEncoder} for the per-loss auxiliaries). When encoding for a bound G ("scaled loss ≤
 * G") it adds that constraint and caps the per-point auxiliaries by what G allows.
 */
final class LossEncoder {
    /** The scaled loss: {@code expression} = {@code scale}·loss under the intended assignment, and at least that in every model. */
    record ScaledLoss(LinearExpr expression, BigInteger scale) {
    }

    private final EncodingBuilder b;
    private final ModelBuilder mb;
    private final ErmInstance inst;
    private final Scaling sc;
    /** G of "scaled loss ≤ G", or null. */
    private final BigInteger lossBound;
    /** G when it is ≥ 0 (the caps on loss auxiliaries), else null. */
    private final BigInteger cap;

    LossEncoder(EncodingBuilder b, ErmInstance inst, Scaling sc, BigInteger lossBound) {
        this.b = b;
        this.mb = b.model();
        this.inst = inst;
        this.sc = sc;
        this.lossBound = lossBound;
        this.cap = lossBound == null || lossBound.signum() < 0 ? null : lossBound;
    }

    /** Encodes the loss of {@code outputs} (per data point, the scaled outputs H_L). */
    ScaledLoss encode(List<List<LinearExpr>> outputs) {
        LossType type = inst.loss().type();
        int n = outputs.size();
        BigInteger t = sc.residualScale();
        BigInteger outScale = sc.act(inst.architecture().depth());
        LinearExpr.Builder loss = LinearExpr.builder();
        BigInteger scale;
        switch (type) {
            case SQUARED -> {
                scale = t.multiply(t);
                BigInteger residualCap = cap == null ? null : cap.sqrt();
                List<String> names = new ArrayList<>();
                List<LinearExpr> residuals = residuals(outputs, names);
                for (int k = 0; k < residuals.size(); k++) {
                    // sq = |R|·|R|: non-negative bits, so the loss sum has only positive coefficients
                    Var m = magnitude("absr" + names.get(k), residuals.get(k), residualCap);
                    loss.add(BigInteger.ONE, b.product("sq" + names.get(k), m, m));
                }
            }
            case ABSOLUTE -> {
                scale = t;
                List<String> names = new ArrayList<>();
                List<LinearExpr> residuals = residuals(outputs, names);
                for (int k = 0; k < residuals.size(); k++) loss.add(BigInteger.ONE, magnitude("abs" + names.get(k), residuals.get(k), cap));
            }
            case MAX_ABS -> {
                scale = t;
                List<LinearExpr> residuals = residuals(outputs, new ArrayList<>());
                if (!residuals.isEmpty()) loss.add(BigInteger.ONE, maxMagnitude("max", residuals));
            }
            case ZERO_ONE -> {
                scale = BigInteger.ONE;
                for (int pt = 0; pt < n; pt++) loss.add(BigInteger.ONE, misclassified(pt, outputs.get(pt).get(0)));
            }
            case HINGE -> {
                scale = outScale;
                for (int pt = 0; pt < n; pt++) loss.add(BigInteger.ONE, hinge(pt, outputs.get(pt).get(0), outScale));
            }
            default -> throw new AssertionError(type);
        }
        if (inst.loss().aggregate() == Aggregate.MEAN && n > 0) scale = scale.multiply(BigInteger.valueOf(n));
        LinearExpr scaledLoss = loss.build();
        if (lossBound != null) mb.addLinear(scaledLoss, Relation.LE, lossBound);
        return new ScaledLoss(scaledLoss, scale);
    }

    /** R = E·H_L − T·y for every point and output (point-major); {@code names} receives "[pt][o]" for each. */
    private List<LinearExpr> residuals(List<List<LinearExpr>> outputs, List<String> names) {
        BigInteger e = sc.targetScale();
        BigInteger t = sc.residualScale();
        List<LinearExpr> residuals = new ArrayList<>();
        for (int pt = 0; pt < outputs.size(); pt++) {
            List<Rational> y = inst.data().targets().get(pt);
            for (int o = 0; o < y.size(); o++) {
                residuals.add(LinearExpr.builder().add(e, outputs.get(pt).get(o))
                        .addConstant(integer(y.get(o).multiply(Rational.of(t))).negate()).build());
                names.add("[" + pt + "][" + o + "]");
            }
        }
        return residuals;
    }

    /** e ⇔ y·ŷ ≤ 0, via y·H_L ≥ 1 ⇔ y·ŷ &gt; 0 (H_L integer, y = ±1). */
    private Var misclassified(int pt, LinearExpr output) {
        LinearExpr margin = LinearExpr.builder().add(inst.data().targets().get(pt).get(0).numerator(), output).build();
        Var err = b.newBool(Var.AUX_PREFIX + "err[" + pt + "]", (p, vals) ->
                margin.evaluate(x -> vals[x.index()]).signum() > 0 ? BigInteger.ZERO : BigInteger.ONE);
        mb.addLinear(margin, Relation.GE, BigInteger.ONE, List.of(err.not()));
        mb.addLinear(margin, Relation.LE, BigInteger.ZERO, List.of(err.lit()));
        return err;
    }

    /** U = max(0, A_L − y·H_L). */
    private Var hinge(int pt, LinearExpr output, BigInteger outScale) {
        LinearExpr slack = LinearExpr.builder().add(inst.data().targets().get(pt).get(0).numerator().negate(), output)
                .addConstant(outScale).build();
        BigInteger uHi = slack.upperBound().max(BigInteger.ZERO);
        if (cap != null) uHi = uHi.min(cap);
        Var u = b.newVar(Var.AUX_PREFIX + "hinge[" + pt + "]", BigInteger.ZERO, uHi,
                (p, vals) -> slack.evaluate(x -> vals[x.index()]).max(BigInteger.ZERO));
        mb.addLinear(minus(LinearExpr.of(u), slack), Relation.GE, BigInteger.ZERO);
        definePositivePart(u, slack, "hinge[" + pt + "]");
        return u;
    }

    /**
     * An auxiliary A = |r|, at most {@code max} when it is not null. A is a function of r (a sign
     * literal picks A = r or A = −r), so fixing the parameters propagates to A: with only
     * A ≥ ±r a clause-learning solver has to search the bits of A, which made sums of A tight
     * at the optimum hopeless for it (docs/ENCODING.md §4).
     */
    private Var magnitude(String name, LinearExpr r, BigInteger max) {
        BigInteger hi = r.upperBound().abs().max(r.lowerBound().abs());
        if (max != null) hi = hi.min(max);
        Var a = b.newVar(Var.AUX_PREFIX + name, BigInteger.ZERO, hi, (p, vals) -> r.evaluate(x -> vals[x.index()]).abs());
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
            Var nonNegative = b.newBool(Var.AUX_PREFIX + name + ".nonneg", (p, vals) ->
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
        Var positive = b.newBool(Var.AUX_PREFIX + name + ".pos", (p, vals) ->
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
    private Var maxMagnitude(String name, List<LinearExpr> rs) {
        BigInteger hi = BigInteger.ZERO;
        for (LinearExpr r : rs) hi = hi.max(r.upperBound().abs()).max(r.lowerBound().abs());
        if (cap != null) hi = hi.min(cap);
        Var a = b.newVar(Var.AUX_PREFIX + name, BigInteger.ZERO, hi, (p, vals) -> {
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
