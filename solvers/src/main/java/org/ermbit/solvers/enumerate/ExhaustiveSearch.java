package org.ermbit.solvers.enumerate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ermbit.core.eval.ForwardPass;
import org.ermbit.core.eval.LossEvaluator;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.model.SearchSpace;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;

/**
 * Enumerates every parameter vector of an instance's finite domain (fixed parameters held at their
 * values) and evaluates the loss exactly, each parameter's values nearest zero first (so the first
 * vector is the parameters nearest zero). Stops early when asked only for a vector with loss ≤ γ.
 * Guards: a cap on the number of vectors, a cap on the bit-length of intermediate values (polynomial
 * activations grow like degree^depth), and the deadline / cancel token of {@link Limits}.
 */
public final class ExhaustiveSearch {

    /** How a search ended. */
    public enum End {
        /** A vector with loss ≤ γ was found (decision) — {@code best} holds it. */
        FOUND,
        /** Every vector was evaluated: the answer is exact ({@code best} is the minimiser, if any). */
        EXHAUSTED,
        /** Stopped: the domain has more vectors than the cap (nothing evaluated). */
        TOO_MANY,
        /** Stopped: an intermediate value exceeded the bit budget. */
        OVER_BIT_BUDGET,
        /** Stopped by the deadline or cancel token. */
        INTERRUPTED
    }

    /** Outcome: how it ended, the best vector and its loss seen so far, vectors evaluated, largest bit-length seen. */
    public record Outcome(End end, Optional<NetworkParameters> best, Optional<Rational> bestLoss,
                          BigInteger evaluated, int maxBitLength, String detail) {
    }

    /** The usual bit budget of an intermediate value (65,536 bits). */
    public static final int DEFAULT_BIT_BUDGET = 1 << 16;

    private final BigInteger maxVectors;
    private final int maxBits;

    /** @param maxVectors largest domain enumerated; @param maxBits bit budget for any intermediate value */
    public ExhaustiveSearch(BigInteger maxVectors, int maxBits) {
        this.maxVectors = maxVectors;
        this.maxBits = maxBits;
    }


    /** Finds a vector with loss ≤ gamma (FOUND), or proves there is none (EXHAUSTED, empty best). */
    public Outcome findAtMost(ErmInstance inst, Rational gamma, Limits limits) {
        return run(inst, Optional.of(gamma), limits);
    }

    private static Outcome tooMany(String detail) {
        return new Outcome(End.TOO_MANY, Optional.empty(), Optional.empty(), BigInteger.ZERO, 0, detail);
    }


    /** The minimum loss over the domain and a minimiser (EXHAUSTED), or the best seen when stopped. */
    public Outcome minimize(ErmInstance inst, Limits limits) {
        return run(inst, Optional.empty(), limits);
    }

    private Outcome run(ErmInstance inst, Optional<Rational> gamma, Limits limits) {
        SearchSpace space = SearchSpace.of(inst);
        Optional<BigInteger> counted = space.sizeIfAtMost(maxVectors);
        if (counted.isEmpty()) {
            return tooMany(space.uncountableReason()
                    .orElseGet(() -> "the domain has " + space.describe() + " parameter vectors, more than the enumeration cap " + maxVectors));
        }
        BigInteger size = counted.get();
        List<ParameterRef> free = inst.freeParameters();
        List<List<Rational>> values = new ArrayList<>();
        for (ParameterRef r : free) {
            if (inst.domains().of(r).size().compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                return tooMany("parameter " + r + " has " + inst.domains().of(r).size() + " values, more than one list can hold");
            }
            try {
                // nearest zero first: the first vector is the parameters nearest zero (optimize's documented
                // start), and small vectors, which often fit, come early
                List<Rational> listed = new ArrayList<>(inst.domains().of(r).values(Integer.MAX_VALUE));
                listed.sort(Comparator.comparing(Rational::abs).thenComparing(Comparator.naturalOrder()));
                values.add(listed);
            } catch (IllegalArgumentException unlisted) { // e.g. a rational domain of more than 12 bits
                return tooMany("parameter " + r + ": " + unlisted.getMessage());
            }
        }
        Map<ParameterRef, Integer> position = new HashMap<>();
        for (int k = 0; k < free.size(); k++) position.put(free.get(k), k);
        Map<ParameterRef, Rational> fixed = inst.fixedValues();
        int[] digit = new int[free.size()];
        NetworkParameters best = null;
        Rational bestLoss = null;
        BigInteger evaluated = BigInteger.ZERO;
        int maxSeen = 0;
        while (true) {
            if ((evaluated.intValue() & 255) == 0 && limits.expired()) {
                return new Outcome(End.INTERRUPTED, Optional.ofNullable(best), Optional.ofNullable(bestLoss), evaluated, maxSeen,
                        limits.stopReason() + ": stopped after " + evaluated + " of " + size + " parameter vectors");
            }
            NetworkParameters p = NetworkParameters.build(inst.architecture(), r -> {
                Integer k = position.get(r);
                return k == null ? fixed.get(r) : values.get(k).get(digit[k]);
            });
            LossEvaluator.Report report;
            try {
                report = LossEvaluator.evaluate(inst, p);
            } catch (ForwardPass.BitBudgetExceeded e) {
                return new Outcome(End.OVER_BIT_BUDGET, Optional.ofNullable(best), Optional.ofNullable(bestLoss), evaluated,
                        Math.max(maxSeen, ForwardPass.MAX_VALUE_BITS),
                        "an intermediate value exceeds the exact evaluator's cap (" + e.getMessage() + "), over the budget of " + maxBits);
            }
            evaluated = evaluated.add(BigInteger.ONE);
            maxSeen = Math.max(maxSeen, report.maxBitLength());
            if (maxSeen > maxBits) {
                return new Outcome(End.OVER_BIT_BUDGET, Optional.ofNullable(best), Optional.ofNullable(bestLoss), evaluated, maxSeen,
                        "an intermediate value needs " + maxSeen + " bits, over the budget of " + maxBits);
            }
            Rational loss = report.total();
            if (bestLoss == null || loss.compareTo(bestLoss) < 0) {
                bestLoss = loss;
                best = p;
            }
            if (gamma.isPresent() && loss.compareTo(gamma.get()) <= 0) {
                return new Outcome(End.FOUND, Optional.of(p), Optional.of(loss), evaluated, maxSeen, "");
            }
            int k = 0;
            while (k < digit.length && ++digit[k] == values.get(k).size()) digit[k++] = 0;
            if (k == digit.length) break;
        }
        if (gamma.isPresent()) {
            return new Outcome(End.EXHAUSTED, Optional.empty(), Optional.ofNullable(bestLoss), evaluated, maxSeen, "");
        }
        return new Outcome(End.EXHAUSTED, Optional.ofNullable(best), Optional.ofNullable(bestLoss), evaluated, maxSeen, "");
    }
}
