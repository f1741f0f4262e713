package org.ermbit.tests;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * The test oracle: enumerates every parameter vector of a tiny instance with plain nested
 * iteration and the exact loss evaluator — no encoder, no solver.
 */
final class BruteForce {

    private BruteForce() {
    }

    static BigInteger domainSize(ErmInstance inst) {
        BigInteger s = BigInteger.ONE;
        for (ParameterRef r : free(inst)) s = s.multiply(inst.domains().of(r).size());
        return s;
    }

    /** The exact minimum loss over the domain. */
    static Rational minimumLoss(ErmInstance inst) {
        Rational best = null;
        for (NetworkParameters p : all(inst)) {
            Rational l = LossEvaluator.evaluate(inst, p).total();
            if (best == null || l.compareTo(best) < 0) best = l;
        }
        return best;
    }

    static List<NetworkParameters> all(ErmInstance inst) {
        List<ParameterRef> free = free(inst);
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        List<List<Rational>> values = new ArrayList<>();
        for (ParameterRef r : free) values.add(inst.domains().of(r).values(100_000));
        List<NetworkParameters> out = new ArrayList<>();
        int[] idx = new int[free.size()];
        while (true) {
            out.add(NetworkParameters.build(inst.architecture(), r -> {
                int k = free.indexOf(r);
                return k < 0 ? fixed.get(r) : values.get(k).get(idx[k]);
            }));
            int k = 0;
            while (k < idx.length && ++idx[k] == values.get(k).size()) idx[k++] = 0;
            if (k == idx.length) return out;
        }
    }

    static List<ParameterRef> free(ErmInstance inst) {
        Architecture a = inst.architecture();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        List<ParameterRef> free = new ArrayList<>();
        for (int l = 1; l <= a.depth(); l++) {
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    if (!fixed.containsKey(r)) free.add(r);
                }
            }
        }
        return free;
    }
}
