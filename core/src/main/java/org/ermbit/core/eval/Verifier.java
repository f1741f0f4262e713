package org.ermbit.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;

/**
 * The exact verifier: a parameter vector is accepted iff it has the network's shape, every fixed
 * parameter has its fixed value, every other parameter lies in its domain, and the exact loss is
 * at most the threshold.
 */
public final class Verifier {

    private Verifier() {
    }

    /** Verdict plus the recomputed loss (zero when the shape is wrong) and every problem found. */
    public record Verdict(boolean accepted, Rational loss, List<String> problems, LossEvaluator.Report report) {
        public Verdict {
            problems = List.copyOf(problems);
        }
    }

    public static Verdict verify(ErmInstance inst, NetworkParameters p) {
        List<String> problems = new ArrayList<>();
        String shape = p.shapeMismatch(inst.architecture());
        if (shape != null) {
            problems.add("witness " + shape);
            return new Verdict(false, Rational.ZERO, problems, null);
        }
        problems.addAll(domainProblems(inst, p));
        LossEvaluator.Report report = LossEvaluator.evaluate(inst, p);
        if (report.total().compareTo(inst.threshold()) > 0) {
            problems.add("loss " + report.total() + " exceeds the threshold " + inst.threshold());
        }
        return new Verdict(problems.isEmpty(), report.total(), problems, report);
    }

    /** One parameter that is outside its domain or differs from its fixed value. */
    public record DomainViolation(ParameterRef ref, Rational value, String message) {
    }

    /** Every parameter that is outside its domain or differs from its fixed value, as messages. */
    public static List<String> domainProblems(ErmInstance inst, NetworkParameters p) {
        return domainViolations(inst, p).stream().map(v -> v.ref() + " = " + v.value().abbreviated(60) + " " + v.message()).toList();
    }

    /**
     * Every parameter that is outside its domain or differs from its fixed value, in parameter order
     * (layer, unit, bias first, then inputs).
     */
    public static List<DomainViolation> domainViolations(ErmInstance inst, NetworkParameters p) {
        List<DomainViolation> problems = new ArrayList<>();
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        var a = inst.architecture();
        for (int l = 1; l <= a.depth(); l++) {
            for (int i = 0; i < a.layer(l).units(); i++) {
                for (int j = ParameterRef.BIAS; j < a.fanIn(l); j++) {
                    ParameterRef r = new ParameterRef(l, i, j);
                    Rational v = p.get(r);
                    Rational f = fixed.get(r);
                    if (f != null) {
                        if (!f.equals(v)) problems.add(new DomainViolation(r, v, "but it is fixed to " + f));
                    } else {
                        Domain d = inst.domains().of(r);
                        if (!d.contains(v)) problems.add(new DomainViolation(r, v, "is outside its " + describe(d) + " domain"));
                    }
                }
            }
        }
        return problems;
    }

    /** A short human description of a domain, e.g. {@code fixed (bits 4, fraction_bits 1)}. */
    public static String describe(Domain d) {
        if (d instanceof Domain.FixedPoint f) return "fixed (bits " + f.bits() + ", fraction_bits " + f.fractionBits() + ")";
        if (d instanceof Domain.Grid g) return "grid (denominator " + g.denominator() + ", min " + g.low() + ", max " + g.high() + ")";
        return "rational (bits " + ((Domain.RationalBits) d).bits() + ")";
    }
}
