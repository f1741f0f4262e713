package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.ermbit.core.format.PrintableText;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.ErmInstance;
import org.ermbit.core.spi.Capability;
import org.ermbit.reductions.encode.EncoderOptions;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.encode.ErmEncoder;
import org.ermbit.reductions.lower.Lowered;
import org.ermbit.reductions.lower.Lowerings;

/**
 * Exports an ERM_bit instance: encode ({@link ErmEncoder}) → add the question (loss ≤ threshold,
 * or minimise the loss) → lower for the format → write. Lowering per format:
 * <ul>
 *   <li>{@code smtlib}: none (products stay native, QF_NIA), or products to bits (QF_LIA) with
 *       {@code linearSmt}; optimisation uses Z3's {@code (minimize …)} extension;</li>
 *   <li>{@code opb}, {@code cnf}: products to bits, then integers to pseudo-Boolean (all variables
 *       0/1); CNF uses the exact adder encoding, and WCNF when optimising;</li>
 *   <li>{@code lp}: products to bits (linear integer program, exact big-M rows); any number with
 *       magnitude above 2^53 is refused, since LP solvers compute in doubles.</li>
 * </ul>
 * Everything is exact; anything that cannot be written exactly throws an
 * {@link IllegalArgumentException} (or {@code UnsupportedInstanceException}) whose message starts with
 * "not supported: ".
 */
public final class ErmExporter {

    private ErmExporter() {
    }

    /**
     * Exports {@code inst} in {@code format}.
     *
     * @param optimize  write "minimise the scaled loss" instead of "scaled loss ≤ ⌊threshold·scale⌋"
     * @param opts      encoder options (symmetry breaking)
     * @param linearSmt for {@code smtlib}: lower products to bits and write QF_LIA
     */
    public static ErmExport export(ErmInstance inst, ExportFormat format, boolean optimize, EncoderOptions opts, boolean linearSmt) {
        Encoding enc = ErmEncoder.encode(inst, opts);
        BigInteger bound = inst.threshold().multiply(org.ermbit.core.number.Rational.of(enc.lossScale())).floor();
        Model question = optimize ? enc.minimizingLoss() : enc.withLossAtMost(inst.threshold());
        Lowered lowered = lowering(format, linearSmt).apply(question);
        Model m = lowered.model();
        String body;
        String fileSize = "";
        BigInteger offset = BigInteger.ZERO;
        switch (format) {
            case SMTLIB -> body = new SmtLibWriter(optimize ? SmtLibWriter.Dialect.Z3 : SmtLibWriter.Dialect.STANDARD).write(m);
            case OPB -> {
                body = new OpbWriter().write(m);
                offset = OpbWriter.objectiveOffset(m);
            }
            case CNF -> {
                CnfEncoding ce = PseudoBooleanToCnf.encode(m);
                CnfWriter w = new CnfWriter();
                fileSize = ce.cnf().variables() + " variables, " + ce.cnf().clauses().size() + (optimize ? " hard clauses" : " clauses");
                if (optimize) {
                    body = w.wcnf(ce);
                    offset = CnfWriter.objectiveOffset(ce);
                } else {
                    body = w.dimacs(ce);
                }
            }
            case LP -> {
                LpExport lp = new LpWriter(false).write(m);
                body = lp.text();
                fileSize = m.vars().size() + " variables, " + lp.rows() + " rows";
                offset = lp.objectiveOffset();
            }
            default -> throw new IllegalArgumentException("not supported: format " + format);
        }
        List<String> notes = notes(inst, enc, format, optimize, bound, offset, m, linearSmt);
        return new ErmExport(format, prepend(format, notes, body), optimize, enc, lowered,
                optimize ? offset : BigInteger.ZERO, bound, notes, fileSize);
    }

    private static org.ermbit.reductions.lower.LoweringPass lowering(ExportFormat format, boolean linearSmt) {
        return switch (format) {
            case SMTLIB -> linearSmt ? Lowerings.forCapabilities(EnumSet.of(Capability.LIA)) : Lowerings.identity();
            case OPB, CNF -> Lowerings.forCapabilities(EnumSet.of(Capability.PSEUDO_BOOLEAN));
            case LP -> Lowerings.forCapabilities(EnumSet.of(Capability.LIA));
        };
    }

    /** Names longer than this many characters are shortened in the files' comments. */
    static final int NAME_SHOWN = 200;

    /**
     * The instance name for a comment line, quoted; a name of more than {@value #NAME_SHOWN} characters
     * is cut there and says so — CBC 2.10.8 fails an assertion on an LP comment line of some 2,500
     * characters, and a comment only has to identify the instance.
     */
    static String shownName(String name) {
        String one = PrintableText.oneLine(name);
        int length = one.codePointCount(0, one.length());
        if (length <= NAME_SHOWN) return "\"" + one + "\"";
        return "\"" + one.substring(0, one.offsetByCodePoints(0, NAME_SHOWN)) + "...\" (the first " + NAME_SHOWN + " of "
                + length + " characters)";
    }

    private static List<String> notes(ErmInstance inst, Encoding enc, ExportFormat format, boolean optimize,
                                      BigInteger bound, BigInteger offset, Model m, boolean linearSmt) {
        List<String> n = new ArrayList<>();
        n.add("ermbit export of instance " + shownName(inst.name()) + " as " + format.cliName()
                + (format == ExportFormat.SMTLIB ? (m.hasProducts() ? " (QF_NIA, native products)" : linearSmt ? " (QF_LIA, products lowered to bits)" : " (QF_LIA)") : ""));
        n.add("scaled loss = loss * " + enc.lossScale() + " (an integer for every parameter vector of the domain)");
        if (optimize) {
            n.add("question: minimise the scaled loss over the finite parameter domain");
            if (offset.signum() != 0) {
                n.add("scaled loss = (objective value reported for this file) + " + offset);
            } else {
                n.add("scaled loss = objective value reported for this file");
            }
            if (format == ExportFormat.SMTLIB) n.add("(minimize ...) is a Z3 extension; cvc5 and other solvers reject it");
        } else {
            n.add("question: is there a parameter vector in the finite domain with loss <= " + inst.threshold()
                    + ", i.e. scaled loss <= " + bound + "?");
            n.add("unsatisfiable means: no parameter vector in this finite domain (not: no real-valued parameters)");
        }
        n.add("encoded model: " + Encoding.summary(enc.model()) + "; written model: " + Encoding.summary(m));
        return n;
    }

    /** Puts the notes in the format's comment syntax before the body (after OPB's mandatory first line). */
    static String prepend(ExportFormat format, List<String> notes, String body) {
        String prefix = switch (format) {
            case SMTLIB -> "; ";
            case OPB -> "* ";
            case CNF -> "c ";
            case LP -> "\\ ";
        };
        StringBuilder comments = new StringBuilder();
        for (String s : notes) comments.append(prefix).append(PrintableText.oneLine(s)).append('\n');
        if (format == ExportFormat.OPB) {
            int nl = body.indexOf('\n');
            return body.substring(0, nl + 1) + comments + body.substring(nl + 1);
        }
        return comments + body;
    }
}
