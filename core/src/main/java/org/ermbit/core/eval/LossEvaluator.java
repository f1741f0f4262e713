package org.ermbit.core.eval;

import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.Loss;
import org.ermbit.core.number.Rational;

/** Exact training loss of a parameter vector (DESIGN §3). */
public final class LossEvaluator {

    private LossEvaluator() {
    }

    /** The total loss, the per-point losses and the forward traces behind them. */
    public record Report(Rational total, List<Rational> perPoint, List<ForwardPass.Trace> traces) {
        /** Largest bit-length of any intermediate value over all points. */
        public int maxBitLength() {
            int m = total.bitLength();
            for (ForwardPass.Trace t : traces) m = Math.max(m, t.maxBitLength());
            return m;
        }
    }

    /** Loss of one point with prediction {@code yhat} and target {@code y}. */
    public static Rational pointLoss(LossType type, List<Rational> yhat, List<Rational> y) {
        switch (type) {
            case SQUARED: {
                Rational s = Rational.ZERO;
                for (int o = 0; o < y.size(); o++) s = s.add(yhat.get(o).subtract(y.get(o)).square());
                return s;
            }
            case ABSOLUTE: {
                Rational s = Rational.ZERO;
                for (int o = 0; o < y.size(); o++) s = s.add(yhat.get(o).subtract(y.get(o)).abs());
                return s;
            }
            case MAX_ABS: {
                Rational m = Rational.ZERO;
                for (int o = 0; o < y.size(); o++) m = m.max(yhat.get(o).subtract(y.get(o)).abs());
                return m;
            }
            case ZERO_ONE:
                return yhat.get(0).multiply(y.get(0)).signum() > 0 ? Rational.ZERO : Rational.ONE;
            case HINGE:
                return Rational.ONE.subtract(y.get(0).multiply(yhat.get(0))).max(Rational.ZERO);
            default:
                throw new AssertionError(type);
        }
    }

    /** Combines per-point losses with the aggregate. */
    public static Rational aggregate(Loss loss, List<Rational> perPoint) {
        if (loss.aggregate() == Aggregate.MAX) return perPoint.stream().reduce(Rational.ZERO, Rational::max);
        Rational sum = perPoint.stream().reduce(Rational.ZERO, Rational::add);
        return loss.aggregate() == Aggregate.MEAN && !perPoint.isEmpty() ? sum.divide(Rational.of(perPoint.size())) : sum;
    }

    /** Evaluates {@code p} on the instance's data. */
    public static Report evaluate(ErmInstance inst, NetworkParameters p) {
        return evaluate(inst, inst.data(), p);
    }

    /** Evaluates {@code p} on {@code data} with the instance's architecture and loss. */
    public static Report evaluate(ErmInstance inst, Dataset data, NetworkParameters p) {
        List<Rational> per = new ArrayList<>();
        List<ForwardPass.Trace> traces = new ArrayList<>();
        for (int n = 0; n < data.size(); n++) {
            ForwardPass.Trace t = ForwardPass.run(inst.architecture(), p, data.inputs().get(n));
            traces.add(t);
            per.add(pointLoss(inst.loss().type(), t.output(), data.targets().get(n)));
        }
        return new Report(aggregate(inst.loss(), per), List.copyOf(per), List.copyOf(traces));
    }
}
