package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.ModelBuilder;
import org.ermbit.core.ir.Relation;
import org.ermbit.core.ir.Var;
import org.ermbit.core.number.Rational;

/**
 * The constraint model of one encoding run under construction, together with each variable's
 * {@link Encoding.Definition} (its intended value as a function of the parameters, which lets an
 * {@link Encoding} complete a parameter vector to a full assignment). Every variable the encoder
 * creates goes through here, so no variable lacks a definition.
 */
final class EncodingBuilder {
    private final ModelBuilder model = new ModelBuilder();
    private final List<Encoding.Definition> definitions = new ArrayList<>();
    private final Map<List<Var>, Var> products = new HashMap<>();

    /** The constraints added so far (variables are created through this class only). */
    ModelBuilder model() {
        return model;
    }

    List<Encoding.Definition> definitions() {
        return definitions;
    }

    Var newVar(String name, BigInteger lo, BigInteger hi, Encoding.Definition d) {
        definitions.add(d);
        return model.newVar(name, lo, hi, false);
    }

    Var newBool(String name, Encoding.Definition d) {
        definitions.add(d);
        return model.newBool(name);
    }

    /** An auxiliary integer equal to {@code e}, with the bounds of e. */
    Var define(String name, LinearExpr e) {
        Var v = newVar(Var.AUX_PREFIX + name, e.lowerBound(), e.upperBound(), (p, vals) -> e.evaluate(x -> vals[x.index()]));
        model.addLinear(minus(LinearExpr.of(v), e), Relation.EQ, BigInteger.ZERO);
        return v;
    }

    /** {@code e} itself when it is a single variable with coefficient 1, else an auxiliary equal to it. */
    Var asVar(LinearExpr e, String name) {
        if (e.constant().signum() == 0 && e.terms().size() == 1) {
            var t = e.terms().entrySet().iterator().next();
            if (t.getValue().equals(BigInteger.ONE)) return t.getKey();
        }
        return define(name, e);
    }

    /**
     * An auxiliary equal to x·y (a {@code Product} constraint with exact interval bounds), shared
     * by every request for the same ordered pair of factors.
     */
    Var product(String name, Var x, Var y) {
        return products.computeIfAbsent(List.of(x, y), key -> {
            BigInteger[] b = productBounds(x, y);
            Var q = newVar(Var.AUX_PREFIX + name, b[0], b[1], (p, vals) -> vals[x.index()].multiply(vals[y.index()]));
            model.addProduct(q, x, y);
            return q;
        });
    }

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

    /** The integer value of a scaled quantity; a fraction here is an encoder bug. */
    static BigInteger integer(Rational r) {
        if (!r.isInteger()) throw new IllegalStateException("encoder bug: scaled value " + r + " is not an integer");
        return r.numerator();
    }
}
