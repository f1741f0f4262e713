package org.ermbit.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.number.Rational;
import org.ermbit.core.format.Counted;
import org.ermbit.core.format.PrintableText;

/**
 * One ERM_bit question (DESIGN §3): is there a parameter vector in the domains, agreeing with the
 * fixed parameters, whose loss on the data is ≤ threshold?
 */
public record ErmInstance(
        String name,
        Optional<String> description,
        Architecture architecture,
        ParameterDomains domains,
        List<FixedParameter> fixed,
        Loss loss,
        Rational threshold,
        Dataset data,
        Optional<Expected> expected) {

    /**
     * Checks what the file reader also checks: no component is null, the name is not blank and prints
     * on one line, there is at least one data point, data rows match the network's inputs and outputs,
     * classification targets are ±1, fixed parameters exist and are fixed once.
     *
     * @throws NullPointerException naming the first null component
     * @throws IllegalArgumentException for an instance that breaks one of the other rules
     */
    public ErmInstance {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(description, "description (use Optional.empty())");
        java.util.Objects.requireNonNull(architecture, "architecture");
        java.util.Objects.requireNonNull(domains, "domains");
        java.util.Objects.requireNonNull(domains.weights(), "domains.weights");
        java.util.Objects.requireNonNull(domains.biases(), "domains.biases");
        java.util.Objects.requireNonNull(fixed, "fixed (use List.of())");
        java.util.Objects.requireNonNull(loss, "loss");
        java.util.Objects.requireNonNull(threshold, "threshold");
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(expected, "expected (use Optional.empty())");
        for (int i = 0; i < fixed.size(); i++) java.util.Objects.requireNonNull(fixed.get(i), "fixed[" + i + "]");
        fixed = List.copyOf(fixed);
        if (name.isBlank()) throw new IllegalArgumentException("name must not be empty");
        if (name.chars().anyMatch(PrintableText::breaksLine)) {
            throw new IllegalArgumentException("name must not contain control characters or line separators such as line breaks"
                    + " (it is printed in comment lines)");
        }
        if (PrintableText.unpairedSurrogate(name) >= 0) {
            throw new IllegalArgumentException("name must be valid Unicode: it holds an unpaired surrogate, which cannot be printed");
        }
        if (data.size() == 0) throw new IllegalArgumentException("the data set needs at least one point");
        validate(architecture, fixed, loss, data);
    }

    private static void validate(Architecture a, List<FixedParameter> fixed, Loss loss, Dataset data) {
        for (int n = 0; n < data.size(); n++) {
            if (data.inputs().get(n).size() != a.inputs()) {
                throw new IllegalArgumentException("data point " + n + " has " + Counted.of(data.inputs().get(n).size(), "input")
                        + ", the network has " + a.inputs());
            }
            if (data.targets().get(n).size() != a.outputs()) {
                throw new IllegalArgumentException("data point " + n + " has " + Counted.of(data.targets().get(n).size(), "target")
                        + ", the network has " + Counted.of(a.outputs(), "output"));
            }
        }
        if (loss.type().isClassification()) {
            if (a.outputs() != 1) throw new IllegalArgumentException(loss.type().jsonName() + " loss needs exactly one output");
            for (List<Rational> t : data.targets()) {
                Rational y = t.get(0);
                if (!y.equals(Rational.ONE) && !y.equals(Rational.MINUS_ONE)) {
                    throw new IllegalArgumentException(loss.type().jsonName() + " loss needs targets 1 or -1, got " + y);
                }
            }
        }
        java.util.Set<ParameterRef> seen = new java.util.HashSet<>();
        for (FixedParameter f : fixed) {
            ParameterRef r = f.ref();
            if (r.layer() < 1 || r.layer() > a.depth()) throw new IllegalArgumentException("fixed parameter " + r + ": no layer " + r.layer());
            if (r.unit() < 0 || r.unit() >= a.layer(r.layer()).units()) throw new IllegalArgumentException("fixed parameter " + r + ": no unit " + r.unit());
            if (!r.isBias() && (r.input() < 0 || r.input() >= a.fanIn(r.layer()))) {
                throw new IllegalArgumentException("fixed parameter " + r + ": no input " + r.input());
            }
            if (!seen.add(r)) throw new IllegalArgumentException("parameter " + r + " is fixed twice");
        }
    }

    /** Fixed parameters by reference. */
    public Map<ParameterRef, Rational> fixedValues() {
        Map<ParameterRef, Rational> m = new HashMap<>();
        for (FixedParameter f : fixed) m.put(f.ref(), f.value());
        return m;
    }

    /** The parameters that are not fixed, in a stable order: by layer, then unit, the bias before the weights in input order. */
    public List<ParameterRef> freeParameters() {
        Map<ParameterRef, Rational> fixedByRef = fixedValues();
        List<ParameterRef> free = new ArrayList<>();
        for (int l = 1; l <= architecture.depth(); l++) {
            for (int i = 0; i < architecture.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < architecture.fanIn(l); j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    if (!fixedByRef.containsKey(r)) free.add(r);
                }
            }
        }
        return free;
    }

    /** Whether some free parameter has a {@code rational} domain. */
    public boolean hasFreeRationalParameter() {
        for (ParameterRef r : freeParameters()) if (domains.of(r) instanceof Domain.RationalBits) return true;
        return false;
    }
}
