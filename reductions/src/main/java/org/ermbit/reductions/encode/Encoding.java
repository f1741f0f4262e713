package org.ermbit.reductions.encode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Constraint;
import org.ermbit.core.ir.LinearExpr;
import org.ermbit.core.ir.Model;
import org.ermbit.core.ir.Var;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;

/**
 * The result of {@link ErmEncoder#encode}: the constraint model (with the loss bound only for the
 * encoding of a bound, {@link #atMost}), the
 * scaled loss expression and everything needed to decode a solver's assignment into exact
 * parameters and an activation pattern, or to build the assignment the encoding intends for a
 * given parameter vector.
 */
public final class Encoding {

    /** How the encoding intends a variable's value, given the parameters and the earlier variables. */
    @FunctionalInterface
    interface Definition {
        BigInteger value(NetworkParameters p, BigInteger[] earlier);
    }

    private final ErmInstance inst;
    private final EncoderOptions options;
    private final BigInteger lossBound;
    private final Scaling scaling;
    private final Model model;
    private final BigInteger lossScale;
    private final LinearExpr scaledLoss;
    private final List<Definition> definitions;
    private final Map<ParameterRef, Var> parameterVars;
    private final Map<ParameterRef, BigInteger> parameterDenominators;
    /** activationVars[n][l-1][i]: {a} for relu/leaky, {up, down} for hardtanh, null otherwise. */
    private final Var[][][][] activationVars;

    Encoding(ErmInstance inst, EncoderOptions options, BigInteger lossBound, Scaling scaling, Model model, BigInteger lossScale, LinearExpr scaledLoss,
             List<Definition> definitions, Map<ParameterRef, Var> parameterVars,
             Map<ParameterRef, BigInteger> parameterDenominators, Var[][][][] activationVars) {
        this.inst = inst;
        this.options = options;
        this.lossBound = lossBound;
        this.scaling = scaling;
        this.model = model;
        this.lossScale = lossScale;
        this.scaledLoss = scaledLoss;
        this.definitions = List.copyOf(definitions);
        this.parameterVars = Map.copyOf(parameterVars);
        this.parameterDenominators = Map.copyOf(parameterDenominators);
        this.activationVars = activationVars;
        if (definitions.size() != model.vars().size()) throw new IllegalStateException("encoder bug: a variable has no definition");
    }

    /** All constraints; the loss bound scaledLoss ≤ G only when this is the encoding of a bound ({@link #atMost}). */
    public Model model() {
        return model;
    }

    /** L such that loss(p)·L is an integer for every p of the domain (loss = the aggregated loss, mean included). */
    public BigInteger lossScale() {
        return lossScale;
    }

    /**
     * An integer expression equal to loss(p)·lossScale under {@link #intendedAssignment(NetworkParameters)}
     * and at least that in every model of {@link #model()}.
     */
    public LinearExpr scaledLoss() {
        return scaledLoss;
    }

    /**
     * The model of "loss ≤ γ": the constraints of {@link #model()} with the loss auxiliaries (and
     * squared-loss residuals) bounded by what γ allows, plus the exact integer constraint
     * scaledLoss ≤ G = ⌊γ·lossScale⌋. Every per-point loss term is non-negative, so each is ≤ G
     * in every model of the bound; for squared loss |R| ≤ ⌊√G⌋ (with γ = 0: every residual is 0).
     * Parameter and activation variables keep their indices, so {@link #decodeParameters} and
     * {@link #decodePattern} apply to its assignments.
     */
    public Model withLossAtMost(Rational gamma) {
        return atMost(gamma).model();
    }

    /**
     * {@link #withLossAtMost(Rational)} within {@code limits}.
     *
     * @throws EncodingStopped when the limits expire before the model is complete
     */
    public Model withLossAtMost(Rational gamma, Limits limits) {
        return atMost(gamma, limits).model();
    }

    /**
     * The encoding of the question "loss ≤ γ": its {@link #model()} is {@link #withLossAtMost}
     * (narrowed loss auxiliaries plus scaledLoss ≤ ⌊γ·lossScale⌋); use
     * {@link #intendedAssignmentWithin} for its intended assignments.
     */
    public Encoding atMost(Rational gamma) {
        return atMost(gamma, Limits.none());
    }

    /**
     * {@link #atMost(Rational)} within {@code limits}.
     *
     * @throws EncodingStopped when the limits expire before the encoding is complete
     */
    public Encoding atMost(Rational gamma, Limits limits) {
        BigInteger bound = gamma.multiply(Rational.of(lossScale)).floor();
        if (lossBound != null && lossBound.equals(bound)) return this;
        return ErmEncoder.encodeForBound(inst, options, bound, limits);
    }

    /** {@link #model()} with the objective "minimise scaledLoss". */
    public Model minimizingLoss() {
        return model.toBuilder().minimize(scaledLoss).build();
    }

    /** The loss value (a rational) that a value of {@link #scaledLoss()} stands for. */
    public Rational lossOf(BigInteger scaledLossValue) {
        return Rational.of(scaledLossValue, lossScale);
    }

    /** The exact parameters an assignment of {@link #model()} (or a model extending it) encodes. */
    public NetworkParameters decodeParameters(Assignment a) {
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        return NetworkParameters.build(inst.architecture(), r -> {
            Rational f = fixed.get(r);
            return f != null ? f : Rational.of(a.value(parameterVars.get(r)), parameterDenominators.get(r));
        });
    }

    /**
     * Whether a free parameter has a {@code rational} domain. Its membership product K·q is easy for
     * bit lowerings and hard for native nonlinear solving, so backends should lower products here.
     */
    public boolean hasRationalDomains() {
        return inst.hasFreeRationalParameter();
    }

    /** The activation pattern an assignment encodes (conventions of {@link ActivationPattern}). */
    public ActivationPattern decodePattern(Assignment a) {
        Architecture arch = inst.architecture();
        List<List<List<Integer>>> out = new ArrayList<>();
        for (int n = 0; n < activationVars.length; n++) {
            List<List<Integer>> layers = new ArrayList<>();
            for (int l = 1; l <= arch.depth(); l++) {
                List<Integer> units = new ArrayList<>();
                Activation act = arch.layer(l).activation();
                if (ActivationPattern.hasPieces(act)) {
                    for (Var[] lits : activationVars[n][l - 1]) {
                        if (act instanceof Activation.HardTanh) units.add(a.isTrue(lits[1]) ? 0 : a.isTrue(lits[0]) ? 2 : 1);
                        else units.add(a.isTrue(lits[0]) ? 1 : 0);
                    }
                }
                layers.add(units);
            }
            out.add(layers);
        }
        return new ActivationPattern(out);
    }

    /**
     * Every variable at the value the encoding intends for {@code p}: parameter numerators, scaled
     * pre-activations and activations, activation literals, products, residuals and loss
     * auxiliaries at their exact values (a loss auxiliary at the exact per-point loss).
     *
     * @throws IllegalArgumentException if {@code p} has the wrong shape, a parameter outside its
     *                                  domain, or a fixed parameter at another value
     * @throws IllegalStateException    on the encoding of a loss bound (use {@link #intendedAssignmentWithin})
     */
    public Assignment intendedAssignment(NetworkParameters p) {
        if (lossBound != null) throw new IllegalStateException("use intendedAssignmentWithin on the encoding of a loss bound");
        return intended(p, false).orElseThrow();
    }

    /**
     * For the encoding of a loss bound ({@link #atMost}): the intended assignment of {@code p}, or
     * empty when an intended loss auxiliary lies outside the bounds the loss bound allows (then
     * loss(p) exceeds the bound). On an encoding without a bound it equals
     * {@link #intendedAssignment}.
     */
    public Optional<Assignment> intendedAssignmentWithin(NetworkParameters p) {
        return intended(p, lossBound != null);
    }

    private Optional<Assignment> intended(NetworkParameters p, boolean mayLeaveBounds) {
        String shape = p.shapeMismatch(inst.architecture());
        if (shape != null) throw new IllegalArgumentException("parameters " + shape);
        List<String> problems = Verifier.domainProblems(inst, p);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        BigInteger[] vals = new BigInteger[definitions.size()];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = definitions.get(i).value(p, vals);
            Var v = model.vars().get(i);
            if (vals[i].compareTo(v.lower()) < 0 || vals[i].compareTo(v.upper()) > 0) {
                if (mayLeaveBounds && v.isAuxiliary()) return Optional.empty();
                throw new IllegalStateException("encoder bug: intended value " + vals[i] + " of " + v.name()
                        + " is outside its derived bounds [" + v.lower() + ", " + v.upper() + "]");
            }
        }
        return Optional.of(new Assignment(vals));
    }

    /** The variable of a parameter, empty if the parameter is fixed. */
    public Optional<Var> parameterVar(ParameterRef r) {
        return Optional.ofNullable(parameterVars.get(r));
    }

    /** The variable with this name, if any (names are unique). */
    public Optional<Var> var(String name) {
        return model.vars().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The scales behind the encoding. */
    public Scaling scaling() {
        return scaling;
    }

    /** The encoded instance. */
    public ErmInstance instance() {
        return inst;
    }

    /** e.g. "412 vars (120 bool, 292 int), 930 constraints (40 products), max coefficient 17 bits". */
    public String sizeSummary() {
        return summary(model);
    }

    /** The same summary for any model (e.g. a lowered one). */
    public static String summary(Model m) {
        long bools = m.vars().stream().filter(Var::bool).count();
        long products = m.constraints().stream().filter(c -> c instanceof Constraint.Product).count();
        return m.vars().size() + " vars (" + bools + " bool, " + (m.vars().size() - bools) + " int), "
                + m.constraints().size() + " constraints (" + products + " products), max coefficient "
                + m.maxCoefficientBits() + " bits";
    }
}
