package org.ermbit.reductions.counting;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import org.ermbit.core.eval.Backprop;
import org.ermbit.core.model.Activation;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.gadget.CompiledNetwork;
import org.ermbit.reductions.gadget.NetworkBounds;
import org.ermbit.reductions.gadget.SlpToNetwork;

/**
 * #SAT → one gradient bit-block of an ERM_bit instance with activation σ(t) = t² (DESIGN §8):
 * CNF → {@link Sharp3SatToSubsetSum} (parsimonious) → {@link SubsetSumToSlp} (N = Π(1 + X^(a_i)),
 * count in bits [T·M, T·M + M) of N) → {@link SlpToNetwork} (a fixed-weight t² network computing N)
 * → {@link ThetaReadout} (output θ·N, one point with target −1, squared loss).
 *
 * <p>L(θ) = (θN + 1)², so ∂L/∂θ = 2N(θN + 1) and at θ = 0 exactly 2N: the model count is
 * bits [T·M + 1, T·M + 1 + M) of the partial derivative ∂L/∂θ at θ = 0. N has about M·(Π radices)
 * bits, exponential in the formula, so {@link #check} first bounds the size of every value of the
 * forward pass (rigorously, without evaluating) and skips the formula if the bound exceeds the budget.
 */
public final class GradientBitReduction {

    /** The reduction's name. */
    public static final String NAME = "sharp3sat-gradbit";

    /** σ(t) = t², the activation of the produced network. */
    public static final Activation.Polynomial SQUARE =
            new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));

    private GradientBitReduction() {
    }

    /** Everything the reduction builds, plus the predicted size of its values. */
    public record Built(ThetaReadout.Instance readout, Sharp3SatToSubsetSum.Output subsetSum,
            SubsetSumToSlp.Encoding encoding, CompiledNetwork network, long neededBits) {

        /** First bit of the count in ∂L/∂θ (= 2N): T·M + 1. */
        public long countOffsetInGradient() {
            return encoding.countOffset() + 1;
        }

        /** The count read from ∂L/∂θ at θ = 0: bits [T·M + 1, T·M + 1 + M). */
        public BigInteger countFromGradient(BigInteger gradient) {
            return gradient.shiftRight(Math.toIntExact(countOffsetInGradient()))
                    .and(BigInteger.ONE.shiftLeft(encoding.m()).subtract(BigInteger.ONE));
        }
    }

    /** Builds the instance (cheap: no huge number is computed). */
    public static Built reduce(Cnf cnf, String name) {
        Sharp3SatToSubsetSum.Output ss = Sharp3SatToSubsetSum.reduce(cnf);
        SubsetSumToSlp.Encoding enc = SubsetSumToSlp.reduce(ss.instance());
        CompiledNetwork net = SlpToNetwork.compile(enc.slp(), SQUARE);
        String description = "sharp3sat-gradbit: #models of a CNF with " + cnf.variables() + " variables and "
                + cnf.clauses().size() + " clauses = bits [" + (enc.countOffset() + 1) + ", " + (enc.countOffset() + 1 + enc.m())
                + ") of dL/dtheta at theta = 0 (weight " + ThetaName.of(net) + "), which equals 2N";
        ThetaReadout.Instance ro = ThetaReadout.build(net, name, description);
        // forward values bounded on the network; +1 for 2N, +1 for Rational.bitLength's denominator bit
        long needed = NetworkBounds.maxBitLengthBound(net.architecture(), net.parameters(), List.of(Rational.ZERO)) + 2;
        return new Built(ro, ss, enc, net, needed);
    }

    /**
     * Counts the models of {@code cnf} with {@code counter}, builds the instance, computes ∂L/∂θ at
     * θ = 0 exactly with {@link Backprop}, reads the count from its bits and compares. Skipped (never
     * agreement) if the predicted bit size exceeds {@code bitBudget}.
     */
    public static CheckResult check(Cnf cnf, Function<Cnf, BigInteger> counter, int bitBudget) {
        BigInteger direct = counter.apply(cnf);
        Built built = reduce(cnf, "gradbit");
        String src = direct.toString();
        if (built.neededBits() > bitBudget) {
            return new CheckResult(CheckResult.Verdict.SKIPPED, src, "-", built.neededBits(), -1,
                    "needs ~" + built.neededBits() + " bits, budget " + bitBudget);
        }
        ThetaReadout.Instance ro = built.readout();
        Backprop.Gradient g = Backprop.gradient(ro.instance(), ro.atThetaZero());
        Rational d = g.gradient().get(ro.theta());
        if (!d.isInteger() || d.signum() < 0) {
            return new CheckResult(CheckResult.Verdict.DISAGREE, src, d.toString(), built.neededBits(), g.maxBitLength(),
                    "dL/dtheta is not a non-negative integer");
        }
        BigInteger count = built.countFromGradient(d.numerator());
        CheckResult.Verdict v = count.equals(direct) ? CheckResult.Verdict.AGREE : CheckResult.Verdict.DISAGREE;
        return new CheckResult(v, src, count.toString(), built.neededBits(), g.maxBitLength(),
                "gradient " + d.numerator().bitLength() + " bits, peak " + g.maxBitLength() + " bits");
    }

    /** Names θ in file terms for the description. */
    private static final class ThetaName {
        static String of(CompiledNetwork net) {
            return "layer " + (net.architecture().depth() + 1) + ", unit 0, input 0";
        }
    }
}
