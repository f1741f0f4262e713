package org.ermbit.reductions.counting;

import org.ermbit.reductions.gadget.NetworkTooLarge;

import org.ermbit.core.eval.Backprop;
import org.ermbit.core.model.Activation;
import org.ermbit.reductions.gadget.CompiledNetwork;
import org.ermbit.reductions.gadget.SlpToNetwork;
import org.ermbit.reductions.slp.Evaluation;
import org.ermbit.reductions.slp.Slp;

/**
 * PosSLP → sign of one partial derivative. The SLP is compiled into a fixed-weight network with
 * activation σ (default t²) computing its value V exactly ({@link SlpToNetwork}); {@link ThetaReadout}
 * puts one trainable weight θ on top (output θ·V, one data point with target −1, squared loss).
 * L(θ) = (θV + 1)², so ∂L/∂θ at θ = 0 equals 2V: its sign is the sign of V, and deciding
 * "∂L/∂θ &gt; 0?" decides PosSLP ("is V &gt; 0?"). The network has size linear in the program for
 * SLPs of small width; V may have exponentially many bits.
 */
public final class PosSlpGradSign {

    /** The reduction's name. */
    public static final String NAME = "posslp-gradsign";

    private PosSlpGradSign() {
    }

    /**
     * The instance and the predicted bit size of its forward values ({@link SlpToNetwork#networkValueBits};
     * {@link Long#MAX_VALUE} if that bound does not fit a long).
     */
    public record Built(ThetaReadout.Instance readout, CompiledNetwork network, long neededBits) {
    }

    /** Builds the instance; {@link NetworkTooLarge} (before building it) when it would be past the ermbit/1 caps. */
    public static Built reduce(Slp slp, Activation.Polynomial sigma, String name) {
        // a network past the ermbit/1 caps could not be written or read back: refused (NetworkTooLarge) before it is built
        CompiledNetwork net = SlpToNetwork.compile(slp, sigma, ThetaReadout::instanceSizeProblem);
        ThetaReadout.Instance ro = ThetaReadout.build(net, name,
                "posslp-gradsign: sign(dL/dtheta at theta = 0) = sign of the SLP's value (dL/dtheta = 2V)");
        return new Built(ro, net, SlpToNetwork.networkValueBits(slp, sigma));
    }

    public static Built reduce(Slp slp, String name) {
        return reduce(slp, GradientBitReduction.SQUARE, name);
    }

    /**
     * Evaluates the SLP exactly (source: its sign) and the gradient of the built instance (target:
     * the sign of ∂L/∂θ at θ = 0) and compares; skipped if either side would exceed {@code bitBudget}.
     */
    public static CheckResult check(Slp slp, Activation.Polynomial sigma, int bitBudget) {
        Evaluation e = slp.evaluate(bitBudget);
        if (!(e instanceof Evaluation.Value value)) {
            long needed = Math.max(slp.tightBitLengthBound(), ((Evaluation.OverBudget) e).neededBits());
            return new CheckResult(CheckResult.Verdict.SKIPPED, "-", "-", needed, -1,
                    needs(needed) + ", budget " + bitBudget + "; " + e);
        }
        String src = signWord(value.value().signum());
        Built built;
        try {
            built = reduce(slp, sigma, "posslp");
        } catch (NetworkTooLarge tooLarge) {
            return new CheckResult(CheckResult.Verdict.SKIPPED, src, "-", -1, -1,
                    "the reduced instance would be past the ermbit/1 caps: " + tooLarge.getMessage());
        }
        if (built.neededBits() > bitBudget) {
            return new CheckResult(CheckResult.Verdict.SKIPPED, src, "-", built.neededBits(), -1,
                    needs(built.neededBits()) + ", budget " + bitBudget);
        }
        ThetaReadout.Instance ro = built.readout().viaFile();
        Backprop.Gradient g = Backprop.gradient(ro.instance(), ro.atThetaZero());
        String tgt = signWord(g.gradient().get(ro.theta()).signum());
        return new CheckResult(src.equals(tgt) ? CheckResult.Verdict.AGREE : CheckResult.Verdict.DISAGREE, src, tgt,
                built.neededBits(), g.maxBitLength(), "");
    }

    /** "needs ~N bits", or that the size bound itself is too large for a long. */
    private static String needs(long bits) {
        return bits == Long.MAX_VALUE ? "needs more bits than a long can count" : "needs ~" + bits + " bits";
    }

    private static String signWord(int signum) {
        return signum > 0 ? "positive" : signum < 0 ? "negative" : "zero";
    }
}
