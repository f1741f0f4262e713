package org.ermbit.solvers.hardness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.backend.LimitWatcher;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.hardness.Reduction;
import org.ermbit.reductions.hardness.ThreeSatToRelu;
import org.ermbit.solvers.pipeline.ErmOptions;
import org.ermbit.solvers.pipeline.ErmResult;
import org.ermbit.solvers.pipeline.ErmSolver;

/**
 * Checks {@code 3sat-relu} on one formula: solves the CNF directly with Sat4j, reduces it, decides
 * the ERM_bit instance with the pipeline, and confirms that the answers agree. On SAT formulas it
 * also checks both witness maps: the direct model maps forward to a network the exact verifier
 * accepts, and the pipeline's network maps back to an assignment that satisfies the formula. On
 * UNSAT formulas the pipeline must prove the instance infeasible.
 */
public final class ThreeSatReluCheck {

    /** What the two sides said: {@code SAT}, {@code UNSAT} or {@code UNKNOWN}. */
    public enum Side { SAT, UNSAT, UNKNOWN }

    /**
     * One formula's check: the two answers, the contradictions found (a map that fails, answers that
     * differ), the sides that gave no answer and why (timeout, cancelled), and the wall time of each
     * side (the target side includes reduction and encoding). It agrees when both lists are empty.
     */
    public record Report(Side source, Side target, List<String> problems, List<String> unanswered,
                         Duration sourceTime, Duration targetTime) {
        public Report {
            problems = List.copyOf(problems);
            unanswered = List.copyOf(unanswered);
        }

        /** Both sides answered, the same, and both maps held. */
        public boolean agree() {
            return problems.isEmpty() && unanswered.isEmpty();
        }
    }

    private final Reduction<Cnf, ErmInstance, boolean[], NetworkParameters> reduction;
    private final ErmOptions options;

    public ThreeSatReluCheck(ErmOptions options) {
        this(options, new ThreeSatToRelu());
    }

    /** The check of another implementation of the reduction (tests give it broken ones, which it must catch). */
    ThreeSatReluCheck(ErmOptions options, Reduction<Cnf, ErmInstance, boolean[], NetworkParameters> reduction) {
        this.reduction = reduction;
        this.options = options;
    }

    /** Runs the check on {@code cnf}; an interrupt of the calling thread cancels both sides (they are then unanswered). */
    public Report check(Cnf cnf) {
        Limits limits = options.timeout().map(Limits::timeout).orElseGet(Limits::none);
        CnfSat4j.Answer direct;
        try (LimitWatcher.InterruptWatch watch = LimitWatcher.cancelOnInterrupt(Thread.currentThread(), limits.cancel())) {
            direct = CnfSat4j.solve(cnf, limits);
        }
        Side source = direct.satisfiable().map(s -> s ? Side.SAT : Side.UNSAT).orElse(Side.UNKNOWN);
        List<String> problems = new ArrayList<>();

        long start = System.nanoTime();
        ErmInstance inst = reduction.reduce(cnf);
        direct.model().ifPresent(model -> {
            NetworkParameters forward = reduction.forward(cnf, inst, model);
            Verifier.Verdict v = Verifier.verify(inst, forward);
            if (!v.accepted()) problems.add("forward map: the network of the direct model is rejected: " + v.problems());
        });
        ErmResult r = new ErmSolver(options).decide(inst);
        Duration targetTime = Duration.ofNanos(System.nanoTime() - start);
        Side target = switch (r.outcome()) {
            case SAT, OPTIMUM -> Side.SAT;
            case UNSAT -> Side.UNSAT;
            case UNKNOWN -> Side.UNKNOWN;
        };
        if (r.witness().isPresent()) {
            Optional<boolean[]> back = reduction.backward(cnf, inst, r.witness().get());
            if (back.isEmpty()) problems.add("backward map: the pipeline's network is not a certificate");
            else if (!cnf.isSatisfiedBy(back.get())) problems.add("backward map: the assignment read off the network does not satisfy the formula");
        }
        List<String> unanswered = new ArrayList<>();
        if (source == Side.UNKNOWN) unanswered.add("direct solve: no answer (" + limits.stopReason() + ")");
        if (target == Side.UNKNOWN) unanswered.add("pipeline: no answer (" + r.reason() + ")");
        if (source != Side.UNKNOWN && target != Side.UNKNOWN && source != target) {
            problems.add("the formula is " + source + " but the reduced instance is " + target);
        }
        return new Report(source, target, problems, unanswered, direct.time(), targetTime);
    }
}
