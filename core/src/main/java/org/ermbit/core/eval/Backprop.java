package org.ermbit.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LayerParameters;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;

/**
 * Exact backpropagation: the gradient of the training loss with respect to every weight and bias,
 * and the largest bit-length of any intermediate value (forward and backward), which is what makes
 * the ReLU-vs-polynomial dichotomy visible. At kinks the activations' documented one-sided
 * derivatives are used; for max_abs the first maximising point and output carry the gradient;
 * zero_one has gradient 0 everywhere it is defined.
 */
public final class Backprop {

    private Backprop() {
    }

    /** ∂L/∂parameter, shaped like the parameters, plus the largest bit-length seen. */
    public record Gradient(NetworkParameters gradient, Rational loss, int maxBitLength) {
    }

    public static Gradient gradient(ErmInstance inst, NetworkParameters p) {
        Architecture a = inst.architecture();
        LossEvaluator.Report report = LossEvaluator.evaluate(inst, p);
        int maxBits = report.maxBitLength();
        int n = inst.data().size();
        List<Rational[][]> gw = new ArrayList<>();
        List<Rational[]> gb = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            Rational[][] w = new Rational[a.layer(l).units()][a.fanIn(l)];
            Rational[] b = new Rational[a.layer(l).units()];
            for (Rational[] row : w) java.util.Arrays.fill(row, Rational.ZERO);
            java.util.Arrays.fill(b, Rational.ZERO);
            gw.add(w);
            gb.add(b);
        }
        int argmaxPoint = argmax(report.perPoint());
        for (int pt = 0; pt < n; pt++) {
            if (inst.loss().aggregate() == Aggregate.MAX && pt != argmaxPoint) continue;
            ForwardPass.Trace t = report.traces().get(pt);
            List<Rational> delta = outputDelta(inst, t.output(), inst.data().targets().get(pt));
            if (inst.loss().aggregate() == Aggregate.MEAN) {
                Rational inv = Rational.of(1, n);
                delta = delta.stream().map(d -> d.multiply(inv)).toList();
            }
            for (int l = a.depth(); l >= 1; l--) {
                List<Rational> z = t.preActivations(l);
                List<Rational> dz = new ArrayList<>();
                for (int i = 0; i < z.size(); i++) {
                    Rational v = delta.get(i).multiply(a.layer(l).activation().derivative(z.get(i)));
                    maxBits = Math.max(maxBits, v.bitLength());
                    dz.add(v);
                }
                List<Rational> hPrev = t.activations(l - 1);
                LayerParameters lp = p.layer(l);
                List<Rational> next = new ArrayList<>();
                for (int j = 0; j < hPrev.size(); j++) next.add(Rational.ZERO);
                for (int i = 0; i < dz.size(); i++) {
                    Rational d = dz.get(i);
                    if (d.isZero()) continue;
                    gb.get(l - 1)[i] = gb.get(l - 1)[i].add(d);
                    for (int j = 0; j < hPrev.size(); j++) {
                        gw.get(l - 1)[i][j] = gw.get(l - 1)[i][j].add(d.multiply(hPrev.get(j)));
                        next.set(j, next.get(j).add(d.multiply(lp.weights().get(i).get(j))));
                    }
                }
                for (Rational v : next) maxBits = Math.max(maxBits, v.bitLength());
                delta = next;
            }
        }
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 0; l < a.depth(); l++) {
            List<List<Rational>> w = new ArrayList<>();
            for (Rational[] row : gw.get(l)) {
                w.add(List.of(row));
                for (Rational v : row) maxBits = Math.max(maxBits, v.bitLength());
            }
            layers.add(new LayerParameters(w, List.of(gb.get(l))));
        }
        return new Gradient(new NetworkParameters(layers), report.total(), maxBits);
    }

    private static int argmax(List<Rational> values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) if (values.get(i).compareTo(values.get(best)) > 0) best = i;
        return best;
    }

    /** ∂(point loss)/∂ŷ_o for every output o. */
    private static List<Rational> outputDelta(ErmInstance inst, List<Rational> yhat, List<Rational> y) {
        LossType type = inst.loss().type();
        List<Rational> d = new ArrayList<>();
        int maxO = 0;
        if (type == LossType.MAX_ABS) {
            for (int o = 1; o < y.size(); o++) {
                if (yhat.get(o).subtract(y.get(o)).abs().compareTo(yhat.get(maxO).subtract(y.get(maxO)).abs()) > 0) maxO = o;
            }
        }
        for (int o = 0; o < y.size(); o++) {
            Rational r = yhat.get(o).subtract(y.get(o));
            switch (type) {
                case SQUARED -> d.add(r.multiply(Rational.TWO));
                case ABSOLUTE -> d.add(Rational.of(r.signum()));
                case MAX_ABS -> d.add(o == maxO ? Rational.of(r.signum()) : Rational.ZERO);
                case ZERO_ONE -> d.add(Rational.ZERO);
                case HINGE -> d.add(Rational.ONE.subtract(y.get(o).multiply(yhat.get(o))).signum() > 0
                        ? y.get(o).negate() : Rational.ZERO);
                default -> throw new AssertionError(type);
            }
        }
        return d;
    }
}
