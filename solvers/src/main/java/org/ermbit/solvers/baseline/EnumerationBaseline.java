package org.ermbit.solvers.baseline;

import java.math.BigInteger;
import java.util.function.Consumer;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Availability;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.enumerate.ExhaustiveSearch;

/**
 * {@code enumerate}: evaluates every parameter vector of the finite domain exactly
 * ({@link ExhaustiveSearch}) until the time limit. Domains of more than {@value #MAX_VECTORS}
 * vectors are refused at once (UNKNOWN), as are intermediate values past {@value #BIT_BUDGET} bits.
 */
public final class EnumerationBaseline implements InstanceSolver {
    /** Largest domain enumerated. */
    public static final long MAX_VECTORS = Integer.MAX_VALUE - 1L;
    /** Bit budget of intermediate values. */
    public static final int BIT_BUDGET = ExhaustiveSearch.DEFAULT_BIT_BUDGET;

    private final ExhaustiveSearch search = new ExhaustiveSearch(BigInteger.valueOf(MAX_VECTORS), BIT_BUDGET);

    @Override
    public String id() {
        return Baselines.ENUMERATE;
    }

    @Override
    public String description() {
        return "exhaustive enumeration of the parameter domain with exact evaluation (baseline)";
    }

    @Override
    public Availability probe() {
        return Availability.ok("built in");
    }

    @Override
    public BaselineAnswer decide(ErmInstance inst, Limits limits) {
        ExhaustiveSearch.Outcome o = search.findAtMost(inst, inst.threshold(), limits);
        return switch (o.end()) {
            case FOUND -> new BaselineAnswer(BaselineAnswer.Kind.SAT, o.best(), "");
            case EXHAUSTED -> new BaselineAnswer(BaselineAnswer.Kind.UNSAT, java.util.Optional.empty(), "");
            default -> BaselineAnswer.unknown(o.detail());
        };
    }

    @Override
    public BaselineAnswer minimize(ErmInstance inst, Limits limits, Consumer<Rational> progress) {
        ExhaustiveSearch.Outcome o = search.minimize(inst, limits);
        o.bestLoss().ifPresent(progress);
        if (o.best().isEmpty()) return BaselineAnswer.unknown(o.detail());
        if (o.end() == ExhaustiveSearch.End.EXHAUSTED) return new BaselineAnswer(BaselineAnswer.Kind.OPTIMUM, o.best(), "");
        return new BaselineAnswer(BaselineAnswer.Kind.FEASIBLE, o.best(), o.detail());
    }
}
