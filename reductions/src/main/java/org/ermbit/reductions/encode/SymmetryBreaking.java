package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Literal;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.spi.Limits;

/**
 * Hidden-unit symmetry breaking: permuting the units of a hidden layer (with their incoming
 * parameters and outgoing weights) does not change the network, so the encoder may require
 * (weights, bias) of unit i ≤_lex those of unit i+1 in every hidden layer ℓ whose incoming
 * parameters and outgoing weights (layer ℓ+1) are all free. Sound: every orbit keeps a member.
 */
final class SymmetryBreaking {

    private SymmetryBreaking() {
    }

    static void apply(EncodingBuilder b, Architecture arch, ParameterVariables params, Limits limits) {
        for (int l = 1; l < arch.depth(); l++) {
            if (arch.layer(l).units() < 2 || !params.allFree(l, true) || !params.allFree(l + 1, false)) continue;
            for (int i = 0; i + 1 < arch.layer(l).units(); i++) {
                EncodingStopped.check(limits);
                lexLeq(b, params.freeIncoming(l, i), params.freeIncoming(l, i + 1), "lex[" + l + "][" + i + "]");
            }
        }
    }

    /**
     * x ≤_lex y with eq_k ("x_0..x_k = y_0..y_k" may be assumed) and lt_k ("x_k &lt; y_k while
     * the prefix is equal"): eq_(k−1) → x_k ≤ y_k; lt_k → x_k ≤ y_k − 1; clause
     * ¬eq_(k−1) ∨ lt_k ∨ eq_k.
     */
    private static void lexLeq(EncodingBuilder b, List<Var> x, List<Var> y, String name) {
        ModelBuilder mb = b.model();
        Var prevEq = null;
        for (int k = 0; k < x.size(); k++) {
            Var xk = x.get(k);
            Var yk = y.get(k);
            LinearExpr diff = LinearExpr.builder().add(BigInteger.ONE, xk).add(BigInteger.ONE.negate(), yk).build();
            List<Literal> enf = prevEq == null ? List.of() : List.of(prevEq.lit());
            mb.addLinear(diff, Relation.LE, BigInteger.ZERO, enf);
            if (k + 1 == x.size()) break;
            Var pe = prevEq;
            Var lt = b.newBool(Var.AUX_PREFIX + name + ".lt[" + k + "]", (p, vals) ->
                    (pe == null || vals[pe.index()].signum() != 0) && vals[xk.index()].compareTo(vals[yk.index()]) < 0
                            ? BigInteger.ONE : BigInteger.ZERO);
            Var eq = b.newBool(Var.AUX_PREFIX + name + ".eq[" + k + "]", (p, vals) ->
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
}
