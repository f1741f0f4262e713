package org.ermbit.solvers.pipeline;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ermbit.core.eval.BitGrowthBound;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.SearchSpace;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.solvers.enumerate.ExhaustiveSearch;
import org.ermbit.solvers.pipeline.ErmResult.Outcome;

/**
 * The route for polynomial activations of degree ≥ 2 (DESIGN §8): exact enumeration of the finite
 * parameter domain within the options' caps, UNKNOWN with the reason past them. Never touches the
 * NP encoder.
 */
final class ExhaustiveRoute {

    private static final String PROVER = "exhaustive enumeration (exact evaluation)";

    private final ExhaustiveSearch search;

    ExhaustiveRoute(ErmOptions options) {
        this.search = new ExhaustiveSearch(options.enumerationCap(), options.bitBudget());
    }

    ErmResult decide(ErmInstance inst, Rational gamma, Limits limits, Instant start) {
        ExhaustiveSearch.Outcome o = search.findAtMost(inst, gamma, limits);
        Duration t = Duration.between(start, Instant.now());
        String summary = summary(inst, o);
        if (o.end() == ExhaustiveSearch.End.FOUND && !Verifier.verify(inst, o.best().orElseThrow()).accepted()) {
            throw new ExactnessViolation("exhaustive search returned a witness the exact verifier refutes");
        }
        return switch (o.end()) {
            case FOUND -> new ErmResult(Outcome.SAT, o.best(), o.bestLoss(), Optional.empty(), Routes.EXHAUSTIVE, List.of(PROVER), "", summary, t);
            case EXHAUSTED -> new ErmResult(Outcome.UNSAT, Optional.empty(), Optional.empty(), Optional.empty(), Routes.EXHAUSTIVE,
                    List.of(PROVER), "", summary, t);
            default -> new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Routes.EXHAUSTIVE, List.of(),
                    o.detail(), summary, t);
        };
    }

    ErmResult optimize(ErmInstance inst, Limits limits, ErmSolver.Progress progress, Instant start) {
        ExhaustiveSearch.Outcome o = search.minimize(inst, limits);
        Duration t = Duration.between(start, Instant.now());
        String summary = summary(inst, o);
        if (o.best().isPresent() && !Verifier.domainProblems(inst, o.best().get()).isEmpty()) {
            throw new ExactnessViolation("exhaustive search returned a witness outside the domain");
        }
        o.best().ifPresent(best -> progress.improved(o.bestLoss().orElseThrow(), best));
        if (o.end() == ExhaustiveSearch.End.EXHAUSTED && o.best().isPresent()) {
            return new ErmResult(Outcome.OPTIMUM, o.best(), o.bestLoss(), Optional.empty(), Routes.EXHAUSTIVE, List.of(PROVER), "", summary, t);
        }
        if (o.best().isPresent()) {
            return new ErmResult(Outcome.SAT, o.best(), o.bestLoss(), Optional.empty(), Routes.EXHAUSTIVE, List.of(PROVER), o.detail(), summary, t);
        }
        return new ErmResult(Outcome.UNKNOWN, Optional.empty(), Optional.empty(), Optional.empty(), Routes.EXHAUSTIVE, List.of(), o.detail(), summary, t);
    }

    private static String summary(ErmInstance inst, ExhaustiveSearch.Outcome o) {
        SearchSpace space = SearchSpace.of(inst);
        String size = space.sizeIfAtMost(BigInteger.TWO.pow(SearchSpace.MAX_PRINTED_BITS)).map(BigInteger::toString).orElseGet(space::describe);
        return size + " parameter vectors, " + o.evaluated() + " evaluated, largest intermediate value "
                + o.maxBitLength() + " bits; " + bitGrowth(inst);
    }

    /**
     * The bit-growth statement printed with every exhaustive result: the product of the layers'
     * degrees (degree^depth for a uniform network — the factor by which bit lengths can multiply
     * through the network) and the exact a-priori bound of {@link BitGrowthBound} on any pre-activation or activation.
     */
    static String bitGrowth(ErmInstance inst) {
        BigInteger factor = BigInteger.ONE;
        StringBuilder degrees = new StringBuilder(); // run-length: 2^20·1 for 20 square layers and a linear one
        int depth = inst.architecture().depth();
        for (int l = 1; l <= depth; ) {
            int d = Math.max(inst.architecture().layer(l).activation().degree(), 1);
            int run = 0;
            while (l <= depth && Math.max(inst.architecture().layer(l).activation().degree(), 1) == d) {
                run++;
                l++;
            }
            factor = factor.multiply(BigInteger.valueOf(d).pow(run));
            if (degrees.length() > 0) degrees.append('·');
            degrees.append(d).append(run > 1 ? "^" + run : "");
        }
        int worst = 0;
        boolean beyond = false;
        for (BitGrowthBound.Layer b : BitGrowthBound.of(inst)) {
            if (b.beyondCap()) beyond = true;
            else worst = Math.max(worst, b.bits());
        }
        String bound = beyond ? "more than " + BitGrowthBound.CAP_BITS + " bits" : "at most " + worst + " bits";
        return "bit growth: degree^depth = " + degrees + " = " + factor + ", a-priori bound on any (pre-)activation " + bound;
    }
}
