package org.ermbit.solvers.pipeline;

import java.util.Optional;
import java.util.function.Consumer;
import org.ermbit.core.eval.ActivationPattern;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.core.spi.CancelToken;
import org.ermbit.core.spi.Limits;
import org.ermbit.core.spi.Status;
import org.ermbit.solvers.pipeline.BackendRun.Answer;
import org.ermbit.solvers.search.SearchSchedule;
import org.ermbit.solvers.search.ScaledNetwork;

/**
 * The witness heuristics ({@link SearchSchedule}: unit-swap or projected, and plain local search) in a background thread next to the backends (ErmOptions.localSearch, on by
 * default). Every vector it finds is checked by the exact verifier before anyone sees it; a vector
 * the search believed good but the verifier rejects is an {@link ExactnessViolation}, rethrown to
 * the caller by {@link #answer()}. It only ever supplies witnesses — never an UNSAT or an
 * optimality proof, which stay with the backends.
 */
final class WitnessSearch implements AutoCloseable {

    /** How answers of the local search are attributed. */
    static final String SOURCE = "local search (exact verification)";
    private static final long STOP_GRACE_MS = 2_000;

    private final ErmInstance inst;
    private final ScaledNetwork net;
    private final CancelToken token = new CancelToken();
    private final Thread thread;
    private volatile Answer found;
    private volatile ExactnessViolation violation;
    /** The vector of least loss met above the target, and that loss (scaled). */
    private volatile Best bestAbove;

    private record Best(long[] values, long scaledLoss) { }

    /** Hears the verified loss of every strictly better vector met above the target (deciding only). */
    private final Consumer<Rational> onBetter;

    private WitnessSearch(ErmInstance inst, ScaledNetwork net, Limits limits, long seed, long target, Consumer<Answer> onVerified,
                          Consumer<Rational> onBetter) {
        this.inst = inst;
        this.net = net;
        this.onBetter = onBetter;
        limits.cancel().onCancel(token::cancel);
        Limits own = new Limits(limits.deadline(), token);
        thread = new Thread(() -> search(own, seed, target, onVerified), "ermbit-local-search");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts looking for a vector with loss ≤ the instance's threshold; {@code onFound} runs (in the
     * search thread) once one is verified, and {@code onBetter} hears the exact loss (checked by the
     * verifier) of each strictly better vector met before that. Empty when the instance is out of
     * the search's reach or its threshold is negative. Runs with the same {@code seed} make the same
     * moves (apart from where the limits stop them).
     */
    static Optional<WitnessSearch> forThreshold(ErmInstance inst, Limits limits, long seed, Runnable onFound, Consumer<Rational> onBetter) {
        // below zero no loss can reach the threshold (and a negative target would mean "minimise")
        return ScaledNetwork.of(inst).filter(net -> net.scaledBound() >= 0)
                .map(net -> new WitnessSearch(inst, net, limits, seed, net.scaledBound(), a -> onFound.run(), onBetter));
    }

    /**
     * Starts a search that keeps lowering the loss until closed, handing every verified improvement to
     * {@code offer}. Empty when the instance is out of the search's reach.
     */
    static Optional<WitnessSearch> forMinimum(ErmInstance inst, Limits limits, long seed, Consumer<Answer> offer) {
        return ScaledNetwork.of(inst).map(net -> new WitnessSearch(inst, net, limits, seed, -1, offer, loss -> { }));
    }

    private void search(Limits limits, long seed, long target, Consumer<Answer> onVerified) {
        // a heuristic meeting a value beyond long drops out inside the schedule; the backends go on regardless
        new SearchSchedule(net, seed).run(target, limits, (values, scaledLoss) -> {
            if (target >= 0 && scaledLoss > target) {
                Best b = bestAbove;
                if (b == null || scaledLoss < b.scaledLoss()) {
                    bestAbove = new Best(values.clone(), scaledLoss);
                    if (!reportBetter(values, scaledLoss)) token.cancel();
                }
                return;
            }
            Answer a = verified(values, scaledLoss);
            if (a == null) {
                token.cancel();
                return;
            }
            if (target >= 0) {
                found = a;
                token.cancel();
            }
            onVerified.accept(a);
        });
    }

    /** Hands the verified loss of a better vector to {@code onBetter}; false after recording a violation. */
    private boolean reportBetter(long[] values, long scaledLoss) {
        Rational loss = Verifier.verify(inst, net.decode(values)).loss();
        Rational expected = Rational.of(scaledLoss, net.lossScale());
        if (!loss.equals(expected)) {
            violation = new ExactnessViolation(SOURCE + " computed the loss " + expected + " for a vector whose exact loss is " + loss);
            return false;
        }
        onBetter.accept(loss);
        return true;
    }

    /** The verified answer for {@code values}, or null after recording a violation. */
    private Answer verified(long[] values, long scaledLoss) {
        NetworkParameters p = net.decode(values);
        Verifier.Verdict v = Verifier.verify(inst, p);
        Rational expected = Rational.of(scaledLoss, net.lossScale());
        boolean inDomain = Verifier.domainProblems(inst, p).isEmpty();
        boolean withinThreshold = scaledLoss > net.scaledBound() || v.accepted();
        if (!inDomain || !v.loss().equals(expected) || !withinThreshold) {
            violation = new ExactnessViolation(SOURCE + " produced a vector the exact verifier disagrees with: its loss "
                    + expected + ", verifier " + v.loss() + " (" + String.join("; ", v.problems()) + ")");
            return null;
        }
        return new Answer(Status.SAT, Optional.of(p), Optional.of(v.loss()), Optional.of(ActivationPattern.of(inst, p)), SOURCE, "");
    }

    /**
     * A verified witness with loss ≤ the threshold, if the search found one.
     *
     * @throws ExactnessViolation if the search produced a vector the verifier disagrees with
     */
    Optional<Answer> answer() {
        if (violation != null) throw violation;
        return Optional.ofNullable(found);
    }

    /**
     * When no witness within the threshold was found: the exact loss (by the verifier) of the best
     * vector the search met, so that an UNKNOWN can say how close the search came.
     *
     * @throws ExactnessViolation if the verifier's loss differs from the search's own
     */
    Optional<Rational> bestLossAboveThreshold() {
        Best b = bestAbove;
        if (found != null || b == null) return Optional.empty();
        Rational loss = Verifier.verify(inst, net.decode(b.values())).loss();
        Rational expected = Rational.of(b.scaledLoss(), net.lossScale());
        if (!loss.equals(expected)) {
            throw new ExactnessViolation(SOURCE + " computed the loss " + expected + " for a vector whose exact loss is " + loss);
        }
        return Optional.of(loss);
    }

    /** Stops the search and waits briefly for its thread. */
    @Override
    public void close() {
        token.cancel();
        try {
            thread.join(STOP_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
