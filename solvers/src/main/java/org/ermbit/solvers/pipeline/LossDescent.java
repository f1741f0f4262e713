package org.ermbit.solvers.pipeline;

import java.math.BigInteger;
import java.util.Optional;
import org.ermbit.core.ir.Model;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.Status;
import org.ermbit.core.spi.UnsatCertificate;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.EncodingStopped;
import org.ermbit.solvers.pipeline.BackendRun.Answer;

/**
 * Optimisation by SAT-UNSAT descent: find any verified witness, then repeatedly ask for one whose
 * scaled loss is at least one unit smaller (the encoding's loss scale makes losses integers), until
 * the backend proves there is none. The descent starts from the verified loss of
 * {@link StartPoint} (every free parameter at its domain value nearest zero), so even the first
 * question carries a loss bound. Only without a start point (when that vector fails the verifier's
 * domain checks, which no instance the file reader accepts does) is the first question unbounded: a
 * backend that optimises natively then gets the objective, and its optimum is confirmed the same way. The best verified answer is shared by every backend
 * of a portfolio, so each descends from the best loss any of them found.
 */
final class LossDescent {

    /** The prover of a loss of 0 being optimal (and of a negative threshold being unreachable). */
    static final String NON_NEGATIVE = "every loss is non-negative";

    /**
     * How one backend's descent ended: the best verified answer, whether it is proved optimal, by whom,
     * and the prover's checked certificate of "nothing smaller", where it produced one.
     */
    record Result(Optional<Answer> answer, boolean proved, String prover, String reason, Optional<UnsatCertificate> certificate) {
        Result(Optional<Answer> answer, boolean proved, String prover, String reason) {
            this(answer, proved, prover, reason, Optional.empty());
        }
    }

    private final Encoding encoding;
    private final ErmSolver.Progress progress;
    private Answer best;

    /** A descent from {@code start} ({@link StartPoint}, verified; empty when the verifier refused it). */
    LossDescent(Encoding encoding, ErmSolver.Progress progress, Optional<Answer> start) {
        this.encoding = encoding;
        this.progress = progress;
        start.ifPresent(this::offer);
    }

    /** A descent from {@link StartPoint} of the encoded instance. */
    LossDescent(Encoding encoding, ErmSolver.Progress progress) {
        this(encoding, progress, StartPoint.of(encoding.instance()));
    }

    /** The best verified answer so far, as an unproved result. */
    synchronized Optional<Result> best() {
        return Optional.ofNullable(best).map(a -> new Result(Optional.of(a), false, "", "best found, optimality not proved"));
    }

    /** Takes {@code a} (a verified answer) as the new best if its loss is lower; returns the best loss. */
    synchronized Optional<Rational> offer(Answer a) {
        if (best == null || a.loss().orElseThrow().compareTo(best.loss().orElseThrow()) < 0) {
            best = a;
            progress.improved(a.loss().orElseThrow(), a.witness().orElseThrow());
        }
        return best.loss();
    }

    private synchronized Optional<Answer> current() {
        return Optional.ofNullable(best);
    }

    Result run(BackendRun run, Limits limits) {
        if (current().flatMap(Answer::loss).filter(l -> l.signum() == 0).isPresent()) {
            return new Result(current(), true, NON_NEGATIVE, "");
        }
        Optional<Rational> bound = current().flatMap(Answer::loss).map(this::justBelow);
        Model model;
        try {
            model = bound.isPresent() ? encoding.withLossAtMost(bound.get(), limits)
                    : run.optimizes() ? encoding.minimizingLoss() : encoding.model();
        } catch (EncodingStopped stopped) {
            return notProved(run.stoppedWhileEncoding(stopped));
        }
        while (true) {
            Answer a = run.solve(model, bound, limits);
            if (a.status() == Status.SAT || a.status() == Status.OPTIMAL) {
                Rational bestLoss = offer(a).orElseThrow();
                if (bestLoss.signum() == 0) return new Result(current(), true, NON_NEGATIVE, "");
                bound = Optional.of(justBelow(bestLoss));
                try {
                    model = encoding.withLossAtMost(bound.get(), limits);
                } catch (EncodingStopped stopped) {
                    return notProved(run.stoppedWhileEncoding(stopped));
                }
            } else if (a.status() == Status.UNSAT) {
                if (bound.isEmpty()) {
                    throw new ExactnessViolation(a.backend() + " found no parameter vector at all, but the domain is not empty");
                }
                Answer at = current().orElseThrow();
                if (at.loss().orElseThrow().compareTo(bound.get()) <= 0) {
                    throw new ExactnessViolation(a.backend() + " proved no loss <= " + bound.get() + " exists, but a verified witness has loss "
                            + at.loss().orElseThrow());
                }
                return new Result(Optional.of(at), true, a.prover(), "", a.certificate());
            } else {
                return notProved(a);
            }
        }
    }

    /** The best answer so far, not proved optimal, with {@code a}'s status and reason as the reason. */
    private Result notProved(Answer a) {
        return new Result(current(), false, "", a.status() + (a.reason().isEmpty() ? "" : " (" + a.reason() + ")"));
    }

    /** The largest loss strictly below {@code loss} that the encoding can express: one scaled unit less. */
    Rational justBelow(Rational loss) {
        BigInteger scale = encoding.lossScale();
        Rational scaled = loss.multiply(Rational.of(scale));
        if (!scaled.isInteger()) throw new ExactnessViolation("loss " + loss + " times the loss scale " + scale + " is not an integer");
        return Rational.of(scaled.numerator().subtract(BigInteger.ONE), scale);
    }
}
