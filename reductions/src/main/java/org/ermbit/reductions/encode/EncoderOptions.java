package org.ermbit.reductions.encode;

/**
 * Options of {@link ErmEncoder}.
 *
 * @param symmetryBreaking add lexicographic-order constraints on interchangeable hidden units
 *                         (sound: some optimal parameter vector always satisfies them)
 */
public record EncoderOptions(boolean symmetryBreaking) {
    /** Symmetry breaking on. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(true);
    }
}
