package org.ermbit.reductions.hardness;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.FixedParameter;
import org.ermbit.core.model.LayerSpec;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.LossType;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterDomains;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;

/**
 * {@code 3sat-relu}: CNF → ReLU ERM_bit, feasible iff the formula is satisfiable.
 *
 * <p>Network (n+1)-1-1: one hidden ReLU unit h = relu(Σ_i w_i·x_i + x_n), output y = v·h + c
 * (identity). Every parameter lies in the grid {0, 1}; the hidden unit's weight from the constant
 * input x_n is fixed to 1 and its bias to 0. The weights w_0..w_{n−1} are the assignment
 * (w_i = 1 ⇔ variable i+1 is true).
 *
 * <p>Data: per clause c with k literal occurrences, the point x_c with x_c[i] = (negative occurrences
 * of variable i+1) − (positive occurrences) and x_c[n] = (positive occurrences) − k + 1, target 0.
 * Then w·x_c + x_c[n] = F_c − (k − 1), where F_c is the number of false literal occurrences, so the
 * hidden unit outputs relu(F_c − k + 1): 1 if every literal of c is false, 0 otherwise — the kink of
 * the ReLU is what expresses the clause's disjunction. One anchor point (0, …, 0, 2) with target 2
 * forces v = 1, c = 0 (h = 2 there and 2v + c = 2 has the single solution v = 1, c = 0 over {0, 1}).
 * Loss: absolute, sum, threshold 0 (exact fit).
 *
 * <p>Hence ERM_bit is NP-hard already for: one hidden ReLU unit, a {0,1} grid domain, exact fit
 * (γ = 0) under absolute (equivalently squared) loss, with two parameters fixed. Size: n + 4
 * parameters, m + 1 data points with entries bounded by the clause length.
 */
public final class ThreeSatToRelu implements Reduction<Cnf, ErmInstance, boolean[], NetworkParameters> {

    public static final String NAME = "3sat-relu";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "CNF -> ReLU ERM_bit ((n+1)-1-1 network, {0,1} weights, exact fit): feasible iff satisfiable";
    }

    @Override
    public ErmInstance reduce(Cnf cnf) {
        int n = cnf.variables();
        Architecture arch = new Architecture(n + 1, List.of(
                new LayerSpec(1, new Activation.Relu()), new LayerSpec(1, new Activation.Identity())));
        Domain bit = new Domain.Grid(BigInteger.ONE, BigInteger.ZERO, BigInteger.ONE);
        List<FixedParameter> fixed = List.of(
                new FixedParameter(ParameterRef.weight(1, 0, n), Rational.ONE),
                new FixedParameter(ParameterRef.bias(1, 0), Rational.ZERO));
        List<List<Rational>> inputs = new ArrayList<>();
        List<List<Rational>> targets = new ArrayList<>();
        for (int[] clause : cnf.clauses()) {
            long[] x = new long[n + 1];
            int positives = 0;
            for (int lit : clause) {
                int i = Math.abs(lit) - 1;
                if (lit > 0) {
                    x[i]--;
                    positives++;
                } else {
                    x[i]++;
                }
            }
            x[n] = positives - clause.length + 1;
            inputs.add(toRationals(x));
            targets.add(List.of(Rational.ZERO));
        }
        long[] anchor = new long[n + 1];
        anchor[n] = 2;
        inputs.add(toRationals(anchor));
        targets.add(List.of(Rational.TWO));
        return new ErmInstance("3sat-relu(" + n + " vars, " + cnf.clauses().size() + " clauses)",
                java.util.Optional.of("reduced from a CNF by ermbit reduce 3sat-relu; feasible iff the CNF is satisfiable"),
                arch, ParameterDomains.uniform(bit), fixed, new Loss(LossType.ABSOLUTE, Aggregate.SUM),
                Rational.ZERO, new Dataset(inputs, targets), java.util.Optional.empty());
    }

    private static List<Rational> toRationals(long[] x) {
        List<Rational> out = new ArrayList<>(x.length);
        for (long v : x) out.add(Rational.of(v));
        return out;
    }

    /** {@code assignment[v]} for v = 1..n (index 0 unused) → the network that fits exactly. */
    @Override
    public NetworkParameters forward(Cnf cnf, ErmInstance target, boolean[] assignment) {
        int n = cnf.variables();
        return NetworkParameters.build(target.architecture(), ref -> {
            if (ref.layer() == 2) return ref.isBias() ? Rational.ZERO : Rational.ONE;
            if (ref.isBias()) return Rational.ZERO;
            if (ref.input() == n) return Rational.ONE;
            return assignment[ref.input() + 1] ? Rational.ONE : Rational.ZERO;
        });
    }

    /**
     * Reads the assignment off the hidden weights, if the network is a certificate (in the domain and
     * fitting exactly); the returned assignment then satisfies the formula.
     */
    @Override
    public Optional<boolean[]> backward(Cnf cnf, ErmInstance target, NetworkParameters p) {
        if (!Verifier.verify(target, p).accepted()) return Optional.empty();
        boolean[] assignment = new boolean[cnf.variables() + 1];
        for (int i = 0; i < cnf.variables(); i++) {
            assignment[i + 1] = p.get(ParameterRef.weight(1, 0, i)).equals(Rational.ONE);
        }
        return Optional.of(assignment);
    }
}
