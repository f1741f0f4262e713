package org.ermbit.reductions.counting;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ermbit.core.eval.Backprop;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.ParameterRef;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.cnf.Cnf;
import org.ermbit.reductions.gadget.CompiledNetwork;
import org.ermbit.reductions.gadget.NetworkTooLarge;
import org.ermbit.reductions.gadget.SlpToNetwork;

/**
 * #SAT → one gradient bit-block of an ERM_bit instance with activation σ(t) = t² (DESIGN §8):
 * CNF → {@link Sharp3SatToSubsetSum} (parsimonious) → {@link SubsetSumToSlp} (N = Π(1 + X^(a_i)),
 * count in bits [T·M, T·M + M) of N) → {@link SlpToNetwork} (a fixed-weight t² network computing N)
 * → {@link ThetaReadout} (output θ·N, one point with target −1, squared loss).
 *
 * <p>L(θ) = (θN + 1)², so ∂L/∂θ = 2N(θN + 1) and at θ = 0 exactly 2N: the model count is
 * bits [T·M + 1, T·M + 1 + M) of the partial derivative ∂L/∂θ at θ = 0. N has about M·Π(radices)
 * bits, exponential in the formula, so {@link #check} first bounds the size of every value of the
 * forward pass (rigorously, without evaluating) and skips the formula if the bound exceeds the budget.
 */
public final class GradientBitReduction {

    /** The reduction's name. */
    public static final String NAME = "sharp3sat-gradbit";

    /** σ(t) = t², the activation of the produced network. */
    public static final Activation.Polynomial SQUARE =
            new Activation.Polynomial(List.of(Rational.ZERO, Rational.ZERO, Rational.ONE));

    /** Above this predicted size of N (bits) the network-level bound is not computed (it could not fit a long). */
    private static final BigInteger NETWORK_BOUND_CAP = BigInteger.ONE.shiftLeft(40);

    private GradientBitReduction() {
    }

    /** The #SubsetSum and SLP stages: cheap even for large formulas (nothing exponential is built). */
    public record Front(Sharp3SatToSubsetSum.Output subsetSum, SubsetSumToSlp.Encoding encoding) {

        /** First bit of the count in ∂L/∂θ at θ = 0 (which is 2N): T·M + 1. */
        public BigInteger countOffsetInGradient() {
            return encoding.countOffset().add(BigInteger.ONE);
        }

        /** Number of bits holding the count: M. */
        public int countWidth() {
            return encoding.m();
        }

        /** A bound on the bit length of ∂L/∂θ = 2N: bitLength(N) + 1. */
        public BigInteger gradientBitsBound() {
            return encoding.valueBitsBound().add(BigInteger.ONE);
        }

        /** The count read from ∂L/∂θ at θ = 0: bits [T·M + 1, T·M + 1 + M). */
        public BigInteger countFromGradient(BigInteger gradient) {
            return gradient.shiftRight(countOffsetInGradient().intValueExact())
                    .and(BigInteger.ONE.shiftLeft(encoding.m()).subtract(BigInteger.ONE));
        }

        /** Where to read the count, in words (for files and reports). */
        public String readoutStatement(String thetaName) {
            return "#models = bits [" + countOffsetInGradient() + ", " + countOffsetInGradient().add(BigInteger.valueOf(countWidth()))
                    + ") of dL/dtheta at theta = 0 (theta = " + thetaName + "; dL/dtheta = 2N, bit 0 least significant)";
        }
    }

    /** Everything the reduction builds, plus a rigorous bound on the bit length of every forward value. */
    public record Built(Front front, CompiledNetwork network, ThetaReadout.Instance readout, long neededBits) {

        /** The count read from ∂L/∂θ at θ = 0. */
        public BigInteger countFromGradient(BigInteger gradient) {
            return front.countFromGradient(gradient);
        }

        /** The subset-sum stage's output. */
        public Sharp3SatToSubsetSum.Output subsetSum() {
            return front.subsetSum();
        }

        /** The SLP stage's output. */
        public SubsetSumToSlp.Encoding encoding() {
            return front.encoding();
        }
    }

    /** The #SubsetSum and SLP stages only. */
    public static Front front(Cnf cnf) {
        Sharp3SatToSubsetSum.Output ss = Sharp3SatToSubsetSum.reduce(cnf);
        return new Front(ss, SubsetSumToSlp.reduce(ss.instance()));
    }

    /** Names θ as it appears in an ermbit/1 file. */
    public static String thetaName(ParameterRef theta) {
        return "weight of layer " + theta.layer() + ", unit " + theta.unit() + ", input " + theta.input();
    }

    /**
     * Builds the whole instance. The network has size polynomial in the formula, but its values
     * have about 2·{@link Front#gradientBitsBound()} bits (the product gadget squares a + b);
     * {@code neededBits} ({@link SlpToNetwork#squareNetworkValueBits}) bounds them rigorously, and is
     * {@link Long#MAX_VALUE} when N alone would exceed 2^40 bits. An instance past the ermbit/1 caps is
     * refused with {@link NetworkTooLarge} before it is built (a formula with 1000 or more digits at once,
     * from the formula alone; otherwise while the network is compiled).
     */
    public static Built reduce(Cnf cnf, String name) {
        int top = topItemDigit(cnf);
        if (top + 1 > InstanceReader.MAX_LAYERS) {
            throw new NetworkTooLarge("more than " + InstanceReader.MAX_LAYERS + " layers (at least " + (top + 1)
                    + ": one per digit of the largest subset-sum item)");
        }
        Front f = front(cnf);
        CompiledNetwork net = SlpToNetwork.compile(f.encoding().slp(), SQUARE, ThetaReadout::instanceSizeProblem);
        int thetaLayer = net.architecture().depth() + 1;
        String description = NAME + ": a CNF with " + cnf.variables() + " variables and " + cnf.clauses().size() + " clauses; "
                + f.readoutStatement(thetaName(ParameterRef.weight(thetaLayer, 0, 0)));
        ThetaReadout.Instance ro = ThetaReadout.build(net, name, description);
        return new Built(f, net, ro, neededBits(f));
    }

    /**
     * The rigorous bound on every forward value (and on ∂L/∂θ = 2N, the only non-zero gradient entry at
     * θ = 0: the deltas below θ are 0), from the SLP alone; {@link Long#MAX_VALUE} when N alone would
     * exceed 2^40 bits.
     */
    private static long neededBits(Front f) {
        if (f.gradientBitsBound().compareTo(NETWORK_BOUND_CAP) > 0) return Long.MAX_VALUE;
        return SlpToNetwork.squareNetworkValueBits(f.encoding().slp());
    }

    /**
     * Counts the models of {@code cnf} with {@code counter} (empty = the counter gave up), builds the
     * instance and reads it back from its ermbit/1 text, computes ∂L/∂θ at θ = 0 exactly with {@link Backprop}, reads the count from its bits and
     * compares. Skipped — never agreement — if the predicted bit size exceeds {@code bitBudget} or the
     * direct count is unknown.
     */
    public static CheckResult check(Cnf cnf, Function<Cnf, Optional<BigInteger>> counter, int bitBudget) {
        int top = topItemDigit(cnf);
        if (top >= EARLY_SKIP_DIGITS) {
            // N = Π(1 + X^(a_i)) ≥ 2^(M·Σ a_i) has more than Σ a_i ≥ 2^top bits: far past any budget, and the
            // front alone would be quadratic in the digits (a formula declaring 10^7 variables ran out of memory here)
            return new CheckResult(CheckResult.Verdict.SKIPPED, counter.apply(cnf).map(BigInteger::toString).orElse("-"), "-",
                    Long.MAX_VALUE, -1, "needs more than 2^" + top + " bits, budget " + bitBudget);
        }
        Front f = front(cnf);
        long needed = neededBits(f);
        if (needed > bitBudget) {
            // past the cap only the rough size is known: the peak is about twice N's size
            BigInteger shown = needed == Long.MAX_VALUE ? f.gradientBitsBound().shiftLeft(1) : BigInteger.valueOf(needed);
            return skippedForSize(counter.apply(cnf), shown, bitBudget);
        }
        Built built;
        try {
            built = reduce(cnf, "gradbit");
        } catch (NetworkTooLarge e) {
            return new CheckResult(CheckResult.Verdict.SKIPPED, counter.apply(cnf).map(BigInteger::toString).orElse("-"), "-", needed, -1,
                    "the reduced instance would be past the ermbit/1 caps: " + e.getMessage());
        }
        Optional<BigInteger> direct = counter.apply(cnf);
        if (direct.isEmpty()) {
            return new CheckResult(CheckResult.Verdict.SKIPPED, "-", "-", built.neededBits(), -1, "direct count not obtained");
        }
        String src = direct.get().toString();
        ThetaReadout.Instance ro = built.readout().viaFile();
        Backprop.Gradient g = Backprop.gradient(ro.instance(), ro.atThetaZero());
        Rational d = g.gradient().get(ro.theta());
        if (!d.isInteger() || d.signum() < 0) {
            return new CheckResult(CheckResult.Verdict.DISAGREE, src, d.toString(), built.neededBits(), g.maxBitLength(),
                    "dL/dtheta is not a non-negative integer");
        }
        BigInteger count = built.countFromGradient(d.numerator());
        CheckResult.Verdict v = count.equals(direct.get()) ? CheckResult.Verdict.AGREE : CheckResult.Verdict.DISAGREE;
        return new CheckResult(v, src, count.toString(), built.neededBits(), g.maxBitLength(),
                "gradient " + d.numerator().bitLength() + " bits, peak " + g.maxBitLength() + " bits");
    }

    /** From this {@link #topItemDigit} on, {@link #check} skips without building the front. */
    static final int EARLY_SKIP_DIGITS = InstanceReader.MAX_LAYERS;

    /**
     * The highest digit that occurs in a subset-sum item of {@link Sharp3SatToSubsetSum} (−1 without
     * variables), from the formula alone: variable v's items use digit v − 1, a normalised clause with
     * literals digit n + its index (empty clauses have no items). Every digit's radix is at least 2, so
     * the largest item is at least 2^top; it has top + 1 bits, and {@link SubsetSumToSlp} squares
     * X^(2^j) up to j = top one after another, each square one layer above the last
     * ({@link SlpToNetwork}): the network has at least top hidden layers, then its output layer, and
     * the instance the θ layer on top.
     */
    static int topItemDigit(Cnf cnf) {
        int n = cnf.variables();
        if (n == 0) return -1;
        List<int[]> clauses = Sharp3SatToSubsetSum.normalise(cnf);
        int top = n - 1;
        for (int c = clauses.size() - 1; c >= 0; c--) {
            if (clauses.get(c).length > 0) {
                top = n + c;
                break;
            }
        }
        return top;
    }

    private static CheckResult skippedForSize(Optional<BigInteger> direct, BigInteger needed, int budget) {
        return new CheckResult(CheckResult.Verdict.SKIPPED, direct.map(BigInteger::toString).orElse("-"), "-",
                needed.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue(), -1,
                "needs ~" + approximate(needed) + " bits, budget " + budget);
    }

    /** n in full if short, else as "1.23e45". */
    static String approximate(BigInteger n) {
        String s = n.toString();
        if (s.length() <= 12) return s;
        return s.charAt(0) + "." + s.substring(1, 3) + "e" + (s.length() - 1);
    }
}
