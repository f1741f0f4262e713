package org.ermbit.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact gradients against hand derivations and against exact difference quotients of the exact loss. */
class BackpropTest {

    private static final String NET_1_1_1 = "{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"relu\"},"
            + " {\"units\": 1, \"activation\": \"identity\"}]}";
    private static final String DOMAIN = "{\"domain\": \"fixed\", \"bits\": 6, \"fraction_bits\": 1}";
    /** w = 2, b = −1, v = 3, c = 1/2. */
    private static final String PARAMS = "[{\"weights\": [[2]], \"biases\": [-1]}, {\"weights\": [[3]], \"biases\": [\"1/2\"]}]";

    /**
     * ŷ = v·relu(wx + b) + c, squared loss, points (x=1, y=0) and (x=0, y=1). Point 1: z = 1, h = 1,
     * ŷ = 7/2, ∂L/∂ŷ = 7, so ∂c = 7, ∂v = 7h = 7, ∂w = 7·v·x = 21, ∂b = 7·v = 21. Point 2: z = −1 (relu
     * off), ŷ = 1/2, ∂L/∂ŷ = −1, so ∂c = −1 and nothing else. Sum: ∂c = 6, ∂v = 7, ∂w = 21, ∂b = 21,
     * loss 49/4 + 1/4 = 25/2; mean halves everything.
     */
    @ParameterizedTest
    @CsvSource({"sum, 1", "mean, 2"})
    void handDerivedGradient(String aggregate, int divisor) {
        ErmInstance inst = Instances.of(NET_1_1_1, DOMAIN, "{\"type\": \"squared\", \"aggregate\": \"" + aggregate + "\"}", "0",
                "{\"inputs\": [[1], [0]], \"targets\": [[0], [1]]}");
        Backprop.Gradient g = Backprop.gradient(inst, Instances.params(PARAMS));
        Rational d = Rational.of(1, divisor);
        assertEquals(Rational.of(25, 2).multiply(d), g.loss());
        assertEquals(Rational.of(21).multiply(d), g.gradient().get(ParameterRef.weight(1, 0, 0)));
        assertEquals(Rational.of(21).multiply(d), g.gradient().get(ParameterRef.bias(1, 0)));
        assertEquals(Rational.of(7).multiply(d), g.gradient().get(ParameterRef.weight(2, 0, 0)));
        assertEquals(Rational.of(6).multiply(d), g.gradient().get(ParameterRef.bias(2, 0)));
    }

    /**
     * Same net, one point (x=1, y=0, ŷ = 7/2): absolute loss ∂L/∂ŷ = sign(7/2) = 1, so ∂c = 1, ∂v = 1,
     * ∂w = v = 3, ∂b = 3. Hinge with y = 1: 1 − ŷ = −5/2 &lt; 0, gradient 0; with y = −1: 1 + ŷ &gt; 0,
     * ∂L/∂ŷ = −y = 1, same as absolute. zero_one: gradient 0.
     */
    @ParameterizedTest
    @CsvSource({"absolute, 0, 1", "hinge, 1, 0", "hinge, -1, 1", "zero_one, -1, 0"})
    void handDerivedPiecewiseLinearLosses(String type, int y, int scale) {
        ErmInstance inst = Instances.of(NET_1_1_1, DOMAIN, "{\"type\": \"" + type + "\"}", "0",
                "{\"inputs\": [[1]], \"targets\": [[" + y + "]]}");
        NetworkParameters g = Backprop.gradient(inst, Instances.params(PARAMS)).gradient();
        Rational s = Rational.of(scale);
        assertEquals(Rational.of(3).multiply(s), g.get(ParameterRef.weight(1, 0, 0)));
        assertEquals(Rational.of(3).multiply(s), g.get(ParameterRef.bias(1, 0)));
        assertEquals(s, g.get(ParameterRef.weight(2, 0, 0)));
        assertEquals(s, g.get(ParameterRef.bias(2, 0)));
    }

    /** At a kink the documented one-sided convention applies: relu'(0) = 0. */
    @Test
    void reluKinkConvention() {
        ErmInstance inst = Instances.of(NET_1_1_1, DOMAIN, "{\"type\": \"squared\"}", "0", "{\"inputs\": [[1]], \"targets\": [[1]]}");
        // w = 1, b = -1: z = 0 exactly
        NetworkParameters p = Instances.params("[{\"weights\": [[1]], \"biases\": [-1]}, {\"weights\": [[3]], \"biases\": [0]}]");
        NetworkParameters g = Backprop.gradient(inst, p).gradient();
        assertEquals(Rational.ZERO, g.get(ParameterRef.weight(1, 0, 0)));
        assertEquals(Rational.of(-2), g.get(ParameterRef.bias(2, 0))); // 2·(0 − 1)
    }

    /**
     * The documented tie conventions of Backprop, by hand on ŷ = v·relu(wx + b) + c with w = 2,
     * b = −1, v = 3, c = 1/2 (ŷ = 7/2 at x = 1 and 1/2 at x = 0):
     * <ul>
     *   <li>max_abs (aggregated by max), points (x=1, y=6) and (x=0, y=3): both errors are −5/2, so
     *       both point losses are 5/2; only the first point carries the gradient: ∂L/∂ŷ = sign(−5/2) = −1,
     *       ∂c = −1, ∂v = −h = −1, ∂w = −v·x = −3, ∂b = −3 (the second point alone, where the unit is
     *       off, would give ∂v = ∂w = ∂b = 0);</li>
     *   <li>hinge exactly at the margin (y = 1, ŷ = 1 with c = −2): 1 − yŷ = 0, gradient 0.</li>
     * </ul>
     */
    @Test
    void tiesGoToTheFirstMaximiserAndTheHingeMarginHasGradientZero() {
        ErmInstance maxTie = Instances.of(NET_1_1_1, DOMAIN, "{\"type\": \"max_abs\"}", "0",
                "{\"inputs\": [[1], [0]], \"targets\": [[6], [3]]}");
        Backprop.Gradient g = Backprop.gradient(maxTie, Instances.params(PARAMS));
        assertEquals(Rational.of(5, 2), g.loss());
        assertEquals(Rational.of(-3), g.gradient().get(ParameterRef.weight(1, 0, 0)));
        assertEquals(Rational.of(-3), g.gradient().get(ParameterRef.bias(1, 0)));
        assertEquals(Rational.MINUS_ONE, g.gradient().get(ParameterRef.weight(2, 0, 0)));
        assertEquals(Rational.MINUS_ONE, g.gradient().get(ParameterRef.bias(2, 0)));

        ErmInstance margin = Instances.of(NET_1_1_1, DOMAIN, "{\"type\": \"hinge\"}", "0", "{\"inputs\": [[1]], \"targets\": [[1]]}");
        NetworkParameters atMargin = Instances.params("[{\"weights\": [[2]], \"biases\": [-1]}, {\"weights\": [[3]], \"biases\": [-2]}]");
        Backprop.Gradient h = Backprop.gradient(margin, atMargin);
        assertEquals(Rational.ZERO, h.loss());
        for (ParameterRef r : List.of(ParameterRef.weight(1, 0, 0), ParameterRef.bias(1, 0), ParameterRef.weight(2, 0, 0), ParameterRef.bias(2, 0))) {
            assertEquals(Rational.ZERO, h.gradient().get(r), r.toString());
        }
    }

    /**
     * max_abs with two outputs whose errors tie: only the first output carries the gradient. Net
     * 1-1-2 with hidden h = relu(x) (w = 1, b = 0), outputs ŷ₁ = h, ŷ₂ = 2h; at x = 1 with targets
     * (0, 3) the errors are +1 and −1, |·| tied: ∂L/∂ŷ = (1, 0), so ∂v₁ = h = 1, ∂v₂ = 0, ∂c₁ = 1,
     * ∂c₂ = 0 and ∂w = v₁·1 = 1 (with the second output it would be −2).
     */
    @Test
    void maxAbsTieGoesToTheFirstOutput() {
        ErmInstance inst = Instances.of("{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"relu\"},"
                + " {\"units\": 2, \"activation\": \"identity\"}]}", DOMAIN, "{\"type\": \"max_abs\"}", "0",
                "{\"inputs\": [[1]], \"targets\": [[0, 3]]}");
        NetworkParameters p = Instances.params("[{\"weights\": [[1]], \"biases\": [0]}, {\"weights\": [[1], [2]], \"biases\": [0, 0]}]");
        Backprop.Gradient g = Backprop.gradient(inst, p);
        assertEquals(Rational.ONE, g.loss());
        assertEquals(Rational.ONE, g.gradient().get(ParameterRef.weight(1, 0, 0)));
        assertEquals(Rational.ONE, g.gradient().get(ParameterRef.weight(2, 0, 0)));
        assertEquals(Rational.ZERO, g.gradient().get(ParameterRef.weight(2, 1, 0)));
        assertEquals(Rational.ONE, g.gradient().get(ParameterRef.bias(2, 0)));
        assertEquals(Rational.ZERO, g.gradient().get(ParameterRef.bias(2, 1)));
        // targets (0, 5): errors +1 and −3, the second output alone carries the gradient (sign −1)
        ErmInstance second = Instances.of("{\"inputs\": 1, \"layers\": [{\"units\": 1, \"activation\": \"relu\"},"
                + " {\"units\": 2, \"activation\": \"identity\"}]}", DOMAIN, "{\"type\": \"max_abs\"}", "0",
                "{\"inputs\": [[1]], \"targets\": [[0, 5]]}");
        Backprop.Gradient s = Backprop.gradient(second, p);
        assertEquals(Rational.of(3), s.loss());
        assertEquals(Rational.ZERO, s.gradient().get(ParameterRef.bias(2, 0)));
        assertEquals(Rational.MINUS_ONE, s.gradient().get(ParameterRef.bias(2, 1)));
        assertEquals(Rational.of(-2), s.gradient().get(ParameterRef.weight(1, 0, 0)));
    }

    private static final String[] ACTIVATIONS = {"\"relu\"", "{\"type\": \"leaky_relu\", \"alpha\": \"1/7\"}", "\"hardtanh\"", "\"identity\""};

    /**
     * On piecewise-linear nets the network output is linear in any single parameter while no kink is
     * crossed, so the loss is quadratic (squared) or linear (the others) along that parameter; the
     * central difference quotient (L(θ+h) − L(θ−h)) / 2h is then exactly the derivative. Parameters
     * are random rationals and h = 10^−9; a parameter is checked only when the activation pattern and
     * every sign the loss depends on are the same at θ−h, θ and θ+h.
     */
    @ParameterizedTest(name = "seed {0} {1} {2}")
    @CsvSource({
        "1, squared, sum", "2, squared, mean", "3, absolute, sum", "4, absolute, mean",
        "5, max_abs, max", "6, hinge, sum", "7, hinge, mean", "8, squared, sum", "9, absolute, sum", "10, max_abs, max"})
    void gradientEqualsExactDifferenceQuotient(long seed, String type, String aggregate) {
        Random rnd = new Random(seed);
        boolean classification = type.equals("hinge");
        int inputs = 1 + rnd.nextInt(3);
        int hidden = 1 + rnd.nextInt(3);
        int outputs = classification ? 1 : 1 + rnd.nextInt(2);
        String net = "{\"inputs\": " + inputs + ", \"layers\": [{\"units\": " + hidden + ", \"activation\": "
                + ACTIVATIONS[rnd.nextInt(ACTIVATIONS.length)] + "}, {\"units\": 2, \"activation\": "
                + ACTIVATIONS[rnd.nextInt(ACTIVATIONS.length)] + "}, {\"units\": " + outputs + ", \"activation\": \"identity\"}]}";
        StringBuilder xs = new StringBuilder("[");
        StringBuilder ys = new StringBuilder("[");
        int points = 2 + rnd.nextInt(4);
        for (int n = 0; n < points; n++) {
            xs.append(n > 0 ? "," : "").append(row(rnd, inputs, false));
            ys.append(n > 0 ? "," : "").append(row(rnd, outputs, classification));
        }
        ErmInstance inst = Instances.of(net, "{\"domain\": \"rational\", \"bits\": 8}",
                "{\"type\": \"" + type + "\", \"aggregate\": \"" + aggregate + "\"}", "0",
                "{\"inputs\": " + xs + "], \"targets\": " + ys + "]}");
        Architecture a = inst.architecture();
        NetworkParameters p = NetworkParameters.build(a, r -> randomRational(rnd));
        NetworkParameters grad = Backprop.gradient(inst, p).gradient();
        Rational h = Rational.of(1, 1_000_000_000);
        int checked = 0;
        List<ParameterRef> refs = refs(a);
        for (ParameterRef r : refs) {
            NetworkParameters plus = shifted(a, p, r, h);
            NetworkParameters minus = shifted(a, p, r, h.negate());
            String sig = signature(inst, p);
            if (!sig.equals(signature(inst, plus)) || !sig.equals(signature(inst, minus))) continue;
            Rational quotient = LossEvaluator.evaluate(inst, plus).total().subtract(LossEvaluator.evaluate(inst, minus).total())
                    .divide(h.multiply(Rational.TWO));
            assertEquals(quotient, grad.get(r), "∂L/∂" + r);
            checked++;
        }
        assertTrue(checked >= refs.size() / 2, "only " + checked + " of " + refs.size() + " parameters were away from kinks");
    }

    private static String row(Random rnd, int k, boolean label) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < k; i++) v.add(label ? (rnd.nextBoolean() ? "1" : "-1") : "\"" + randomRational(rnd) + "\"");
        return "[" + String.join(",", v) + "]";
    }

    private static Rational randomRational(Random rnd) {
        return Rational.of(rnd.nextInt(61) - 30, 1 + rnd.nextInt(12));
    }

    private static List<ParameterRef> refs(Architecture a) {
        List<ParameterRef> out = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) out.add(new ParameterRef(l, i, j));
            }
        }
        return out;
    }

    private static NetworkParameters shifted(Architecture a, NetworkParameters p, ParameterRef at, Rational by) {
        return NetworkParameters.build(a, r -> r.equals(at) ? p.get(r).add(by) : p.get(r));
    }

    /** Everything the loss's linear piece depends on: activation pattern, residual signs, hinge margins, argmax. */
    private static String signature(ErmInstance inst, NetworkParameters p) {
        StringBuilder sb = new StringBuilder(ActivationPattern.of(inst, p).pieces().toString());
        LossEvaluator.Report rep = LossEvaluator.evaluate(inst, p);
        LossType type = inst.loss().type();
        for (int n = 0; n < inst.data().size(); n++) {
            List<Rational> yhat = rep.traces().get(n).output();
            List<Rational> y = inst.data().targets().get(n);
            for (int o = 0; o < y.size(); o++) {
                Rational r = yhat.get(o).subtract(y.get(o));
                sb.append(r.signum());
                if (type == LossType.HINGE) sb.append(Rational.ONE.subtract(y.get(o).multiply(yhat.get(o))).signum());
            }
            if (type == LossType.MAX_ABS) {
                int best = 0;
                for (int o = 1; o < y.size(); o++) {
                    if (yhat.get(o).subtract(y.get(o)).abs().compareTo(yhat.get(best).subtract(y.get(best)).abs()) > 0) best = o;
                }
                sb.append('o').append(best);
            }
        }
        if (type == LossType.MAX_ABS) {
            int best = 0;
            for (int n = 1; n < rep.perPoint().size(); n++) if (rep.perPoint().get(n).compareTo(rep.perPoint().get(best)) > 0) best = n;
            sb.append('n').append(best);
        }
        return sb.toString();
    }
}
