package org.ermbit.solvers.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.Aggregate;
import org.ermbit.core.model.Dataset;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.Loss;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;

/**
 * Lazy data refinement (counterexample-guided over data points) for the question "is there a
 * parameter vector with loss ≤ γ?". Every per-point loss is non-negative, so the loss on a subset S
 * of the points (sum, or max for {@code max_abs}; a mean over N points is compared as a sum with
 * N·γ) never exceeds the loss on all points: UNSAT on S implies UNSAT on the whole data set, in the
 * same finite domain. A SAT answer on S is checked by the exact verifier on <em>all</em> points; if it
 * fails, the points it gets most wrong are added to S and the question is asked again. S only grows,
 * so this ends, at the latest when S is everything.
 */
final class DataRefinement {

    /** Points in the first subset (data sets of at most this size are decided in one go). */
    static final int INITIAL_POINTS = 6;
    /** Most points added per round for being violated. */
    static final int MAX_ADDED = 2;
    /** Each round the subset grows at least by this factor, in percent (filled with points in file order). */
    static final int GROWTH_PERCENT = 125;

    /** Decides one subset instance on the NP route. */
    interface SubsetDecider {
        ErmResult decide(ErmInstance subset);
    }

    private DataRefinement() {
    }

    /** Whether refinement has anything to gain: more points than the first subset holds. */
    static boolean applies(ErmInstance inst) {
        return inst.data().size() > INITIAL_POINTS;
    }

    /** Decides {@code inst} through subsets; every SAT returned is verified exactly on all points. */
    static ErmResult decide(ErmInstance inst, SubsetDecider decider, Instant start) {
        int n = inst.data().size();
        TreeSet<Integer> subset = new TreeSet<>();
        for (int i = 0; i < Math.min(n, INITIAL_POINTS); i++) subset.add(i);
        for (int round = 1; ; round++) {
            ErmResult r = decider.decide(subset.size() == n ? inst : restrict(inst, subset));
            String note = "; data refinement: round " + round + ", " + subset.size() + " of " + n + " points";
            Duration t = Duration.between(start, Instant.now());
            if (r.outcome() != Outcome.SAT) {
                String why = r.outcome() == Outcome.UNSAT && subset.size() < n ? " (UNSAT on a subset of the points implies UNSAT on all)" : "";
                return new ErmResult(r.outcome(), r.witness(), r.loss(), r.pattern(), r.route(), r.provenance(), r.reason(),
                        r.encodingSummary() + note + why, t, r.certificate());
            }
            NetworkParameters p = r.witness().orElseThrow();
            Verifier.Verdict v = Verifier.verify(inst, p);
            if (v.accepted()) {
                return new ErmResult(Outcome.SAT, Optional.of(p), Optional.of(v.loss()), Optional.of(ActivationPattern.of(inst, p)),
                        r.route(), r.provenance(), "", r.encodingSummary() + note, t);
            }
            List<Integer> worst = worstOutside(subset, v.report().perPoint());
            if (worst.isEmpty()) {
                throw new ExactnessViolation("data refinement: a witness verified on " + subset.size() + " of " + n
                        + " points fails on all points without a point outside the subset that has positive loss");
            }
            int target = Math.min(n, (subset.size() * GROWTH_PERCENT + 99) / 100);
            subset.addAll(worst);
            for (int i = 0; i < n && subset.size() < target; i++) subset.add(i);
        }
    }

    /** The points outside {@code subset} with positive loss, largest loss first, at most {@link #MAX_ADDED}. */
    static List<Integer> worstOutside(TreeSet<Integer> subset, List<Rational> perPoint) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < perPoint.size(); i++) if (!subset.contains(i) && perPoint.get(i).signum() > 0) out.add(i);
        out.sort(Comparator.comparing((Integer i) -> perPoint.get(i)).reversed().thenComparing(i -> i));
        return out.subList(0, Math.min(MAX_ADDED, out.size()));
    }

    /**
     * The instance on the points of {@code subset} only: same network, domains, fixed parameters and
     * loss type; a mean over N points becomes a sum with threshold N·γ, so "loss ≤ threshold" on the
     * restriction is implied by "loss ≤ threshold" on all points.
     */
    static ErmInstance restrict(ErmInstance inst, TreeSet<Integer> subset) {
        List<List<Rational>> in = new ArrayList<>();
        List<List<Rational>> out = new ArrayList<>();
        for (int i : subset) {
            in.add(inst.data().inputs().get(i));
            out.add(inst.data().targets().get(i));
        }
        Loss loss = inst.loss();
        Rational threshold = inst.threshold();
        if (loss.aggregate() == Aggregate.MEAN) {
            loss = new Loss(loss.type(), Aggregate.SUM);
            threshold = threshold.multiply(Rational.of(inst.data().size()));
        }
        return new ErmInstance(inst.name(), inst.description(), inst.architecture(), inst.domains(), inst.fixed(), loss, threshold,
                new Dataset(in, out), Optional.empty());
    }
}
