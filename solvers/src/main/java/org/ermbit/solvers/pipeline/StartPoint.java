package org.ermbit.solvers.pipeline;

import java.util.Map;
import java.util.Optional;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.pipeline.BackendRun.Answer;

/**
 * The parameter vector optimisation starts from without asking a solver: every free parameter at
 * the value of its domain nearest zero (fixed parameters at their values). Its exact loss is a
 * verified upper bound on the optimum, so the first solver question already bounds the loss —
 * which keeps squared-loss encodings small (see {@code Encoding.withLossAtMost}).
 */
final class StartPoint {

    /** How answers from the start point are attributed. */
    static final String SOURCE = "start point (parameters nearest zero)";

    private StartPoint() {
    }

    /** The verified start answer, or empty if the vector is not accepted by the verifier's domain checks. */
    static Optional<Answer> of(ErmInstance inst) {
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        NetworkParameters p = NetworkParameters.build(inst.architecture(), r -> {
            Rational f = fixed.get(r);
            return f != null ? f : nearestZero(inst.domains().of(r));
        });
        if (!Verifier.domainProblems(inst, p).isEmpty()) return Optional.empty();
        Verifier.Verdict v = Verifier.verify(inst, p);
        return Optional.of(new Answer(Status.SAT, Optional.of(p), Optional.of(v.loss()),
                Optional.of(ActivationPattern.of(inst, p)), SOURCE, ""));
    }

    /** The domain's value nearest zero: 0 itself, or the endpoint closer to it (domains are intervals of a grid). */
    private static Rational nearestZero(Domain d) {
        if (d.contains(Rational.ZERO)) return Rational.ZERO;
        return d.minValue().signum() > 0 ? d.minValue() : d.maxValue();
    }
}
