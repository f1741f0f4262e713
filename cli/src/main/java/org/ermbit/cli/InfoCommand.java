package org.ermbit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ermbit.core.eval.BitGrowthBound;
import org.ermbit.core.eval.Verifier;
import org.ermbit.core.format.InstanceReader;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.model.Activation;
import org.ermbit.core.model.Architecture;
import org.ermbit.core.model.Domain;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.model.SearchSpace;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.encode.UnsupportedInstanceException;
import org.ermbit.solvers.search.ScaledNetwork;
import org.ermbit.solvers.search.SearchSchedule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ermbit info INSTANCE}: sizes, the route (NP or counting) with an honest complexity label,
 * the per-layer bit-growth bound of {@link BitGrowthBound} and the size of the NP encoding. One
 * {@code key: value} line per fact; exit 0.
 */
@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Describe an instance: sizes, route (NP / counting), complexity, per-layer bit-growth bound, encoding size. Exit 0; bad input exit 2.")
public final class InfoCommand implements Callable<Integer> {

    /** Instances with more (data points × parameters) than this are not encoded just to report a size. */
    static final long MAX_ENCODED_WORK = 200_000;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "ermbit/1 instance file")
    Path instance;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ErmInstance inst = InstanceReader.read(instance);
        PrintWriter out = spec.commandLine().getOut();
        Architecture a = inst.architecture();
        out.println("instance: " + inst.name());
        inst.description().ifPresent(d -> out.println("description: " + PrintableText.oneLine(d)));
        out.println("inputs: " + a.inputs());
        StringBuilder layers = new StringBuilder();
        for (int l = 1; l <= a.depth(); l++) {
            if (l > 1) layers.append(", ");
            layers.append(a.layer(l).units()).append(' ').append(describe(a.layer(l).activation()));
        }
        out.println("layers: " + a.depth() + " (" + layers + ")");
        out.println("outputs: " + a.outputs());
        int fixed = inst.fixed().size();
        out.println("parameters: " + a.parameterCount() + " (" + (a.parameterCount() - fixed) + " free, " + fixed + " fixed)");
        out.println("data points: " + inst.data().size());
        if (inst.domains().isUniform()) {
            out.println("domain: " + domain(inst.domains().weights()));
        } else {
            out.println("domain of weights: " + domain(inst.domains().weights()));
            out.println("domain of biases: " + domain(inst.domains().biases()));
        }
        out.println("search space: " + searchSpace(inst));
        out.println("loss: " + inst.loss().type().jsonName() + ", aggregate " + inst.loss().aggregate().jsonName());
        out.println("threshold: " + inst.threshold());
        inst.expected().ifPresent(e -> out.println("expected: " + expected(e)));
        boolean np = a.isPiecewiseLinear();
        if (np) {
            out.println("route: NP (every activation is piecewise linear)");
            out.println("complexity: ERM_bit with piecewise-linear activations is in NP (certificate: activation pattern"
                    + " + parameters); NP-complete for ReLU networks");
        } else {
            out.println("route: counting (polynomial activation of degree " + a.maxDegree()
                    + "; never sent to the NP encoder, solved by bounded exact search within a bit budget)");
            out.println("complexity: ERM_bit with polynomial activations is #P-hard as stated by the source paper"
                    + " (its proof reportedly rests on a conjecture); a gradient bit is #P-hard (BitSLP), the gradient sign"
                    + " PosSLP-hard");
        }
        for (BitGrowthBound.Layer b : BitGrowthBound.of(inst)) {
            if (b.beyondCap()) {
                out.println("bit-growth bound layer " + b.layer() + ": more than " + BitGrowthBound.CAP_BITS + " bits");
            } else {
                out.println("bit-growth bound layer " + b.layer() + ": at most " + b.bits() + " bits (|h| " + magnitudeBound(b)
                        + ", denominator " + denominatorBound(b) + ")");
            }
        }
        out.println("encoding: " + encoding(inst, np));
        if (np) out.println("witness search: " + witnessSearch(inst));
        out.flush();
        return 0;
    }

    /** Numbers longer than this many characters are shown as a power of two they stay below. */
    static final int MAX_EXACT_DIGITS = 40;

    /** {@code <= M} with M exact when short, else {@code < 2^k} with k the bit length of ⌈M⌉ (deep polynomial layers reach millions of digits). */
    private static String magnitudeBound(BitGrowthBound.Layer b) {
        String exact = b.magnitude().toString();
        return exact.length() <= MAX_EXACT_DIGITS ? "<= " + exact : "< 2^" + b.magnitude().ceil().bitLength();
    }

    /** {@code divides Q} or {@code <= Q} with Q exact when short, else {@code < 2^k} with k the bit length of Q. */
    private static String denominatorBound(BitGrowthBound.Layer b) {
        String exact = b.denominator().toString();
        if (exact.length() > MAX_EXACT_DIGITS) return "< 2^" + b.denominator().bitLength();
        return (b.lattice() ? "divides " : "<= ") + exact;
    }

    /** The witness heuristics {@code solve} and {@code optimize} run next to the backends, in turn order. */
    private static String witnessSearch(ErmInstance inst) {
        return ScaledNetwork.of(inst)
                .map(net -> String.join(", ", new SearchSchedule(net, 0).heuristics()) + " (on by default; --no-local-search turns it off)")
                .orElse("none (it needs fixed or grid domains whose scaled values fit in 64 bits)");
    }

    private static String describe(Activation act) {
        if (act instanceof Activation.LeakyRelu lr) return "leaky_relu(alpha " + lr.alpha() + ")";
        if (act instanceof Activation.Polynomial p) return "polynomial(degree " + p.degree() + ")";
        return act.typeName();
    }

    private static String domain(Domain d) {
        String size;
        try {
            size = d.size() + " values";
        } catch (ArithmeticException e) {
            size = "more than 2^" + (2 * Domain.RationalBits.MAX_COUNTED_BITS) + " values";
        }
        return Verifier.describe(d) + ", " + d.minValue() + " .. " + d.maxValue() + ", " + size;
    }

    /** The number of parameter vectors: the product of the free parameters' domain sizes. */
    private static String searchSpace(ErmInstance inst) {
        SearchSpace space = SearchSpace.of(inst);
        if (space.isSingleVector()) return "1 parameter vector (every parameter is fixed)";
        return space.describe() + " parameter vectors";
    }

    private static String expected(org.ermbit.core.model.Expected e) {
        if (e instanceof org.ermbit.core.model.Expected.Sat) return "sat";
        if (e instanceof org.ermbit.core.model.Expected.Unsat) return "unsat";
        return "optimum " + ((org.ermbit.core.model.Expected.Optimum) e).value();
    }

    private static String encoding(ErmInstance inst, boolean np) {
        if (!np) return "none (counting route)";
        long work = (long) inst.data().size() * inst.architecture().parameterCount();
        if (work > MAX_ENCODED_WORK) {
            return "not built (" + inst.data().size() + " points x " + inst.architecture().parameterCount()
                    + " parameters is past the info limit of " + MAX_ENCODED_WORK + ")";
        }
        try {
            Encoding enc = ErmEncoder.encode(inst, EncoderOptions.defaults());
            return enc.sizeSummary();
        } catch (UnsupportedInstanceException e) {
            return e.getMessage();
        }
    }

}
