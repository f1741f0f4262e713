package org.ermbit.bench.generate;

import java.math.BigInteger;
import org.ermbit.bench.ExpectedAnswer;
import org.ermbit.bench.Mode;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.enumerate.ExhaustiveSearch;

/**
 * Decides what a MANIFEST may state about a generated instance, in this order: an independent
 * answer supplied by the generator; for a decision, a planted witness the exact verifier accepts
 * (sat by construction); brute-force enumeration of the whole domain when it has at most
 * {@code bruteForceCap} parameter vectors; otherwise unknown. Never asks a solver under test.
 */
public final class Labeler {
    /** Default largest domain enumerated to label an instance. */
    public static final BigInteger DEFAULT_CAP = BigInteger.valueOf(200_000);

    private final BigInteger cap;

    public Labeler(BigInteger bruteForceCap) {
        this.cap = bruteForceCap;
    }

    /** The label of {@code g}; IllegalStateException if a planted witness is refuted (a generator bug). */
    public Label label(Generated g) {
        if (g.independent().isPresent()) return g.independent().get();
        ErmInstance inst = g.instance();
        if (g.planted().isPresent()) {
            // a decision's planted witness must be accepted; an optimisation's only has to lie in the domain (an upper bound)
            java.util.List<String> problems = g.mode() == Mode.SOLVE ? Verifier.verify(inst, g.planted().get()).problems()
                    : Verifier.domainProblems(inst, g.planted().get());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("generator bug: the planted witness of " + inst.name() + " is refuted: " + problems);
            }
            if (g.mode() == Mode.SOLVE) return new Label(ExpectedAnswer.sat(), "planted");
        }
        // past the cap the search answers TOO_MANY at once, which labels the instance unknown
        ExhaustiveSearch search = new ExhaustiveSearch(cap, ExhaustiveSearch.DEFAULT_BIT_BUDGET);
        if (g.mode() == Mode.SOLVE) {
            ExhaustiveSearch.Outcome o = search.findAtMost(inst, inst.threshold(), Limits.none());
            return switch (o.end()) {
                case FOUND -> new Label(ExpectedAnswer.sat(), "brute-force");
                case EXHAUSTED -> new Label(ExpectedAnswer.unsat(), "brute-force");
                default -> Label.unknown();
            };
        }
        ExhaustiveSearch.Outcome o = search.minimize(inst, Limits.none());
        if (o.end() == ExhaustiveSearch.End.EXHAUSTED && o.bestLoss().isPresent()) {
            return new Label(ExpectedAnswer.optimum(o.bestLoss().get()), "brute-force");
        }
        return Label.unknown();
    }
}
