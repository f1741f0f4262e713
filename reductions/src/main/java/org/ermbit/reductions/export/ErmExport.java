package org.ermbit.reductions.export;

import java.math.BigInteger;
import java.util.List;
import org.ermbit.core.ir.Assignment;
import org.ermbit.core.ir.Model;
import org.ermbit.core.model.NetworkParameters;
import org.ermbit.core.number.Rational;
import org.ermbit.reductions.encode.Encoding;
import org.ermbit.reductions.lower.Lowered;

/**
 * An ERM_bit instance written in one {@link ExportFormat} by {@link ErmExporter}.
 *
 * @param format          the file format of {@link #text}
 * @param text            the file contents
 * @param optimize        true: the file minimises the scaled loss; false: it asks whether a
 *                        parameter vector has loss ≤ the instance's threshold
 * @param encoding        the encoding of the instance (decode parameters from a lifted assignment)
 * @param lowered         the written model and the map from its assignments back to
 *                        {@code encoding}'s model (or the model with the loss bound)
 * @param objectiveOffset constant to add to the objective value a solver reports for the file to get
 *                        the scaled loss (formats without objective constants drop it); 0 when
 *                        not optimising
 * @param lossBound       the integer bound on the scaled loss in decision mode (⌊γ·lossScale⌋)
 * @param notes           human-readable facts written as comments at the top of the file
 * @param fileSize        the file's own size where it differs from {@link #writtenModel()}'s ("N variables,
 *                        M clauses" of a CNF after the pseudo-Boolean translation, "N rows" of an LP with
 *                        big-M rows), else empty
 */
public record ErmExport(ExportFormat format, String text, boolean optimize, Encoding encoding, Lowered lowered,
                        BigInteger objectiveOffset, BigInteger lossBound, List<String> notes, String fileSize) {
    public ErmExport {
        notes = List.copyOf(notes);
    }

    /** The constraint model the file contains (after lowering). */
    public Model writtenModel() {
        return lowered.model();
    }

    /**
     * The parameters that an assignment of {@link #writtenModel()} stands for (lifted through the
     * lowering, then decoded). The caller still verifies them exactly.
     */
    public NetworkParameters decode(Assignment written) {
        return encoding.decodeParameters(lowered.lift().lift(written));
    }

    /**
     * The assignment of {@link #writtenModel()} in a DIMACS model of the CNF file
     * ({@code dimacs[v]} for v ≥ 1; the written model's variable i is DIMACS variable i + 1).
     */
    public Assignment fromDimacs(boolean[] dimacs) {
        BigInteger[] values = new BigInteger[writtenModel().vars().size()];
        for (int i = 0; i < values.length; i++) values[i] = i + 1 < dimacs.length && dimacs[i + 1] ? BigInteger.ONE : BigInteger.ZERO;
        return new Assignment(values);
    }

    /** The exact loss that a solver-reported objective value of the file stands for. */
    public Rational lossOfObjective(BigInteger fileObjective) {
        return encoding.lossOf(fileObjective.add(objectiveOffset));
    }
}
