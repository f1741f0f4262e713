package org.ermbit.reductions.encode;

import java.math.BigInteger;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ParameterRef;

/**
 * First-layer-aware products (docs/ENCODING.md §3b, off by default). With a relu / leaky_relu
 * first layer, H_1[j] = N·Z_j + (P−N)·a_j·Z_j where Z_j = Σ_k e_k·K_k + e_0 is linear in the
 * first-layer parameters, so K2·H_1[j] = N·Σ e_k·(K2·K_k) + N·e_0·K2 + (P−N)·(Σ e_k·a_j·(K2·K_k)
 * + e_0·a_j·K2): the products K2·K_k are shared by all data points, and per point only a_j times
 * those are needed.
 */
final class FirstLayerProducts {
    private final EncodingBuilder b;
    private final ParameterVariables params;
    /** P and N: H = P·Z on the positive piece, N·Z on the other. */
    private final ScaledActivation.Slopes slopes;

    /** Whether the scheme applies: a hidden relu / leaky_relu first layer and every second-layer weight free. */
    static boolean applies(Architecture arch, ParameterVariables params) {
        if (arch.depth() < 2) return false;
        Activation act = arch.layer(1).activation();
        return (act instanceof Activation.Relu || act instanceof Activation.LeakyRelu) && params.allFree(2, false);
    }

    FirstLayerProducts(EncodingBuilder b, Architecture arch, ParameterVariables params) {
        this.b = b;
        this.params = params;
        this.slopes = ScaledActivation.Slopes.of(arch.layer(1).activation());
    }

    /** Z_2[i] at one data point, from the first layer's pre-activations {@code z1} and activation literals {@code a1} there. */
    LinearExpr secondLayerPreActivation(int i, LinearExpr[] z1, Var[] a1) {
        BigInteger negative = slopes.negative();
        BigInteger diff = slopes.positive().subtract(negative);
        LinearExpr.Builder zb = LinearExpr.builder();
        for (int j = 0; j < z1.length; j++) {
            ParameterRef r = ParameterRef.weight(2, i, j);
            Var v = params.var(r);
            BigInteger c = params.freeWeightCoefficient(r);
            Var a = a1[j];
            for (var t : z1[j].terms().entrySet()) {
                Var q = b.product("vk(" + v.name() + "," + t.getKey().name() + ")", v, t.getKey());
                if (negative.signum() != 0) zb.add(c.multiply(negative).multiply(t.getValue()), q);
                zb.add(c.multiply(diff).multiply(t.getValue()), b.product("aq(" + a.name() + "," + q.name() + ")", a, q));
            }
            BigInteger e0 = z1[j].constant();
            if (e0.signum() != 0) {
                if (negative.signum() != 0) zb.add(c.multiply(negative).multiply(e0), v);
                zb.add(c.multiply(diff).multiply(e0), b.product("av(" + a.name() + "," + v.name() + ")", a, v));
            }
        }
        params.addBias(zb, 2, i);
        return zb.build();
    }
}
